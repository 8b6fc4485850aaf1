/**
 * The demo's templates are written for Scotland. An English or Welsh partnership would not run a
 * Scottish Child Payment campaign or report to a Community Planning Partnership: the same action
 * or sentence under the names used there.
 */
type Nation = "england" | "wales" | "scotland" | "northern-ireland";

const OUTSIDE_SCOTLAND: [string, { england: string; wales: string }][] = [
  // Indicators cited as evidence: each nation's own (the ids too, not only the names).
  ["scp-take-up", { england: "demo-free-school-meals-take-up", wales: "demo-free-school-meals-take-up" }],
  [
    "Scottish Child Payment take-up estimate",
    {
      england: "Pupils eligible for free school meals who take them (Fictional demo data)",
      wales: "Pupils eligible for free school meals who take them (Fictional demo data)",
    },
  ],
  [
    "simd-children-most-deprived-20",
    { england: "idaci-children-most-deprived-20", wales: "wimd-children-most-deprived-20" },
  ],
  [
    "Children living in the most deprived 20% of data zones",
    {
      england: "Children living in the 20% most income-deprived neighbourhoods (IDACI)",
      wales: "Children living in the 20% most deprived small areas (WIMD)",
    },
  ],
  [
    "Scottish Child Payment and Best Start take-up campaign",
    {
      england: "Healthy Start and free school meals take-up campaign",
      wales: "Healthy Start and School Essentials Grant take-up campaign",
    },
  ],
  ["Scottish Welfare Fund", { england: "Household Support Fund", wales: "Discretionary Assistance Fund" }],
  ["school clothing grant", { england: "school uniform support", wales: "School Essentials Grant" }],
  ["Pupil equity funding", { england: "Pupil premium", wales: "Pupil Development Grant" }],
  [
    "under-22s free bus travel cards",
    { england: "discounted bus travel for young people", wales: "the MyTravelPass discount for young people" },
  ],
  ["under-22s' companions", { england: "young people's companions", wales: "young people's companions" }],
  ["Community Planning Partnership Board", { england: "Health and Wellbeing Board", wales: "Public Services Board" }],
  ["Community Planning Partnership", { england: "Health and Wellbeing Board", wales: "Public Services Board" }],
  [
    "Local Outcomes Improvement Plan",
    { england: "Joint Local Health and Wellbeing Strategy", wales: "Local Well-being Plan" },
  ],
  ["data zones", { england: "neighbourhoods", wales: "neighbourhoods" }],
  ["Health board recruitment", { england: "NHS recruitment", wales: "Health board recruitment" }],
  ["entry-level health board posts", { england: "entry-level NHS posts", wales: "entry-level health board posts" }],
  [
    "the council and health board lead",
    { england: "the council and NHS partners lead", wales: "the council and health board lead" },
  ],
  [
    "the health board's director of public health",
    { england: "the director of public health", wales: "the health board's director of public health" },
  ],
  ["Health board budget", { england: "NHS budget", wales: "Health board budget" }],
];

export function localise(text: string, nation: Nation | string): string {
  if (nation !== "england" && nation !== "wales") return text;
  let out = text;
  for (const [scottish, elsewhere] of OUTSIDE_SCOTLAND) out = out.split(scottish).join(elsewhere[nation]);
  return out;
}

/** Every string inside a plain object of strings, arrays and objects (templates, strategy text). */
export function localiseAll<T>(value: T, nation: Nation | string): T {
  if (typeof value === "string") return localise(value, nation) as T;
  if (Array.isArray(value)) return value.map((item) => localiseAll(item, nation)) as T;
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, localiseAll(item, nation)])) as T;
  }
  return value;
}
