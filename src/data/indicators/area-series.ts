/**
 * The area profile's read layout (table area_series): each ranked area's values of an indicator
 * in one row, rebuilt from observations for exactly the indicators an import wrote, in its
 * transaction (import-writer.ts, beside the peer ranks), so it is never older than the values.
 * A profile then reads its area's values, the compared areas' values in its latest periods and
 * its stored ranks in one prepared statement of ids and numbers (readAreaSeries), instead of
 * ~480 rows joined to their names on ~480 heap pages plus a statement each for ranks and the
 * compared areas. Embargo is decided at read time, as everywhere: a row holding a batch still
 * under embargo is reported as held, and the caller reads the released values the old way.
 */
import { asc, sql } from "drizzle-orm";
import { pgArray, yieldToEventLoop } from "../../kernel/db/arrays.ts";
import { createVersionedCache } from "../../kernel/db/data-version.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { executePrepared } from "../../kernel/db/prepared.ts";
import { RANKED_AREA_TYPES } from "./peer-ranks.ts";
import type { PeriodRow } from "./repository.ts";
import { periods } from "./tables.ts";

/** Whether an area of this type is laid out here (the types ranked at import). */
export function isLaidOut(area: { type: string }): boolean {
  return RANKED_AREA_TYPES.includes(area.type);
}

/**
 * Indicators per statement. An import holds the database's one session for its whole transaction
 * on the embedded database (and a lock on these rows on PostgreSQL) however it is split, so fewer,
 * larger statements: the whole layout of 40 indicators × 12 periods (~19,500 rows) took ~5 s
 * on PostgreSQL and ~11 s on PGlite on a busy two-core host (load average 12).
 */
const MAX_INDICATORS = 8;

/**
 * Rebuilds the rows of these indicators for every area of a ranked type, or only for those of
 * `areaIds` (the areas an import wrote: a row depends on its own area's values alone, and values
 * are only ever written, never deleted, so no other row can change). The migration that made the
 * table ran the same statement once for every indicator. Each (area, indicator) is one probe of
 * observations_area_idx; an area with no value of the indicator gets no row.
 */
export async function refreshAreaSeries(
  db: Executor,
  indicatorIds: readonly number[],
  areaIds?: readonly number[],
): Promise<void> {
  const unique = [...new Set(indicatorIds)];
  let areas = sql`select id from areas where type = any(${pgArray([...RANKED_AREA_TYPES])}::text[])`;
  if (areaIds) {
    // A small-area file writes ~33,000 areas and perhaps no ranked one: find the ranked ones first.
    const ranked = (await db.execute(
      sql`select id from areas where id = any(${pgArray(areaIds)}::int[]) and type = any(${pgArray([...RANKED_AREA_TYPES])}::text[])`,
    )) as unknown as { rows: { id: number }[] };
    if (!ranked.rows.length) return;
    areas = sql`select unnest(${pgArray(ranked.rows.map((r) => Number(r.id)))}::int[]) as id`;
  }
  for (let start = 0; start < unique.length; start += MAX_INDICATORS) {
    const ids = pgArray(unique.slice(start, start + MAX_INDICATORS));
    await db.execute(sql`delete from area_series where indicator_id = any(${ids}::int[]) and area_id in (${areas})`);
    await db.execute(sql`
      insert into area_series (area_id, indicator_id, latest_period_id, period_ids, points, batch_ids, series)
      select a.id, q.id, x.latest, x.periods, x.points, x.batches, x.series
      from unnest(${ids}::int[]) q(id)
      cross join (${areas}) a
      cross join lateral (
        select (array_agg(o.period_id order by p.sort_key desc, o.period_id desc) filter (where o.breakdown_id = 0 and o.value is not null))[1] as latest,
          coalesce(array_agg(o.period_id order by p.sort_key, o.period_id) filter (where o.breakdown_id = 0), '{}') as periods,
          coalesce(array_agg(json_build_array(o.period_id, o.breakdown_id, o.value, o.numerator, o.denominator, o.ci_lower, o.ci_upper, o.flags, o.batch_id)
            order by p.sort_key, o.period_id) filter (where o.breakdown_id = 0), '{}') as points,
          array_agg(distinct o.batch_id) as batches,
          json_agg(json_build_array(o.period_id, o.breakdown_id, o.value, o.numerator, o.denominator, o.ci_lower, o.ci_upper, o.flags, o.batch_id)
            order by o.breakdown_id, p.sort_key, o.period_id) as series
        from observations o join periods p on p.id = o.period_id
        where o.area_id = a.id and o.indicator_id = q.id
        having count(*) > 0
      ) x`);
    await yieldToEventLoop();
  }
}

/** Every indicator's rows (`cpah ranks`, the profile bench's stores loaded by bulk SQL). */
export async function refreshAllAreaSeries(db: Executor): Promise<void> {
  const result = (await db.execute(sql`select id from indicators order by id`)) as unknown as {
    rows: { id: number }[];
  };
  await refreshAreaSeries(
    db,
    result.rows.map((r) => Number(r.id)),
  );
}

/** One value as laid out: [period, breakdown, value, numerator, denominator, ciLower, ciUpper, flags, batch]. */
export type SeriesValue = [
  number,
  number,
  number | null,
  number | null,
  number | null,
  number | null,
  number | null,
  number,
  number,
];

export type AreaSeriesRow = AreaSeriesFields &
  // 0: the area's own row (every value); 1: a compared area's value in the area's latest period.
  ({ kind: 0; series: SeriesValue[] } | { kind: 1; series: SeriesValue });

interface AreaSeriesFields {
  areaId: number;
  indicatorId: number;
  /** The row holds a batch under embargo now: its values must be read released (embargo.ts). */
  held: boolean;
  below: number | null;
  tied: number | null;
  ranked: number | null;
  unranked: number | null;
}

/**
 * One statement: the area's rows for these indicators, each with its stored peer rank in its
 * latest period (none while a batch under embargo wrote that pair, as peerRanksOf), and each
 * compared area's value in that period. Only laid-out areas are found here.
 */
export function readAreaSeries(
  db: Executor,
  areaId: number,
  comparedIds: readonly number[],
  indicatorIds: readonly number[],
): Promise<AreaSeriesRow[]> {
  return executePrepared<AreaSeriesRow>(
    db,
    sql`
    with held as materialized (select array(select id from import_batches where embargo_until > now()) as ids),
    own as materialized (
      select s.area_id, s.indicator_id, s.latest_period_id, s.batch_ids, s.series from area_series s
      where s.area_id = ${areaId}::int and s.indicator_id = any(${pgArray([...indicatorIds])}::int[])
    )
    select 0 as kind, o.area_id as "areaId", o.indicator_id as "indicatorId", o.series, (o.batch_ids && h.ids) as held,
      r.below, r.tied, r.ranked, r.unranked
    from own o cross join held h
    left join peer_ranks r on r.indicator_id = o.indicator_id and r.period_id = o.latest_period_id and r.area_id = o.area_id
      and not exists (select 1 from import_batch_pairs b where b.indicator_id = o.indicator_id and b.period_id = o.latest_period_id
        and b.batch_id = any(h.ids))
    union all
    select 1, n.area_id, n.indicator_id, n.points[x.at], (n.batch_ids && h.ids), null, null, null, null
    from own o cross join held h
    join area_series n on n.indicator_id = o.indicator_id and n.area_id = any(${pgArray([...comparedIds])}::int[])
    cross join lateral (select array_position(n.period_ids, o.latest_period_id) as at) x
    where x.at is not null`,
  );
}

export interface PeriodCatalogue {
  byId: Map<number, PeriodRow>;
  byCode: Map<string, PeriodRow>;
}

const periodCatalogues = createVersionedCache<PeriodCatalogue>(8);

/**
 * Every period (a few hundred rows), kept per data version (`version`: dataVersionNow's): a read
 * of ids resolves its periods here rather than joining their codes onto every row.
 */
export function periodCatalogue(db: Executor, version: string): Promise<PeriodCatalogue> {
  return periodCatalogues.get(db, version, "", async () => {
    const rows = await db.select().from(periods).orderBy(asc(periods.sortKey));
    return { byId: new Map(rows.map((r) => [r.id, r])), byCode: new Map(rows.map((r) => [r.code, r])) };
  });
}
