/**
 * NIMDM 2017 results files in NISRA's published layout (Open Data NI "NIMDM 2017 - SOA" / "- SA"
 * CSVs), made up here: real code shapes and the real 11 districts, fictional ranks — every
 * column a permutation of 1 … n, so a full file is a valid ranking. Never copied from real data.
 */
export const NI_DISTRICTS: readonly (readonly [string, string])[] = [
  ["N09000001", "Antrim and Newtownabbey"],
  ["N09000002", "Armagh City, Banbridge and Craigavon"],
  ["N09000003", "Belfast"],
  ["N09000004", "Causeway Coast and Glens"],
  ["N09000005", "Derry City and Strabane"],
  ["N09000006", "Fermanagh and Omagh"],
  ["N09000007", "Lisburn and Castlereagh"],
  ["N09000008", "Mid and East Antrim"],
  ["N09000009", "Mid Ulster"],
  ["N09000010", "Newry, Mourne and Down"],
  ["N09000011", "Ards and North Down"],
];

export const NIMDM_RANK_COLUMNS = [
  "MDM_rank",
  "D1_Income_rank",
  "D2_Empl_rank",
  "D3_Health_rank",
  "P4_Education_rank",
  "P5_Access_rank",
  "D6_LivEnv_rank",
  "D7_CD_rank",
] as const;

/** Multipliers prime to both 890 (2 × 5 × 89) and 4,537 (13 × 349), so i ↦ (i × m + k) mod n is a permutation. */
const MULTIPLIERS = [367, 3, 7, 11, 17, 19, 23, 29];

export interface NimdmRowData {
  code: string;
  name: string;
  lgd: readonly [string, string];
  ranks: number[];
  incomePerc: number;
  emplPerc: number;
}

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** The i-th SOA code: 95, a 1992 district (AA, AB …), a ward 01–45, S1 or S2. */
export function soaCode(i: number): string {
  const district = Math.floor(i / 90);
  const pair = `${LETTERS[Math.floor(district / 26)]}${LETTERS[district % 26]}`;
  return `95${pair}${String((i % 45) + 1).padStart(2, "0")}S${Math.floor((i % 90) / 45) + 1}`;
}

export function nimdmRows(geography: "soa" | "sa", count: number, areaCount = geography === "soa" ? 890 : 4537) {
  return Array.from({ length: count }, (_, i): NimdmRowData => {
    const code = geography === "soa" ? soaCode(i) : `N00${String(i + 1).padStart(6, "0")}`;
    return {
      code,
      name: geography === "soa" ? `Fictional ${i + 1}` : "",
      lgd: NI_DISTRICTS[i % NI_DISTRICTS.length]!,
      ranks: MULTIPLIERS.map((m, d) => ((i * m + d) % areaCount) + 1),
      incomePerc: i % 61,
      emplPerc: (i * 7) % 43,
    };
  });
}

/** The file as published: LGD2014code, LGD2014name, the code, its name, MDM_rank and the domains. */
export function nimdmCsv(geography: "soa" | "sa", rows: readonly NimdmRowData[]): string {
  const code = geography === "soa" ? "SOA2001" : "SA2011";
  const header = [
    "LGD2014code",
    "LGD2014name",
    code,
    "SOA2001name",
    "MDM_rank",
    "D1_Income_rank",
    "Income_perc",
    "D2_Empl_rank",
    "Empl_perc",
    "D3_Health_rank",
    "P4_Education_rank",
    "P5_Access_rank",
    "D6_LivEnv_rank",
    "D7_CD_rank",
  ];
  const quote = (text: string) => (/[",]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  const lines = rows.map((r) =>
    [
      r.lgd[0],
      quote(r.lgd[1]),
      r.code,
      r.name,
      r.ranks[0],
      r.ranks[1],
      r.incomePerc,
      r.ranks[2],
      r.emplPerc,
      ...r.ranks.slice(3),
    ].join(","),
  );
  return `${[header.join(","), ...lines].join("\n")}\n`;
}
