import { sql } from "drizzle-orm";
import { yieldToEventLoop } from "./arrays.ts";
import type { Db, Executor } from "./database.ts";

export type ModificationCounts = ReadonlyMap<string, { changed: number; reltuples: number }>;

/**
 * Rows inserted, updated or deleted per table as pg_stat_xact_user_tables counts them. On
 * PostgreSQL these counts start at zero in each transaction; PGlite (single user, stats never
 * flushed) keeps counting across transactions, so callers take a snapshot at the start of the
 * transaction and compare (see tablesNeedingAnalyze).
 */
export async function modificationCounts(tx: Executor): Promise<ModificationCounts> {
  const result = await tx.execute(sql`
    select x.relname, (x.n_tup_ins + x.n_tup_upd + x.n_tup_del)::float8 as changed, c.reltuples::float8 as reltuples
    from pg_stat_xact_user_tables x join pg_class c on c.oid = x.relid
    where x.schemaname = current_schema()`);
  const rows = (
    result as unknown as { rows: { relname: string; changed: number | string; reltuples: number | string }[] }
  ).rows;
  return new Map(rows.map((row) => [row.relname, { changed: Number(row.changed), reltuples: Number(row.reltuples) }]));
}

/**
 * Tables this transaction (since `before` was taken) changed enough to make the planner's
 * statistics stale, by autovacuum's own rule: more than 50 rows + 10 % of the table. PGlite has
 * no autovacuum at all, and on PostgreSQL it comes up to a minute later, so without an explicit
 * ANALYZE the first profile requests after a big import plan against an "empty" table
 * (230–700 ms instead of 1 ms on the IoD data).
 */
export async function tablesNeedingAnalyze(tx: Executor, before: ModificationCounts): Promise<string[]> {
  const after = await modificationCounts(tx);
  const stale: string[] = [];
  for (const [table, now] of after) {
    const changed = now.changed - (before.get(table)?.changed ?? 0);
    if (changed > 50 + 0.1 * Math.max(now.reltuples, 0)) stale.push(table);
  }
  return stale.sort();
}

/**
 * PGlite runs ANALYZE on our thread. With the default target (100) it samples 30,000 rows:
 * 130–630 ms on the 919,632 IoD values on a busy 2-core machine, enough to freeze every
 * request. A target of 10 samples 3,000 rows (about 60 ms under the same load) and still
 * gives the planner row counts and the most common values it needs for these key lookups.
 */
const PGLITE_STATISTICS_TARGET = 10;

/**
 * ANALYZE each table in turn (after the import committed, so the statistics describe what
 * others can see), giving the event loop a turn between tables. ANALYZE samples a fixed number
 * of rows, so its cost stays bounded however big the table grows. PostgreSQL does the work in
 * its own process, so it keeps the default sample there.
 */
export async function analyzeTables(db: Db, tables: readonly string[], driver: "pglite" | "postgres"): Promise<void> {
  for (const table of tables) {
    await db.transaction(async (tx) => {
      if (driver === "pglite")
        await tx.execute(sql.raw(`set local default_statistics_target = ${PGLITE_STATISTICS_TARGET}`));
      await tx.execute(sql`analyze ${sql.identifier(table)}`);
    });
    await yieldToEventLoop();
  }
}
