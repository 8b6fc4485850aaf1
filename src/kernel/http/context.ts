import type { Config } from "../config/config.ts";
import type { Database, Db } from "../db/database.ts";
import type { Extensions } from "../domains/extensions.ts";

/** What every domain's routes receive from the composition root. */
export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  /** What other domains provide to the extension points this domain declares. */
  extensions: Extensions;
}
