/**
 * The area profile: every indicator with data for the partnership's area, read through the
 * indicator store's indexed functions only (one area's values, its ranks stored at import, the
 * values of a few named areas, the authority's small areas). No full-table aggregate and no
 * read of every peer runs on the request path, except to rank data stored before peer ranks were.
 */
import { yieldToEventLoop } from "../../kernel/db/arrays.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { type AreaRow, areaSurroundings } from "../geography/index.ts";
import {
  aggregateValues,
  catalogueAt,
  dataVersionNow,
  type IndicatorRow,
  type ObservationValue,
  type PeerRankCounts,
  valuesForPairs,
} from "../indicators/index.ts";
import { latestPairs, loadProfileValues, seriesBySlug } from "./profile-values.ts";
import { type InequalityOutcome, loadInequality } from "./inequality-panel.ts";
import { type RecentTrend, recentTrend } from "./recent-trend.ts";
import { referenceAreasAmong } from "./reference-areas.ts";
import { type BreakdownSet, loadBreakdowns } from "./breakdown-values.ts";
import { type ByLatest, groupBySlug, loadSmallAreaPanels, type SmallAreaPanel } from "./small-area-panels.ts";
import {
  type Benchmark,
  benchmark,
  type Latest,
  latestValue,
  type Polarity,
  type Rank,
  rankAmong,
  rankFromCounts,
  type Trend,
  trend,
} from "./analysis.ts";

export type { SmallAreaPanel } from "./small-area-panels.ts";
export interface Reference {
  area: AreaRow;
  relation: "nation" | "region";
  value: ObservationValue | null;
  benchmark: Benchmark;
}

export interface IndicatorProfile {
  indicator: IndicatorRow;
  values: ObservationValue[];
  latest: Latest<ObservationValue>;
  trend: Trend;
  /** Significantly getting better or worse over the five latest periods (recent-trend.ts). */
  recentTrend: RecentTrend;
  rank: Rank | null;
  references: Reference[];
  /** Bordering areas of the same type, with their values from the rank read (no extra query). */
  neighbours: { area: AreaRow; value: ObservationValue | null }[];
  /** The benchmark shown as "the" result: against the nation when it has a value, else quintiles. */
  benchmark: Benchmark;
  /** With a chosen comparison group: each member's value, and the group pooled (numerators and denominators summed). */
  group?: GroupComparison;
  /** Values by breakdown (family type, age …), each dimension in its latest period. */
  breakdowns?: BreakdownSet[];
}

export interface ComparisonGroupChoice {
  id: string;
  name: string;
  members: AreaRow[];
}

export interface GroupComparison {
  name: string;
  members: { area: AreaRow; value: ObservationValue | null }[];
  pooled: ObservationValue | null;
  benchmark: Benchmark;
}

export interface AreaProfile {
  area: AreaRow | null;
  indicators: IndicatorProfile[];
  smallAreas: SmallAreaPanel[];
  /** Why there is no small-area panel, when there is none. */
  smallAreaProblem?: string | null;
  inequality?: InequalityOutcome; // by local deprivation quintile, with its slope index, or why none
  notes: string[];
}

export function polarityOf(indicator: IndicatorRow): Polarity {
  return indicator.polarity === "higher-is-better" || indicator.polarity === "higher-is-worse"
    ? indicator.polarity
    : "neither";
}

function indicatorProfile(
  area: AreaRow,
  indicator: IndicatorRow,
  values: ObservationValue[],
  references: { area: AreaRow; relation: "nation" | "region" }[],
  bordering: AreaRow[],
  fetched: { ranks: Map<string, PeerRankCounts>; peers: ByLatest; named: ByLatest },
  group: ComparisonGroupChoice | null = null,
): IndicatorProfile {
  const polarity = polarityOf(indicator);
  const latest = latestValue(values);
  let rank: Rank | null = null;
  let refValues: ObservationValue[] = [];
  if (latest.observation) {
    refValues = fetched.named.get(indicator.slug) ?? [];
    const stored = fetched.ranks.get(indicator.slug);
    // Counts follow population size: never ranked, as the benchmark never compares them.
    if (indicator.unit !== "count")
      rank = stored
        ? rankFromCounts(stored, polarity)
        : rankAmong(area.code, fetched.peers.get(indicator.slug) ?? [], polarity);
  }
  const options = { unit: indicator.unit, polarity };
  const refs: Reference[] = references.map((r) => {
    const value = refValues.find((v) => v.areaId === r.area.id) ?? null;
    const result =
      latest.observation && value
        ? benchmark(latest.observation, value, options)
        : ({ result: "not compared", method: "none", note: `no ${r.area.name} value for this period` } as Benchmark);
    return { ...r, value, benchmark: result };
  });
  const nationRef = refs.find((r) => r.relation === "nation");
  const overall = latest.observation
    ? benchmark(latest.observation, nationRef?.value ?? null, { ...options, rank })
    : ({ result: "not compared", method: "none", note: "no value for this area" } as Benchmark);
  const byId = new Map(refValues.map((v) => [v.areaId, v]));
  // Only peers (same type, same nation) are compared: a neighbour over a national border shows no value.
  const neighbours = bordering.map((n) => ({
    area: n,
    value: (!area.nation || n.nation === area.nation ? byId.get(n.id) : undefined) ?? null,
  }));
  const profile: IndicatorProfile = {
    indicator,
    values,
    latest,
    trend: trend(values, polarity),
    recentTrend: recentTrend(values, polarity, indicator.unit),
    rank,
    references: refs,
    neighbours,
    benchmark: overall,
  };
  if (group) {
    const members = new Set(group.members.map((m) => m.id));
    profile.group = groupComparison(
      indicator,
      latest.observation,
      group,
      refValues.filter((v) => members.has(v.areaId)),
      options,
    );
  }
  return profile;
}

/**
 * The area against a chosen comparison group in the area's latest period: members' values
 * (read with the other indicators' in one query), and the group pooled by summing numerators and denominators (or counts),
 * never by averaging members' rates. A member without a value leaves the pool missing.
 */
function groupComparison(
  indicator: IndicatorRow,
  latest: ObservationValue | null,
  group: ComparisonGroupChoice,
  values: readonly ObservationValue[],
  options: { unit: string; polarity: Polarity },
): GroupComparison {
  const byId = new Map(values.map((v) => [v.areaId, v]));
  const members = group.members.map((area) => ({ area, value: byId.get(area.id) ?? null }));
  const parts = members.map((m) => m.value ?? { value: null, numerator: null, denominator: null, flags: 0 });
  const total = latest && members.length ? aggregateValues(parts, indicator.unit, indicator.ratePer ?? 100) : null;
  const pooled: ObservationValue | null =
    latest && total && total.value !== null
      ? {
          ...latest,
          areaId: 0,
          areaCode: "",
          value: total.value,
          numerator: total.numerator,
          denominator: total.denominator,
          ciLower: null,
          ciUpper: null,
          flags: total.flags,
        }
      : null;
  const result: Benchmark = latest
    ? benchmark(latest, pooled, { ...options, peers: [...values, latest], areaCode: latest.areaCode })
    : { result: "not compared", method: "none", note: "no value for this area" };
  return { name: group.name, members, pooled, benchmark: result };
}

/**
 * `options.catalogue`: the indicators the reader may see (visibleIndicators: pages and API pass
 * it, as a promise if they like, so it is read beside the area). Without it, the national
 * catalogue and this partnership's own, for benchmarks and tests with no reader.
 * `options.group`: a comparison group chosen on the profile page.
 */
export async function loadAreaProfile(
  db: Executor,
  partnership: { id: string | null; areaCode: string },
  options: {
    catalogue?: readonly IndicatorRow[] | Promise<readonly IndicatorRow[]>;
    group?: ComparisonGroupChoice | null;
    /** The data version the caller read (dataVersionNow), when it has; else it is read here. */
    dataVersion?: string;
  } = {},
): Promise<AreaProfile> {
  const group = options.group ?? null;
  // The area with its parents and bordering areas (one statement), beside the catalogue (kept
  // per data version when the caller has not given one).
  const version = options.dataVersion ?? (await dataVersionNow(db));
  const [surroundings, catalogueRows] = await Promise.all([
    areaSurroundings(db, partnership.areaCode),
    options.catalogue ?? catalogueAt(db, version, partnership.id),
  ]);
  if (!surroundings) return { area: null, indicators: [], smallAreas: [], notes: [] };
  const area = surroundings.area;
  const references = await referenceAreasAmong(db, area, surroundings.parents);
  const bordering = surroundings.borders.filter((n) => n.type === area.type);
  // Only the national catalogue and this partnership's own indicators: never another partnership's local data.
  const catalogue = new Map(catalogueRows.map((row) => [row.slug, row]));
  // The named areas (references, neighbours, group members), each once.
  const named = [
    ...new Map(
      [...references.map((r) => r.area), ...bordering, ...(group?.members ?? [])].map((a) => [a.id, a]),
    ).values(),
  ];
  // The area's values, the named areas' values in each indicator's latest period and the area's
  // ranks stored at import (profile-values.ts). Every peer's value (~40 × ~340 rows) is read only
  // for pairs without a stored rank (data loaded before ranks were stored; areas not ranked).
  const { all, compared, ranks } = await loadProfileValues(db, area, named, catalogue, version);
  // PGlite answers each read as a microtask chain: a turn between the stages keeps a whole
  // profile from holding the event loop as one block.
  await yieldToEventLoop();
  const bySlug = seriesBySlug(all, catalogue);
  const unranked = latestPairs(bySlug).filter((p) => !ranks.has(p.indicatorSlug));
  const peerValues = unranked.length
    ? await valuesForPairs(db, {
        pairs: unranked,
        areaType: area.type,
        ...(area.nation ? { nation: area.nation } : {}),
      })
    : [];
  await yieldToEventLoop();
  const fetched = { ranks, peers: groupBySlug(peerValues), named: groupBySlug(compared) };
  const indicators: IndicatorProfile[] = [];
  for (const [slug, values] of bySlug)
    indicators.push(indicatorProfile(area, catalogue.get(slug)!, values, references, bordering, fetched, group));
  indicators.sort((a, b) => a.indicator.title.localeCompare(b.indicator.title));
  const byBreakdown = await loadBreakdowns(db, all, catalogue);
  for (const p of indicators) p.breakdowns = byBreakdown.get(p.indicator.slug) ?? [];

  const [{ smallAreas, smallAreaProblem }, inequality] = await Promise.all([
    loadSmallAreaPanels(db, area, catalogue),
    loadInequality(db, area, catalogue),
  ]);
  const notes: string[] = [];
  if (indicators.some((i) => i.references.some((r) => r.relation === "nation" && !r.value)))
    notes.push(
      "Where no national figure has been imported, the area is compared by its quintile among areas of the same type; nation and region totals are calculated at import only when the file has every local authority's figure, and never on request.",
    );
  return { area, indicators, smallAreas, smallAreaProblem, inequality, notes };
}
