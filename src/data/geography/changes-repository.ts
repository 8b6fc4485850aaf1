/**
 * The history of area codes: authority code changes (ONS's code history, the built-in reference
 * geography) and best-fit changes between editions of small areas (LSOA 2011 → 2021).
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { chunks, pgArray, yieldToEventLoop } from "../../kernel/db/arrays.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { areaCodeChanges, smallAreaChanges } from "./tables.ts";

function rows<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

export async function insertCodeChanges(
  db: Executor,
  changes: readonly (typeof areaCodeChanges.$inferInsert)[],
): Promise<number> {
  if (changes.length === 0) return 0;
  const inserted = await db
    .insert(areaCodeChanges)
    .values([...changes])
    .onConflictDoNothing()
    .returning({ id: areaCodeChanges.id });
  return inserted.length;
}

export function listCodeChanges(db: Executor): Promise<(typeof areaCodeChanges.$inferSelect)[]> {
  return db.select().from(areaCodeChanges).orderBy(asc(areaCodeChanges.startYear), asc(areaCodeChanges.oldCode));
}

/** Replaces the stored changes between two editions of small areas (codes → ids resolved here). */
export async function replaceSmallAreaChanges(
  db: Executor,
  changes: readonly { from: string; to: string; change: string }[],
  fromVintage: number,
  toVintage: number,
): Promise<number> {
  await db
    .delete(smallAreaChanges)
    .where(and(eq(smallAreaChanges.fromVintage, fromVintage), eq(smallAreaChanges.toVintage, toVintage)));
  let written = 0;
  for (const part of chunks(changes, 5000)) {
    const result = await db.execute(sql`
      insert into small_area_changes (old_area_id, new_area_id, change, from_vintage, to_vintage)
      select o.id, n.id, t.change, ${fromVintage}::smallint, ${toVintage}::smallint
      from unnest(${pgArray(part.map((c) => c.from))}::text[], ${pgArray(part.map((c) => c.to))}::text[], ${pgArray(part.map((c) => c.change))}::text[]) t(old, new, change)
      join areas o on o.code = t.old join areas n on n.code = t.new
      on conflict do nothing returning 1`);
    written += rows(result).length;
    await yieldToEventLoop();
  }
  return written;
}

export interface SmallAreaChange {
  oldCode: string;
  newCode: string;
  change: string;
}

/** The stored best-fit changes between two editions (e.g. LSOA 2011 → 2021). */
export async function listSmallAreaChanges(
  db: Executor,
  fromVintage: number,
  toVintage: number,
): Promise<SmallAreaChange[]> {
  const result = await db.execute(sql`
    select o.code as "oldCode", n.code as "newCode", c.change from small_area_changes c
    join areas o on o.id = c.old_area_id join areas n on n.id = c.new_area_id
    where c.from_vintage = ${fromVintage} and c.to_vintage = ${toVintage} order by o.code, n.code`);
  return rows<SmallAreaChange>(result);
}
