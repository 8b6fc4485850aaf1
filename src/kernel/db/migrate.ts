import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type { Database } from "./database.ts";

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../migrations");

// Any fixed number: every app node takes the same lock so only one migrates at a time.
const MIGRATION_LOCK_KEY = 7_214_001;

// Both modes speak through `pg` (ADR 0014). The embedded database is one session, where an
// advisory lock is re-entrant and so excludes no one: a queue per database in this process does
// its work there (drizzle reads which migrations are applied before its transaction, and two
// callers at once would both try to apply the first missing one).
const pgliteMigrations = new WeakMap<object, Promise<void>>();

export async function runMigrations(database: Database): Promise<void> {
  if (database.kind === "pglite") {
    const previous = pgliteMigrations.get(database.db) ?? Promise.resolve();
    const run = previous
      .catch(() => undefined)
      .then(() => migrate(database.db as unknown as NodePgDatabase, { migrationsFolder }));
    pgliteMigrations.set(database.db, run);
    return run;
  }
  await database.withDedicatedConnection(async (db) => {
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    try {
      await migrate(db as unknown as NodePgDatabase, { migrationsFolder });
    } finally {
      await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    }
  });
}
