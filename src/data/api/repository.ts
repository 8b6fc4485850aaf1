/**
 * The API's reads. Every list is one bounded, indexed query: a keyset page (an index seek
 * from the cursor), fetched with one row more than asked for to know whether there is a next
 * page, never a count of everything.
 *
 * PGlite has no autovacuum, so after a bulk import the planner has no statistics and guesses
 * "4 rows": it then sorts a whole indicator (350 ms for 33,000 values, seconds at full scale)
 * instead of walking the primary key. Where the index order is the answer, the queries turn
 * sorts and bitmap scans off for their own transaction (SET LOCAL), which makes the index walk
 * the only plan; with statistics (PostgreSQL) that is the plan chosen anyway.
 */
import { type SQL, sql } from "drizzle-orm";
import { pgArray } from "../../kernel/db/arrays.ts";
import type { Executor } from "../../kernel/db/database.ts";

/** Runs a read with the planner told to follow index order (see above). */
function inIndexOrder<T>(db: Executor, read: (tx: Executor) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_sort = off`);
    await tx.execute(sql`set local enable_bitmapscan = off`);
    return read(tx);
  });
}
import type { AreaRow } from "../geography/index.ts";
import { type ParentLink, type PeriodRow, periods, releasedObservations } from "../indicators/index.ts";

function rows<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

const AREA_COLUMNS = sql`a.id, a.code, a.name, a.type, a.nation, a.upper_tier as "upperTier", a.lower_tier as "lowerTier",
  a.start_year as "startYear", a.end_year as "endYear", a.updated_at as "updatedAt"`;

export interface AreaFilter {
  type?: string | undefined;
  nation?: string | undefined;
  parentId?: number | undefined;
  after?: string | undefined;
  limit: number;
}

/** Area types that make up most of the table: walking the code index and filtering is quickest for them. */
const LARGE_TYPES = new Set(["lsoa", "msoa", "ward"]);

export async function listAreasPage(db: Executor, filter: AreaFilter): Promise<AreaRow[]> {
  const conditions: SQL[] = [sql`true`];
  if (filter.type) conditions.push(sql`a.type = ${filter.type}`);
  if (filter.nation) conditions.push(sql`a.nation = ${filter.nation}`);
  if (filter.after) conditions.push(sql`a.code > ${filter.after}`);
  const where = sql.join(conditions, sql` and `);
  let result: unknown;
  if (filter.parentId !== undefined) {
    // Any direct parent link (ward, authority, region, nation …): one range of area_parents_parent_idx, then a small sort.
    result = await db.execute(sql`select ${AREA_COLUMNS} from areas a
      where a.id = any(array(select ap.child_id from area_parents ap where ap.parent_id = ${filter.parentId})) and ${where}
      order by a.code limit ${filter.limit}`);
  } else if (!filter.type || LARGE_TYPES.has(filter.type)) {
    result = await inIndexOrder(db, (tx) =>
      tx.execute(sql`select ${AREA_COLUMNS} from areas a where ${where} order by a.code limit ${filter.limit}`),
    );
  } else {
    // A small type (regions, authorities …): pick its rows first, then sort the few of them.
    result = await db.execute(sql`with picked as materialized (select * from areas a where ${where})
      select ${AREA_COLUMNS} from picked a order by a.code limit ${filter.limit}`);
  }
  return rows<AreaRow>(result).map((row) => ({ ...row, id: Number(row.id) }));
}

export async function periodsByCode(db: Executor, codes: readonly string[]): Promise<Map<string, PeriodRow>> {
  if (codes.length === 0) return new Map();
  const list = await db
    .select()
    .from(periods)
    .where(sql`${periods.code} = any(${pgArray([...new Set(codes)])}::text[])`);
  return new Map(list.map((row) => [row.code, row]));
}

export interface DataRow {
  areaCode: string;
  areaName: string;
  areaType: string;
  periodCode: string;
  periodLabel: string;
  periodStart: string;
  periodEnd: string;
  breakdownDimension: string | null;
  breakdownValue: string | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  ciLower: number | null;
  ciUpper: number | null;
  flags: number;
}

export interface DataFilter {
  indicatorId: number;
  periodId?: number | undefined;
  periodIds?: readonly number[] | undefined;
  breakdownIds?: readonly number[] | undefined;
  /** Only when the indicator has values for other area types too (else every row matches). */
  areaType?: string | undefined;
  parentId?: number | undefined;
  allBreakdowns: boolean;
  /** Keyset cursor: the last row of the previous page. */
  after?: { periodId: number; breakdownId: number; areaId: number } | undefined;
  limit: number;
}

export interface DataPageRow extends DataRow {
  periodId: number;
  breakdownId: number;
  areaId: number;
}

/**
 * One indicator's values in primary-key order (period id, breakdown, area id): a page is a
 * range of the primary key from the cursor. A parent filter first lists the parent's
 * children (area_parents_parent_idx) and looks those up in the primary key.
 */
export async function listDataPage(db: Executor, filter: DataFilter): Promise<DataPageRow[]> {
  // Embargoed values are not found until their release time; a value they revise is read as it was (embargo.ts).
  const conditions: SQL[] = [sql`o.indicator_id = ${filter.indicatorId}`];
  if (filter.periodId !== undefined) conditions.push(sql`o.period_id = ${filter.periodId}`);
  if (filter.periodIds) conditions.push(sql`o.period_id = any(${pgArray([...filter.periodIds])}::int[])`);
  if (filter.breakdownIds) conditions.push(sql`o.breakdown_id = any(${pgArray([...filter.breakdownIds])}::int[])`);
  if (!filter.allBreakdowns) conditions.push(sql`o.breakdown_id = 0`);
  if (filter.areaType) conditions.push(sql`a.type = ${filter.areaType}`);
  if (filter.parentId !== undefined)
    conditions.push(
      sql`o.area_id = any(array(select ap.child_id from area_parents ap where ap.parent_id = ${filter.parentId}))`,
    );
  if (filter.after)
    conditions.push(
      sql`(o.period_id, o.breakdown_id, o.area_id) > (${filter.after.periodId}, ${filter.after.breakdownId}, ${filter.after.areaId})`,
    );
  const result = await inIndexOrder(db, (tx) =>
    tx.execute(sql`
      select o.period_id as "periodId", o.breakdown_id as "breakdownId", o.area_id as "areaId",
        a.code as "areaCode", a.name as "areaName", a.type as "areaType",
        p.code as "periodCode", p.label as "periodLabel", p.start_date::text as "periodStart", p.end_date::text as "periodEnd",
        b.dimension as "breakdownDimension", b.value as "breakdownValue",
        o.value, o.numerator, o.denominator, o.ci_lower as "ciLower", o.ci_upper as "ciUpper", o.flags
      from ${releasedObservations} o join areas a on a.id = o.area_id join periods p on p.id = o.period_id
        left join breakdowns b on b.id = o.breakdown_id
      where ${sql.join(conditions, sql` and `)}
      order by o.indicator_id, o.period_id, o.breakdown_id, o.area_id
      limit ${filter.limit}`),
  );
  return rows<DataPageRow>(result).map((row) => ({
    ...row,
    periodId: Number(row.periodId),
    breakdownId: Number(row.breakdownId),
    areaId: Number(row.areaId),
    value: num(row.value),
    numerator: num(row.numerator),
    denominator: num(row.denominator),
    ciLower: num(row.ciLower),
    ciUpper: num(row.ciUpper),
    flags: Number(row.flags),
  }));
}

/** pg returns some numeric types as strings; PGlite as numbers. Null stays null (never 0). */
function num(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/**
 * Every released value of an indicator in the given (period, breakdown) slices, whatever the
 * page: disclosure control judges a page's values with all the areas they add up with.
 */
export async function sliceValues(
  db: Executor,
  indicatorId: number,
  slices: readonly { periodId: number; breakdownId: number }[],
): Promise<DataPageRow[]> {
  if (slices.length === 0) return [];
  const periodIds = [...new Set(slices.map((s) => s.periodId))];
  const breakdownIds = [...new Set(slices.map((s) => s.breakdownId))];
  return listDataPage(db, {
    indicatorId,
    periodIds,
    breakdownIds,
    allBreakdowns: true,
    limit: 1_000_000,
  });
}

/** Parent links among a set of areas, with each child's type. */
export async function parentLinksAmong(db: Executor, areaIds: readonly number[]): Promise<ParentLink[]> {
  if (areaIds.length === 0) return [];
  const ids = pgArray([...areaIds]);
  const result = await db.execute(sql`
    select ap.parent_id as "parentId", ap.child_id as "childId", c.type as "childType"
    from area_parents ap join areas c on c.id = ap.child_id
    where ap.child_id = any(${ids}::int[]) and ap.parent_id = any(${ids}::int[])`);
  return rows<ParentLink>(result).map((row) => ({
    ...row,
    parentId: Number(row.parentId),
    childId: Number(row.childId),
  }));
}
