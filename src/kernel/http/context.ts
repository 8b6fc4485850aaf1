import type { Config } from "../config/config.ts";
import type { Database, Db } from "../db/database.ts";

/** What every domain's routes receive from the composition root. */
export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
}
