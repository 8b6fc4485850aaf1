import { asc, eq, sql } from "drizzle-orm";
import { pgArray } from "../../kernel/db/arrays.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { FLAG } from "./flags.ts";
import type { ParsedPeriod } from "./periods.ts";
import type { IndicatorDefinition, IndicatorUpdate } from "./schemas.ts";
import { breakdowns, importBatches, indicators, periods } from "./tables.ts";

export type IndicatorRow = typeof indicators.$inferSelect;
export type PeriodRow = typeof periods.$inferSelect;
export type ImportBatchRow = typeof importBatches.$inferSelect;

function rows<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

export async function findIndicatorsBySlug(db: Executor, slugs: readonly string[]): Promise<IndicatorRow[]> {
  if (slugs.length === 0) return [];
  return db
    .select()
    .from(indicators)
    .where(sql`${indicators.slug} = any(${pgArray([...slugs])}::text[])`);
}

export async function findIndicator(db: Executor, slug: string): Promise<IndicatorRow | undefined> {
  const [row] = await db.select().from(indicators).where(eq(indicators.slug, slug)).limit(1);
  return row;
}

/**
 * National indicators and one partnership's own (null: national only), never another's. What a
 * reader may see of them is decided by visibleIndicators (visibility.ts).
 */
export function listIndicators(db: Executor, partnershipId: string | null = null): Promise<IndicatorRow[]> {
  const visible = partnershipId
    ? sql`${indicators.partnershipId} is null or ${indicators.partnershipId} = ${partnershipId}`
    : sql`${indicators.partnershipId} is null`;
  return db.select().from(indicators).where(visible).orderBy(asc(indicators.title));
}

/** Every indicator, whoever owns it (the API filters by visibility). */
export function allIndicators(db: Executor): Promise<IndicatorRow[]> {
  return db.select().from(indicators).orderBy(asc(indicators.title));
}

/** Creates indicators not yet in the catalogue; existing entries (maybe edited by people) are left alone. */
export async function insertMissingIndicators(
  db: Executor,
  drafts: readonly IndicatorDefinition[],
  partnershipId: string | null,
): Promise<void> {
  if (drafts.length === 0) return;
  await db
    .insert(indicators)
    .values(drafts.map((draft) => ({ ...draft, partnershipId })))
    .onConflictDoNothing();
}

export async function updateIndicator(
  db: Executor,
  slug: string,
  update: IndicatorUpdate,
): Promise<IndicatorRow | undefined> {
  const [row] = await db
    .update(indicators)
    .set({ ...update, updatedAt: new Date() })
    .where(eq(indicators.slug, slug))
    .returning();
  return row;
}

/** Merges what an import added into the catalogue's coverage lists (no scan of observations). */
export async function addCoverage(
  db: Executor,
  indicatorId: number,
  areaTypes: readonly string[],
  periodCodes: readonly string[],
): Promise<void> {
  await db.execute(sql`
    update indicators set
      area_types = array(select distinct unnest(area_types || ${pgArray([...areaTypes])}::text[]) order by 1),
      period_codes = array(select p.code from periods p where p.code = any(period_codes || ${pgArray([...periodCodes])}::text[]) order by p.sort_key),
      updated_at = now()
    where id = ${indicatorId}`);
}

export async function upsertPeriods(db: Executor, list: readonly ParsedPeriod[]): Promise<Map<string, number>> {
  if (list.length > 0) {
    await db
      .insert(periods)
      .values(list.map((p) => ({ ...p })))
      .onConflictDoNothing();
  }
  const found = await db
    .select()
    .from(periods)
    .where(sql`${periods.code} = any(${pgArray(list.map((p) => p.code))}::text[])`);
  return new Map(found.map((p) => [p.code, p.id]));
}

export async function insertBatch(db: Executor, values: typeof importBatches.$inferInsert): Promise<number> {
  const [row] = await db.insert(importBatches).values(values).returning({ id: importBatches.id });
  return row!.id;
}

export async function completeBatch(
  db: Executor,
  id: number,
  values: { rowsRead: number; valuesWritten: number; valuesReplaced: number; report: unknown },
): Promise<void> {
  await db
    .update(importBatches)
    .set({ ...values, completedAt: new Date() })
    .where(eq(importBatches.id, id));
}

export async function findBatch(db: Executor, id: number): Promise<ImportBatchRow | undefined> {
  const [row] = await db.select().from(importBatches).where(eq(importBatches.id, id)).limit(1);
  return row;
}

export function listBatches(db: Executor, limit = 50): Promise<ImportBatchRow[]> {
  return db.select().from(importBatches).orderBy(sql`${importBatches.id} desc`).limit(limit);
}

/** The latest completed batch of each of these kinds (the geography page's "last loaded"). */
export function latestBatchesOfKinds(db: Executor, kinds: readonly string[]): Promise<ImportBatchRow[]> {
  if (kinds.length === 0) return Promise.resolve([]);
  return db
    .selectDistinctOn([importBatches.kind])
    .from(importBatches)
    .where(sql`${importBatches.kind} in ${kinds} and ${importBatches.completedAt} is not null`)
    .orderBy(importBatches.kind, sql`${importBatches.id} desc`);
}

export async function countObservations(db: Executor): Promise<number> {
  const result = await db.execute(sql`select count(*)::int as n from observations`);
  return rows<{ n: number }>(result)[0]!.n;
}

/** Breakdown keys ("dimension\u0000value", "" = all) → ids, creating new ones; "" is always 0. */
export async function upsertBreakdowns(db: Executor, keys: readonly string[]): Promise<number[]> {
  const real = keys
    .filter((key) => key !== "")
    .map((key) => {
      const [dimension, value] = key.split("\u0000") as [string, string];
      return { dimension, value, label: value };
    });
  const ids = new Map<string, number>([["", 0]]);
  if (real.length > 0) {
    await db.insert(breakdowns).values(real).onConflictDoNothing();
    const found = await db
      .select()
      .from(breakdowns)
      .where(
        sql`(${breakdowns.dimension}, ${breakdowns.value}) in (select * from unnest(${pgArray(real.map((b) => b.dimension))}::text[], ${pgArray(real.map((b) => b.value))}::text[]))`,
      );
    for (const row of found) ids.set(`${row.dimension}\u0000${row.value}`, row.id);
  }
  return keys.map((key) => ids.get(key)!);
}

/**
 * Keys ("slug|period|breakdown|areaId") of values stored for these areas that came from a
 * source file rather than being summed at import: a computed total must never replace them.
 */
export async function sourceValueKeys(
  db: Executor,
  slugs: readonly string[],
  areaIds: readonly number[],
): Promise<Set<string>> {
  if (slugs.length === 0 || areaIds.length === 0) return new Set();
  const result = await db.execute(sql`
    select i.slug, p.code as period, b.dimension, b.value, o.area_id as "areaId"
    from observations o join indicators i on i.id = o.indicator_id join periods p on p.id = o.period_id
    left join breakdowns b on b.id = o.breakdown_id
    where i.slug = any(${pgArray([...slugs])}::text[]) and o.area_id = any(${pgArray([...areaIds])}::int[]) and (o.flags & ${FLAG.derived}::int) = 0`);
  const found = rows<{
    slug: string;
    period: string;
    dimension: string | null;
    value: string | null;
    areaId: number | string;
  }>(result);
  return new Set(
    found.map(
      (r) =>
        `${r.slug}|${r.period}|${r.dimension === null ? "" : `${r.dimension}\u0000${r.value}`}|${Number(r.areaId)}`,
    ),
  );
}

/** Local authorities holding values of these indicators: with a file's own, they tell which boundary set the series uses. */
export async function authoritiesWithValues(db: Executor, slugs: readonly string[]): Promise<number[]> {
  if (slugs.length === 0) return [];
  const result = await db.execute(sql`
    select distinct o.area_id as "areaId" from observations o join indicators i on i.id = o.indicator_id join areas a on a.id = o.area_id
    where i.slug = any(${pgArray([...slugs])}::text[]) and a.type = 'local-authority' and (o.flags & ${FLAG.derived}::int) = 0`);
  return rows<{ areaId: number | string }>(result).map((r) => Number(r.areaId));
}

/**
 * Slugs of the indicators holding at least one value (all people, no breakdown) for an area:
 * what a partnership can measure its actions against. A value withheld for disclosure counts (the
 * series exists); a cell stored as missing does not. One probe per indicator through observations_area_idx.
 */
export async function indicatorSlugsWithValues(db: Executor, areaId: number): Promise<Set<string>> {
  const result = await db.execute(sql`
    select i.slug from indicators i
    where exists (select 1 from observations o where o.indicator_id = i.id and o.area_id = ${areaId} and o.breakdown_id = 0
      and (o.value is not null or (o.flags & ${FLAG.suppressed}::int) <> 0))`);
  return new Set(rows<{ slug: string }>(result).map((r) => r.slug));
}

/** The dimension and label of each breakdown id (0, "all", has no row and is not returned). */
export async function breakdownLabels(
  db: Executor,
  ids: readonly number[],
): Promise<Map<number, { dimension: string; label: string }>> {
  const wanted = [...new Set(ids)].filter((id) => id !== 0);
  if (wanted.length === 0) return new Map();
  const found = await db
    .select({ id: breakdowns.id, dimension: breakdowns.dimension, label: breakdowns.label })
    .from(breakdowns)
    .where(sql`${breakdowns.id} = any(${pgArray(wanted)}::int[])`);
  return new Map(found.map((row) => [row.id, { dimension: row.dimension, label: row.label }]));
}
