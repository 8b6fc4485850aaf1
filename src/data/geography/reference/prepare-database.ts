import type { Database } from "../../../kernel/db/database.ts";
import { runMigrations } from "../../../kernel/db/migrate.ts";
import { loadReferenceGeography, type ReferenceLoad } from "./load-reference.ts";

/**
 * What `cpah migrate` (and serve, demo, tests) do to a database: the schema migrations, then
 * the built-in reference geography when its version is not loaded yet.
 */
export async function prepareDatabase(database: Database): Promise<ReferenceLoad> {
  await runMigrations(database);
  return loadReferenceGeography(database.db);
}
