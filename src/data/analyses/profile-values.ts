/**
 * The values an area profile compares: the area's own (every indicator, period and breakdown),
 * the compared areas' (references, neighbours, group members) in each indicator's latest period,
 * and the area's stored peer ranks. For an area of a ranked type, one prepared statement of the
 * read layout (area_series: ids and numbers, names from the catalogue and the period catalogue
 * kept per data version); otherwise, or while a batch under embargo touches what it would read,
 * the released values read from observations (valuesForArea, peerRanksOf, valuesForPairs).
 */
import type { Executor } from "../../kernel/db/database.ts";
import type { AreaRow } from "../geography/index.ts";
import {
  hasStoredRanks,
  type IndicatorRow,
  isLaidOut,
  type ObservationValue,
  type PeerRankCounts,
  periodCatalogue,
  peerRanksOf,
  readAreaSeries,
  type SeriesValue,
  valuesForArea,
  valuesForPairs,
} from "../indicators/index.ts";
import { latestValue } from "./analysis.ts";

export interface ProfileValues {
  /** The area's values, by indicator slug, breakdown, then period. */
  all: ObservationValue[];
  /** The compared areas' values in each indicator's latest period, by slug then area code. */
  compared: ObservationValue[];
  ranks: Map<string, PeerRankCounts>;
}

export async function loadProfileValues(
  db: Executor,
  area: AreaRow,
  compared: readonly AreaRow[],
  catalogue: ReadonlyMap<string, IndicatorRow>,
  version: string,
): Promise<ProfileValues> {
  const laid = isLaidOut(area) ? await fromLayout(db, area, compared, catalogue, version) : null;
  return laid ?? fromObservations(db, area, compared, catalogue);
}

function pointOf(slug: string, area: AreaRow, period: { code: string; sortKey: number }, v: SeriesValue) {
  return {
    indicatorSlug: slug,
    areaId: area.id,
    areaCode: area.code,
    periodCode: period.code,
    periodSortKey: period.sortKey,
    breakdownId: v[1],
    value: v[2],
    numerator: v[3],
    denominator: v[4],
    ciLower: v[5],
    ciUpper: v[6],
    flags: v[7],
    batchId: v[8],
  } satisfies ObservationValue;
}

/** From the read layout; null when a row read holds a batch under embargo (its released values are elsewhere). */
async function fromLayout(
  db: Executor,
  area: AreaRow,
  compared: readonly AreaRow[],
  catalogue: ReadonlyMap<string, IndicatorRow>,
  version: string,
): Promise<ProfileValues | null> {
  const laidOut = compared.filter(isLaidOut);
  const slugById = new Map([...catalogue.values()].map((row) => [row.id, row.slug]));
  const [rows, periods] = await Promise.all([
    readAreaSeries(
      db,
      area.id,
      laidOut.map((a) => a.id),
      [...slugById.keys()],
    ),
    periodCatalogue(db, version),
  ]);
  if (rows.some((row) => row.held)) return null;
  const areas = new Map(compared.map((a) => [a.id, a]));
  areas.set(area.id, area);
  const all: ObservationValue[] = [];
  const comparedValues: ObservationValue[] = [];
  const ranks = new Map<string, PeerRankCounts>();
  const bySlug = [...rows].sort((a, b) => {
    const x = slugById.get(a.indicatorId)!;
    const y = slugById.get(b.indicatorId)!;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  for (const row of bySlug) {
    const slug = slugById.get(row.indicatorId)!;
    const owner = areas.get(row.areaId)!;
    if (row.kind === 1) comparedValues.push(pointOf(slug, owner, periods.byId.get(row.series[0])!, row.series));
    else for (const v of row.series) all.push(pointOf(slug, owner, periods.byId.get(v[0])!, v));
    if (row.kind === 0 && row.below !== null && hasStoredRanks(area))
      ranks.set(slug, {
        below: Number(row.below),
        tied: Number(row.tied),
        ranked: Number(row.ranked),
        unranked: Number(row.unranked),
      });
  }
  comparedValues.sort((a, b) =>
    a.indicatorSlug === b.indicatorSlug
      ? a.areaCode.localeCompare(b.areaCode)
      : a.indicatorSlug < b.indicatorSlug
        ? -1
        : 1,
  );
  // A compared area of a type not laid out (a group member of another type) is read as before.
  const others = compared.filter((a) => !isLaidOut(a));
  if (others.length) {
    const pairs = latestPairs(seriesBySlug(all, catalogue));
    comparedValues.push(...(await valuesForPairs(db, { pairs, areaIds: others.map((a) => a.id) })));
  }
  return { all, compared: comparedValues, ranks };
}

/** The area's breakdown-"all" values of the catalogue's indicators, by slug. */
export function seriesBySlug(
  all: readonly ObservationValue[],
  catalogue: ReadonlyMap<string, IndicatorRow>,
): Map<string, ObservationValue[]> {
  const bySlug = new Map<string, ObservationValue[]>();
  for (const value of all) {
    if (value.breakdownId !== 0 || !catalogue.has(value.indicatorSlug)) continue;
    const list = bySlug.get(value.indicatorSlug);
    if (list) list.push(value);
    else bySlug.set(value.indicatorSlug, [value]);
  }
  return bySlug;
}

/** Each indicator's latest period with a value (breakdown "all"), as the profile compares it. */
export function latestPairs(bySlug: ReadonlyMap<string, readonly ObservationValue[]>) {
  return [...bySlug].flatMap(([slug, values]) => {
    const period = latestValue(values).observation?.periodCode;
    return period ? [{ indicatorSlug: slug, periodCode: period }] : [];
  });
}

/**
 * From the released values: the area's values; then the area's ranks stored at import and the
 * compared areas' values for all indicators in one query each.
 */
async function fromObservations(
  db: Executor,
  area: AreaRow,
  compared: readonly AreaRow[],
  catalogue: ReadonlyMap<string, IndicatorRow>,
): Promise<ProfileValues> {
  const all = (await valuesForArea(db, area.id)).filter((v) => catalogue.has(v.indicatorSlug));
  const pairs = latestPairs(seriesBySlug(all, catalogue));
  const [ranks, comparedValues] = await Promise.all([
    hasStoredRanks(area) ? peerRanksOf(db, area.id, pairs) : Promise.resolve(new Map<string, PeerRankCounts>()),
    compared.length ? valuesForPairs(db, { pairs, areaIds: compared.map((a) => a.id) }) : Promise.resolve([]),
  ]);
  return { all, compared: comparedValues, ranks };
}
