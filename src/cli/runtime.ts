import { type Config, loadConfig } from "../kernel/config/config.ts";
import { type Database, openDatabase } from "../kernel/db/database.ts";
import { runMigrations } from "../kernel/db/migrate.ts";

/** Config plus a migrated database: what every command starts from. */
export async function openRuntime(): Promise<{ config: Config; database: Database }> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await runMigrations(database);
  return { config, database };
}
