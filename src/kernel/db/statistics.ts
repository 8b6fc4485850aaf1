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

/**
 * Tables whose planner statistics no longer describe them: never analysed yet holding data, or
 * grown or shrunk by more than 8 pages and 10 % since their last ANALYZE (pg_class.relpages is
 * the size ANALYZE saw; pg_relation_size the size now). PGlite has no autovacuum and keeps no
 * activity counters across restarts, so the size on disk is the one sign that survives. Without
 * statistics the planner guesses one row for any condition: the library's search scanned all
 * 10,000 entries for a word none of them had (0.7 s) instead of reading the text index.
 */
export async function tablesWithStaleStatistics(db: Executor): Promise<string[]> {
  const result = await db.execute(sql`
    select relname from (
      select c.relname, c.reltuples, c.relpages,
        pg_relation_size(c.oid) / current_setting('block_size')::int as pages
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind = 'r'
    ) sized
    where (reltuples < 0 and pages > 0) or abs(pages - relpages) > 8 + 0.1 * relpages
    order by relname`);
  return (result as unknown as { rows: { relname: string }[] }).rows.map((row) => row.relname);
}

/**
 * ANALYZE the tables whose statistics are stale (above): after a bulk seed (the demo, a bench),
 * and when the service starts on PGlite, which has no autovacuum to do it. Returns their names.
 */
export async function analyzeStaleTables(db: Db, driver: "pglite" | "postgres"): Promise<string[]> {
  const tables = await tablesWithStaleStatistics(db);
  await analyzeTables(db, tables, driver);
  return tables;
}
