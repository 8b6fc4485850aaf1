/**
 * The area profile's small-area deprivation panels: the latest edition of the area's own nation's
 * index (deciles by LSOA or data zone), with the child population of the same edition for
 * "children in the most deprived 10%", and a sentence saying why when an authority has none.
 */
import { yieldToEventLoop } from "../../kernel/db/arrays.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { type AreaRow, childrenOfType, findBoundary } from "../geography/index.ts";
import { type IndicatorRow, type ObservationValue, valuesForPairs } from "../indicators/index.ts";
import { type DecileDistribution, decileDistribution } from "./analysis.ts";

/** Each nation's small-area deprivation deciles: the latest edition of its index in the catalogue is shown. */
const DECILE_PATTERNS: { nation: string; test: RegExp }[] = [
  { nation: "england", test: /^iod(\d{4})-(idaci|imd)-decile$/ },
  { nation: "wales", test: /^wimd(\d{4})-decile$/ },
  { nation: "scotland", test: /^simd(\d{4})(v\d+)?-decile$/ },
  // By super output area (the LSOA-level areas); the Small Area results have their own slugs (nimdm2017-sa-…).
  { nation: "northern-ireland", test: /^nimdm(\d{4})-mdm-decile$/ },
];

/** The decile indicators a profile shows for an area of `nation`: the latest edition (2020v2 after 2020) of its index. */
export function decileIndicatorsFor(
  catalogue: ReadonlyMap<string, IndicatorRow>,
  nation: string | null,
): IndicatorRow[] {
  const out: IndicatorRow[] = [];
  for (const pattern of DECILE_PATTERNS) {
    if (nation && pattern.nation !== nation) continue;
    const found = [...catalogue.values()].filter(
      (row) => pattern.test.test(row.slug) && row.areaTypes.includes("lsoa"),
    );
    const edition = (row: IndicatorRow) => pattern.test.exec(row.slug)![0].replace(/-(idaci|imd)?-?decile$/, "");
    const latest = found.map(edition).sort().at(-1);
    out.push(...found.filter((row) => edition(row) === latest).sort((a, b) => a.slug.localeCompare(b.slug)));
  }
  return out;
}
/** The IoD File 6 child population of the same edition as the deciles. */
const childPopulation = (decileSlug: string) => {
  const release = /^iod(\d{4})-/.exec(decileSlug)?.[1];
  return release ? `iod${release}-population-dependent-children-aged-0-15` : null;
};

export interface SmallAreaPanel {
  indicator: IndicatorRow;
  periodCode: string;
  rows: { code: string; name: string; decile: number | null; flags: number; children: number | null }[];
  distribution: DecileDistribution;
  populationPeriod: string | null;
  topology: string | undefined;
}

/** Each indicator's values in its own latest period, for a set of areas, by indicator slug. */
export type ByLatest = Map<string, ObservationValue[]>;

export function groupBySlug(values: readonly ObservationValue[]): ByLatest {
  const out: ByLatest = new Map();
  for (const value of values) {
    const list = out.get(value.indicatorSlug);
    if (list) list.push(value);
    else out.set(value.indicatorSlug, [value]);
  }
  return out;
}

/**
 * The small-area panels: every decile indicator's latest period and the child population for
 * the authority's small areas in one statement (primary-key probes by explicit ids; the
 * parent-link subquery form was ~150 ms on PGlite, and one statement per panel was six).
 */
async function smallAreaPanels(
  db: Executor,
  small: AreaRow[],
  decileIndicators: IndicatorRow[],
  catalogue: Map<string, IndicatorRow>,
): Promise<Omit<SmallAreaPanel, "topology">[]> {
  const population = decileIndicators
    .map((d) => catalogue.get(childPopulation(d.slug) ?? ""))
    .find((row): row is IndicatorRow => Boolean(row));
  const populationPeriod = population?.periodCodes.at(-1) ?? null;
  const childrenFor = (indicator: IndicatorRow) =>
    population && populationPeriod && childPopulation(indicator.slug) === population.slug ? population : null;
  const pairs = decileIndicators.flatMap((indicator) => {
    const periodCode = indicator.periodCodes.at(-1);
    return periodCode ? [{ indicatorSlug: indicator.slug, periodCode }] : [];
  });
  if (population && populationPeriod && decileIndicators.some(childrenFor))
    pairs.push({ indicatorSlug: population.slug, periodCode: populationPeriod });
  const values = groupBySlug(await valuesForPairs(db, { pairs, areaIds: small.map((a) => a.id) }));
  const names = new Map(small.map((a) => [a.code, a.name]));
  return decileIndicators.flatMap((indicator) => {
    const periodCode = indicator.periodCodes.at(-1);
    const deciles = values.get(indicator.slug) ?? [];
    if (!periodCode || deciles.length === 0) return [];
    const children = childrenFor(indicator) ? (values.get(population!.slug) ?? []) : [];
    const childrenByCode = new Map(children.map((c) => [c.areaCode, c.value]));
    return [
      {
        indicator,
        periodCode,
        rows: deciles.map((d) => ({
          code: d.areaCode,
          name: names.get(d.areaCode) ?? d.areaCode,
          decile: d.value,
          flags: d.flags,
          children: childrenByCode.get(d.areaCode) ?? null,
        })),
        distribution: decileDistribution(deciles, children.length ? children : undefined),
        populationPeriod: children.length ? populationPeriod : null,
      },
    ];
  });
}

/** The panels for an area, or (for an authority without any) why there are none. */
export async function loadSmallAreaPanels(
  db: Executor,
  area: AreaRow,
  catalogue: Map<string, IndicatorRow>,
): Promise<{ smallAreas: SmallAreaPanel[]; smallAreaProblem: string | null }> {
  const smallAreas: SmallAreaPanel[] = [];
  // The deprivation index of the area's own nation (an English authority has no SIMD data zones).
  const decileIndicators = decileIndicatorsFor(catalogue, area.nation);
  const small = decileIndicators.length ? await childrenOfType(db, area, "lsoa") : [];
  if (small.length) {
    await yieldToEventLoop();
    const [topology, panels] = await Promise.all([
      findBoundary(db, area.id, "lsoa"),
      smallAreaPanels(db, small, decileIndicators, catalogue),
    ]);
    for (const panel of panels) smallAreas.push({ ...panel, topology });
  }
  // Every authority's profile has a panel, or says why not.
  const smallAreaProblem =
    smallAreas.length === 0 && area.type === "local-authority"
      ? panelProblem(area, decileIndicators, small.length)
      : null;
  return { smallAreas, smallAreaProblem };
}

const DEPRIVATION_INDEX: Record<string, string> = {
  england: "the English Indices of Deprivation (IoD) by LSOA",
  wales: "the Welsh Index of Multiple Deprivation (WIMD) by LSOA",
  scotland: "the Scottish Index of Multiple Deprivation (SIMD) by data zone",
  "northern-ireland": "the Northern Ireland Multiple Deprivation Measure (NIMDM) by super output area",
};

/** Says why an authority's profile has no small-area deprivation panel. */
function panelProblem(area: AreaRow, deciles: readonly IndicatorRow[], smallAreas: number): string {
  const index = DEPRIVATION_INDEX[area.nation ?? ""] ?? "a small-area deprivation index";
  if (deciles.length === 0)
    return `No small-area deprivation panel: ${index} has not been imported. An editor or lead can import it on the import page.`;
  if (smallAreas === 0)
    return `No small-area deprivation panel: no small areas of ${area.name} are in the geography. The small-area lookup (LSOAs or data zones by authority) is loaded by a service administrator on the geography page.`;
  return `No small-area deprivation panel: none of the ${smallAreas} small areas of ${area.name} has a decile in ${deciles.map((d) => d.title).join(", ")}; ${index} has not been imported for them.`;
}
