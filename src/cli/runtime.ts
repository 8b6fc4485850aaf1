import { type Config, loadConfig } from "../kernel/config/config.ts";
import { type Database, openDatabase } from "../kernel/db/database.ts";
import { prepareDatabase, type ReferenceLoad } from "../data/geography/index.ts";

/** Config plus a migrated database with the built-in reference geography: what every command starts from. */
export async function openRuntime(): Promise<{ config: Config; database: Database; reference: ReferenceLoad }> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const reference = await prepareDatabase(database);
  return { config, database, reference };
}
