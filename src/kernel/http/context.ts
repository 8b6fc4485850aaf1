import type { Config } from "../config/config.ts";
import type { Database, Db } from "../db/database.ts";
import { Extensions } from "../domains/extensions.ts";

/** What every domain's routes receive from the composition root. */
export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  /** What other domains provide to the extension points this domain declares. */
  extensions: Extensions;
}

/** A context without providers, for tests and scripts that register one domain's routes. */
export function appContext(config: Config, database: Database, extensions = new Extensions()): AppContext {
  return { config, database, db: database.db, extensions };
}
