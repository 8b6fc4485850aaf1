/**
 * The API's reads. Every list is one bounded, indexed query: a page is fetched with one row
 * more than asked for (to know whether there is a next page) instead of counting everything.
 */
import { asc, sql } from "drizzle-orm";
import { pgArray } from "../../kernel/db/arrays.ts";
import type { Executor } from "../../kernel/db/database.ts";
import type { AreaRow } from "../geography/index.ts";
import { type IndicatorRow, indicators, type PeriodRow, periods } from "../indicators/index.ts";

function rows<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

const AREA_COLUMNS = sql`a.id, a.code, a.name, a.type, a.nation, a.upper_tier as "upperTier", a.lower_tier as "lowerTier",
  a.start_year as "startYear", a.end_year as "endYear", a.updated_at as "updatedAt"`;

export interface AreaFilter {
  type?: string | undefined;
  nation?: string | undefined;
  parentId?: number | undefined;
  limit: number;
  offset: number;
}

export async function listAreasPage(db: Executor, filter: AreaFilter): Promise<AreaRow[]> {
  const conditions = [sql`true`];
  if (filter.type) conditions.push(sql`a.type = ${filter.type}`);
  if (filter.nation) conditions.push(sql`a.nation = ${filter.nation}`);
  // Any direct parent link (ward, authority, region, nation …): area_parents_parent_idx.
  if (filter.parentId !== undefined) conditions.push(sql`a.id in (select ap.child_id from area_parents ap where ap.parent_id = ${filter.parentId})`);
  const result = await db.execute(sql`select ${AREA_COLUMNS} from areas a where ${sql.join(conditions, sql` and `)}
    order by a.code limit ${filter.limit} offset ${filter.offset}`);
  return rows<AreaRow>(result).map((row) => ({ ...row, id: Number(row.id) }));
}

export function listAllIndicators(db: Executor): Promise<IndicatorRow[]> {
  return db.select().from(indicators).orderBy(asc(indicators.title));
}

export async function periodsByCode(db: Executor, codes: readonly string[]): Promise<Map<string, PeriodRow>> {
  if (codes.length === 0) return new Map();
  const list = await db.select().from(periods).where(sql`${periods.code} = any(${pgArray([...new Set(codes)])}::text[])`);
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
  areaType?: string | undefined;
  parentId?: number | undefined;
  allBreakdowns: boolean;
  limit: number;
  offset: number;
}

/**
 * One indicator's values, in primary-key order (period id, breakdown, area id), so a page is a
 * range scan of the primary key rather than a sort of every matching row.
 */
export async function listDataPage(db: Executor, filter: DataFilter): Promise<DataRow[]> {
  const conditions = [sql`o.indicator_id = ${filter.indicatorId}`];
  if (filter.periodId !== undefined) conditions.push(sql`o.period_id = ${filter.periodId}`);
  if (!filter.allBreakdowns) conditions.push(sql`o.breakdown_id = 0`);
  if (filter.areaType) conditions.push(sql`a.type = ${filter.areaType}`);
  if (filter.parentId !== undefined) conditions.push(sql`exists (select 1 from area_parents ap where ap.child_id = o.area_id and ap.parent_id = ${filter.parentId})`);
  const result = await db.execute(sql`
    select a.code as "areaCode", a.name as "areaName", a.type as "areaType",
      p.code as "periodCode", p.label as "periodLabel", p.start_date::text as "periodStart", p.end_date::text as "periodEnd",
      b.dimension as "breakdownDimension", b.value as "breakdownValue",
      o.value, o.numerator, o.denominator, o.ci_lower as "ciLower", o.ci_upper as "ciUpper", o.flags
    from observations o join areas a on a.id = o.area_id join periods p on p.id = o.period_id
      left join breakdowns b on b.id = o.breakdown_id
    where ${sql.join(conditions, sql` and `)}
    order by o.period_id, o.breakdown_id, o.area_id
    limit ${filter.limit} offset ${filter.offset}`);
  return rows<DataRow>(result).map((row) => ({
    ...row,
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
