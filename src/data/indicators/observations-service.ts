import { sql } from "drizzle-orm";
import { pgArray } from "../../kernel/db/arrays.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { executePrepared } from "../../kernel/db/prepared.ts";
import { releasedObservations } from "./embargo.ts";
import { FLAG } from "./flags.ts";

// Every read here sees only what is released (embargo.ts: releasedObservations), whoever reads.

/** One value as the analyses read it: ids resolved to slugs/codes, period with its sort key. */
export interface ObservationValue {
  indicatorSlug: string;
  areaId: number;
  areaCode: string;
  periodCode: string;
  periodSortKey: number;
  breakdownId: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  ciLower: number | null;
  ciUpper: number | null;
  flags: number;
  batchId: number;
}

const SELECT = sql`select i.slug as "indicatorSlug", o.area_id as "areaId", a.code as "areaCode", p.code as "periodCode",
  p.sort_key as "periodSortKey", o.breakdown_id as "breakdownId", o.value, o.numerator, o.denominator,
  o.ci_lower as "ciLower", o.ci_upper as "ciUpper", o.flags, o.batch_id as "batchId"
  from ${releasedObservations} o join indicators i on i.id = o.indicator_id join periods p on p.id = o.period_id join areas a on a.id = o.area_id`;

function rows(result: unknown): ObservationValue[] {
  return (result as { rows: ObservationValue[] }).rows;
}

/** Every value for one area (all indicators, all periods): the area profile's read, via observations_area_idx. */
export async function valuesForArea(
  db: Executor,
  areaId: number,
  indicatorSlugs?: readonly string[],
): Promise<ObservationValue[]> {
  const filter = indicatorSlugs ? sql` and i.slug = any(${pgArray([...indicatorSlugs])}::text[])` : sql``;
  // Prepared (named by its text): a profile's reads are planned once per connection, not on every
  // profile; on the embedded database planning cost more than running them.
  return executePrepared<ObservationValue>(
    db,
    sql`${SELECT} where o.area_id = ${areaId}${filter} order by i.slug, o.breakdown_id, p.sort_key`,
  );
}

/**
 * One indicator, one period, for a set of areas: either explicit ids, or every area of
 * `areaType` under `parentId` (through parent links, e.g. LSOAs of a local authority).
 */
export async function valuesForAreas(
  db: Executor,
  query: { indicatorSlug: string; periodCode: string; breakdownId?: number } & (
    | { areaIds: readonly number[] }
    | { parentId: number; areaType: string }
  ),
): Promise<ObservationValue[]> {
  const areaFilter =
    "areaIds" in query
      ? sql`o.area_id = any(${pgArray([...query.areaIds])}::int[])`
      : sql`o.area_id in (select ap.child_id from area_parents ap join areas c on c.id = ap.child_id where ap.parent_id = ${query.parentId} and c.type = ${query.areaType})`;
  return rows(
    await db.execute(sql`${SELECT} where i.slug = ${query.indicatorSlug} and p.code = ${query.periodCode}
      and o.breakdown_id = ${query.breakdownId ?? 0} and ${areaFilter} order by a.code`),
  );
}

/** One indicator for every area of a type (e.g. all local authorities in England) in a period: ranks. */
export async function valuesForAreaType(
  db: Executor,
  query: { indicatorSlug: string; periodCode: string; areaType: string; nation?: string },
): Promise<ObservationValue[]> {
  const nation = query.nation ? sql` and a.nation = ${query.nation}` : sql``;
  return rows(
    await db.execute(sql`${SELECT} where i.slug = ${query.indicatorSlug} and p.code = ${query.periodCode}
      and o.breakdown_id = 0 and a.type = ${query.areaType}${nation} order by a.code`),
  );
}

const PAIRS = (pairs: readonly { indicatorSlug: string; periodCode: string }[]) => sql`
  select i.id as indicator_id, i.slug, p.id as period_id, p.code, p.sort_key
  from unnest(${pgArray(pairs.map((q) => q.indicatorSlug))}::text[], ${pgArray(pairs.map((q) => q.periodCode))}::text[]) q(slug, period)
  join indicators i on i.slug = q.slug join periods p on p.code = q.period`;

const PAIR_COLUMNS = sql`q.slug as "indicatorSlug", o.area_id as "areaId", a.code as "areaCode", q.code as "periodCode", q.sort_key as "periodSortKey",
  o.breakdown_id as "breakdownId", o.value, o.numerator, o.denominator, o.ci_lower as "ciLower", o.ci_upper as "ciUpper", o.flags, o.batch_id as "batchId"`;

/**
 * Several (indicator, period) pairs for one set of areas — explicit ids, or every area of a
 * type (optionally in a nation) — in one statement: a profile asks this for all its indicators
 * at once instead of one query per indicator. Explicit ids (a profile's references, neighbours
 * and group: a few areas) are one primary-key probe per (pair, area); a planner left to join
 * them read all of each area's rows through observations_area_idx (~12 ms at 20 M values).
 * Every area of a type is a primary-key probe per area (area_id = any(array)), never a scan of
 * the pair's ~45,000 small-area rows.
 */
export async function valuesForPairs(
  db: Executor,
  query: { pairs: readonly { indicatorSlug: string; periodCode: string }[] } & (
    | { areaIds: readonly number[] }
    | { areaType: string; nation?: string }
  ),
): Promise<ObservationValue[]> {
  if (query.pairs.length === 0) return [];
  if ("areaIds" in query) {
    if (query.areaIds.length === 0) return [];
    return executePrepared<ObservationValue>(
      db,
      sql`
        with pairs as materialized (${PAIRS(query.pairs)}),
        chosen as materialized (select id, code from areas where id = any(${pgArray([...query.areaIds])}::int[]))
        select ${PAIR_COLUMNS}
        from pairs q cross join chosen a cross join lateral (
          select * from ${releasedObservations} o where o.indicator_id = q.indicator_id and o.period_id = q.period_id and o.breakdown_id = 0 and o.area_id = a.id
        ) o
        order by q.slug, a.code`,
    );
  }
  const chosen = sql`select id, code from areas where type = ${query.areaType}${query.nation ? sql` and nation = ${query.nation}` : sql``}`;
  return executePrepared<ObservationValue>(
    db,
    sql`
      with chosen as materialized (${chosen}),
      pairs as (${PAIRS(query.pairs)})
      select ${PAIR_COLUMNS}
      from pairs q cross join lateral (
        select * from ${releasedObservations} o where o.indicator_id = q.indicator_id and o.period_id = q.period_id and o.breakdown_id = 0
          and o.area_id = any(array(select id from chosen))
      ) o join chosen a on a.id = o.area_id
      order by q.slug, a.code`,
  );
}

export interface Aggregate {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  flags: number;
  /** How many input values were missing or suppressed. */
  missing: number;
}

/**
 * Combines values of several areas into one (small areas → locality, old codes → merged
 * authority). Counts are summed; rates and percentages are recomputed from summed numerators
 * and denominators, never averaged; anything else cannot be combined and gives null.
 * Any missing part makes the total missing (a partial sum would understate it).
 */
export function aggregateValues(
  values: readonly Pick<ObservationValue, "value" | "numerator" | "denominator" | "flags">[],
  unit: string,
  ratePer = 100,
): Aggregate {
  let numerator = 0;
  let denominator = 0;
  let missing = 0;
  let flags = 0;
  for (const item of values) {
    flags |= item.flags & (FLAG.provisional | FLAG.estimated | FLAG.revised);
    if (unit === "count") {
      if (item.value === null) missing++;
      else numerator += item.value;
    } else if (item.numerator === null || item.denominator === null) missing++;
    else {
      numerator += item.numerator;
      denominator += item.denominator;
    }
  }
  if (missing > 0 || values.length === 0)
    return { value: null, numerator: null, denominator: null, flags: flags | FLAG.missing, missing };
  if (unit === "count") return { value: numerator, numerator, denominator: null, flags, missing };
  if (unit !== "percentage" && unit !== "rate")
    return { value: null, numerator: null, denominator: null, flags: flags | FLAG.missing, missing };
  const scale = unit === "percentage" ? 100 : ratePer;
  return { value: denominator > 0 ? (numerator / denominator) * scale : null, numerator, denominator, flags, missing };
}
