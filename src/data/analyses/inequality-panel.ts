/**
 * Inequality within an authority from its small areas: a rate by deprivation quintile and its
 * slope and relative index of inequality (inequality.ts). The small areas (LSOAs, or data zones in
 * Scotland) are ranked by their national index rank and split into five groups of as equal a
 * number of small areas as can be ("local quintiles", as ScotPHO's council profiles use); each
 * group's rate is its summed numerator over its summed denominator, never an average of rates.
 *
 * England: children aged 0–15 in income-deprived families (the IDACI numerator, IoD underlying
 * indicators) over children aged 0–15 (IoD File 6 denominators), ranked by the IMD rank.
 * Scotland: people in income deprivation (SIMD income domain count) over the total population,
 * ranked by the SIMD rank. Wales publishes WIMD scores and ranks only, no counts, so no rate.
 * Read through the reader's catalogue (visibility) and the store's released values (embargo).
 */
import type { Executor } from "../../kernel/db/database.ts";
import { type AreaRow, childrenOfType } from "../geography/index.ts";
import {
  applyDisclosure,
  type IndicatorRow,
  normaliseRule,
  type ObservationValue,
  valuesForPairs,
} from "../indicators/index.ts";
import { localGroups, type SlopeIndexResult, slopeIndex } from "./inequality.ts";
import { groupBySlug } from "./small-area-panels.ts";

interface Source {
  nation: string;
  rank: RegExp;
  /** The indicators the measure belongs to (any edition): a needs-assessment panel of one shows the slope. */
  family: RegExp;
  numerator: (edition: string) => string;
  denominator: (edition: string) => string;
  measure: string;
  ranking: string;
}

const SOURCES: Source[] = [
  {
    nation: "england",
    rank: /^iod(\d{4})-imd-rank$/,
    // File 3's IDACI score, rank and decile (iod2019-idaci-*), the underlying indicators' IDACI counts, File 6's children.
    family:
      /^iod\d{4}-(idaci-|income-deprivation-affecting-children-index-idaci|population-dependent-children-aged-0-15)/,
    numerator: (e) => `iod${e}-income-deprivation-affecting-children-index-idaci-numerator`,
    denominator: (e) => `iod${e}-population-dependent-children-aged-0-15`,
    measure: "Children aged 0–15 living in income-deprived families (IDACI), % of children aged 0–15",
    ranking: "the Index of Multiple Deprivation rank of each LSOA",
  },
  {
    nation: "scotland",
    rank: /^simd(\d{4})(?:v\d+)?-rank$/,
    family: /^simd\d{4}(?:v\d+)?-(income-|total-population)/,
    numerator: (e) => `simd${e}-income-count`,
    denominator: (e) => `simd${e}-total-population`,
    measure: "People in income deprivation (SIMD income domain), % of the population",
    ranking: "the SIMD rank of each data zone",
  },
];

export const QUINTILES = 5;
/** Fewer small areas than this make groups of one or two areas: too few to call a gradient. */
export const MIN_SMALL_AREAS = 10;

export interface InequalityGroupRow {
  label: string;
  smallAreas: number;
  numerator: number | null;
  denominator: number | null;
  /** Per 100 (a percentage), over the small areas with both counts; null when none has them, or it is withheld. */
  rate: number | null;
  suppressed: boolean;
  /** Small areas of the group without a numerator or denominator. */
  withoutValue: number;
}

export interface InequalityPanel {
  measure: string;
  ranking: string;
  numerator: IndicatorRow;
  denominator: IndicatorRow;
  rankIndicator: IndicatorRow;
  periods: { numerator: string; denominator: string; rank: string };
  groups: InequalityGroupRow[];
  smallAreas: number;
  unranked: number;
  result: SlopeIndexResult;
  disclosureRule: "none" | "small-count";
}

const LABELS = ["1 (most deprived)", "2", "3", "4", "5 (least deprived)"];

export type InequalityOutcome = { panel: InequalityPanel; problem: null } | { panel: null; problem: string | null };

export async function loadInequality(
  db: Executor,
  area: AreaRow,
  catalogue: ReadonlyMap<string, IndicatorRow>,
): Promise<InequalityOutcome> {
  if (area.type !== "local-authority") return { panel: null, problem: null };
  if (area.nation === "wales")
    return {
      panel: null,
      problem:
        "No inequality slope: the Welsh Index of Multiple Deprivation publishes scores and ranks by LSOA but no counts, so no rate can be worked out for each deprivation group.",
    };
  const source = SOURCES.find((s) => s.nation === area.nation);
  if (!source)
    return { panel: null, problem: "No inequality slope: no small-area counts are imported for this nation." };
  const found = pickEdition(source, catalogue);
  if (!found)
    return {
      panel: null,
      problem: `No inequality slope: it needs ${source.measure.toLowerCase()} by small area with ${source.ranking}, and these have not been imported (or are not visible to you).`,
    };
  const { rankIndicator, numerator, denominator } = found;
  const periods = {
    rank: rankIndicator.periodCodes.at(-1)!,
    numerator: numerator.periodCodes.at(-1)!,
    denominator: denominator.periodCodes.at(-1)!,
  };
  const small = await childrenOfType(db, area, "lsoa");
  const values = groupBySlug(
    await valuesForPairs(db, {
      pairs: [
        { indicatorSlug: rankIndicator.slug, periodCode: periods.rank },
        { indicatorSlug: numerator.slug, periodCode: periods.numerator },
        { indicatorSlug: denominator.slug, periodCode: periods.denominator },
      ],
      areaIds: small.map((a) => a.id),
    }),
  );
  const byCode = (slug: string) => new Map((values.get(slug) ?? []).map((v) => [v.areaCode, v]));
  const ranks = byCode(rankIndicator.slug);
  const numerators = byCode(numerator.slug);
  const denominators = byCode(denominator.slug);
  const ranked = small.flatMap((a) => {
    const rank = ranks.get(a.code)?.value;
    return rank === null || rank === undefined ? [] : [{ code: a.code, rank }];
  });
  if (ranked.length < MIN_SMALL_AREAS)
    return {
      panel: null,
      problem: `No inequality slope: ${ranked.length} of the ${small.length} small areas of ${area.name} have a deprivation rank, and at least ${MIN_SMALL_AREAS} are needed to form ${QUINTILES} groups.`,
    };
  const disclosureRule = normaliseRule(numerator.disclosureRule);
  const groups = localGroups(ranked, QUINTILES).map((members, i) =>
    groupRow(LABELS[i]!, members, numerators, denominators),
  );
  applyGroupDisclosure(disclosureRule, groups);
  const result = groups.some((g) => g.suppressed)
    ? ({
        ok: false,
        problem:
          "Not shown: a group's count is withheld under disclosure control, and the slope would let it be worked out.",
      } as const)
    : slopeIndex(groups.map((g) => ({ label: `Quintile ${g.label}`, rate: g.rate, population: g.denominator })));
  return {
    panel: {
      measure: source.measure,
      ranking: source.ranking,
      numerator,
      denominator,
      rankIndicator,
      periods,
      groups,
      smallAreas: small.length,
      unranked: small.length - ranked.length,
      result,
      disclosureRule,
    },
    problem: null,
  };
}

/**
 * For one indicator (a needs-assessment panel): the area's inequality when the indicator is one
 * its measure is made from (IDACI and its child population in England, the SIMD income domain and
 * population in Scotland); otherwise, for an indicator with small-area figures, why no slope is
 * worked out from them; nothing for an indicator without small-area figures or an area that is
 * not a local authority.
 */
export async function loadIndicatorInequality(
  db: Executor,
  area: AreaRow,
  catalogue: ReadonlyMap<string, IndicatorRow>,
  indicator: IndicatorRow,
): Promise<InequalityOutcome | null> {
  if (area.type !== "local-authority") return null;
  const source = SOURCES.find((s) => s.nation === area.nation);
  if (source?.family.test(indicator.slug)) return loadInequality(db, area, catalogue);
  if (!indicator.areaTypes.includes("lsoa")) return null;
  if (area.nation === "wales") return loadInequality(db, area, catalogue);
  return {
    panel: null,
    problem: `The slope and relative index of inequality cannot be calculated from ${indicator.title}: the slope needs a count and a population for every small area to give each deprivation group a rate, and the hub works it out only from ${source ? source.measure.toLowerCase() : "small-area counts"} (shown in the area profile's inequality section).`,
  };
}

/** The latest edition with all three indicators in the reader's catalogue. */
function pickEdition(source: Source, catalogue: ReadonlyMap<string, IndicatorRow>) {
  const candidates = [...catalogue.values()]
    .filter((row) => source.rank.test(row.slug) && row.areaTypes.includes("lsoa") && row.periodCodes.length)
    .sort((a, b) => b.slug.localeCompare(a.slug));
  for (const rankIndicator of candidates) {
    const edition = source.rank.exec(rankIndicator.slug)![1]!;
    const numerator = catalogue.get(source.numerator(edition));
    const denominator = catalogue.get(source.denominator(edition));
    if (numerator?.periodCodes.length && denominator?.periodCodes.length)
      return { rankIndicator, numerator, denominator };
  }
  return null;
}

/**
 * A group's rate from its summed counts over the small areas that have both. A small area
 * without a published numerator or denominator (IoD publishes "NA" for some) is left out of
 * both, never counted as zero, and the table says how many; a group where none has both has no rate.
 */
function groupRow(
  label: string,
  members: readonly { code: string }[],
  numerators: Map<string, ObservationValue>,
  denominators: Map<string, ObservationValue>,
): InequalityGroupRow {
  let numerator = 0;
  let denominator = 0;
  let withoutValue = 0;
  for (const { code } of members) {
    const n = numerators.get(code)?.value;
    const d = denominators.get(code)?.value;
    if (n === null || n === undefined || d === null || d === undefined) withoutValue++;
    else {
      numerator += n;
      denominator += d;
    }
  }
  const some = withoutValue < members.length;
  return {
    label,
    smallAreas: members.length,
    numerator: some ? numerator : null,
    denominator: some ? denominator : null,
    rate: some && denominator > 0 ? (numerator / denominator) * 100 : null,
    suppressed: false,
    withoutValue,
  };
}

/** Under the small-count rule the groups' numerators are counts adding up to the authority's: withheld and rounded as one set. */
function applyGroupDisclosure(rule: "none" | "small-count", groups: InequalityGroupRow[]): void {
  if (rule === "none") return;
  const disclosed = applyDisclosure(
    rule,
    groups.map((g) => ({ key: g.label, count: g.numerator })),
    [{ parts: groups.map((g) => g.label) }],
  );
  for (const group of groups) {
    const cell = disclosed.get(group.label)!;
    if (cell.suppressed) Object.assign(group, { suppressed: true, numerator: null, rate: null });
    else if (cell.rounded) group.numerator = cell.shown;
  }
}
