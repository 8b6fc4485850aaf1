import { eq, type SQL, sql } from "drizzle-orm";
import type { Executor } from "./database.ts";
import { preparedSql } from "./prepared.ts";
import { dataVersion } from "./tables.ts";

type Prepared = { execute(): Promise<{ version: number | string }[]> };
const statements = new WeakMap<object, Prepared>();

/**
 * The version of the indicator and geography data, as the database says now (see tables.ts):
 * one primary-key read, prepared once per connection.
 */
export async function readDataVersion(db: Executor): Promise<string> {
  let statement = statements.get(db);
  if (!statement) {
    statement = db
      .select({ version: dataVersion.version })
      .from(dataVersion)
      .where(eq(dataVersion.id, 1))
      .prepare("data_version") as unknown as Prepared;
    statements.set(db, statement);
  }
  const [row] = await statement.execute();
  return row ? String(row.version) : "none";
}

/**
 * The data version and, in the same prepared statement, the access version (row 2: who may do
 * what, moved by writes to people, grants, partnerships' nations and API tokens; migration
 * 0028_access_version) and one more text a caller's cache key needs (`also`: a scalar subquery
 * of a fixed text, e.g. the batches under embargo): one round trip on every cached page instead
 * of two or three. A caller cached by its credential (an API token) is kept only while the access
 * version stays the same, so revoking a token or removing a role on one node counts on every
 * node at the next request. The content version (row 3, migration 0030_content_version: moved by
 * edits to a partnership's own records, the needs assessment, strategy, actions, updates,
 * consultation results and members) comes in the same row, for the pages whose whole view model is
 * kept (the needs assessment, the monitoring dashboard, the overview).
 */
export async function readDataVersionWith(
  db: Executor,
  also: SQL,
): Promise<{ version: string; access: string; content: string; also: string }> {
  let statement = withAlso.get(also);
  if (!statement) {
    statement = preparedSql(
      sql`select (select version::text from data_version where id = 1) as version,
        (select version::text from data_version where id = 2) as access,
        (select version::text from data_version where id = 3) as content, (${also}) as also`,
    );
    withAlso.set(also, statement);
  }
  const [row] = await statement(db);
  return {
    version: row?.version ?? "none",
    access: row?.access ?? "none",
    content: row?.content ?? "none",
    also: row?.also ?? "",
  };
}

const NOTHING_MORE = sql`select ''`;

/**
 * The data, access and content versions alone, in one statement: for a kept page that shows no
 * indicator data and so needs no embargo state (the partnership overview).
 */
export function readVersions(db: Executor): Promise<{ version: string; access: string; content: string }> {
  return readDataVersionWith(db, NOTHING_MORE);
}

/** One statement per `also` (callers pass a constant), compiled once. */
const withAlso = new WeakMap<
  SQL,
  ReturnType<
    typeof preparedSql<{ version: string | null; access: string | null; content: string | null; also: string | null }>
  >
>();

export interface VersionedCache<T> {
  /**
   * The value built for `key` from data at `version`, building it once. Each database object (or
   * transaction) has entries of its own, so a transaction's uncommitted data never reaches
   * anyone else, and two databases in one process (tests) never share.
   */
  get(db: Executor, version: string, key: string, build: () => Promise<T>): Promise<T>;
}

/**
 * What is built from the data (profiles, panels) kept until the data changes: keyed by the data
 * version, so an import, an edit or a revision on any node makes every node build afresh.
 * Least recently used out first; concurrent requests for one entry share one build; a failed
 * build is not kept. Callers put in the key everything else the value depends on, above all
 * whose data it may show (the partnership, or the set of indicators a reader may see).
 */
export function createVersionedCache<T>(maxEntries: number): VersionedCache<T> {
  const caches = new WeakMap<object, Map<string, Promise<T>>>();
  return {
    get(db, version, key, build) {
      let cache = caches.get(db);
      if (!cache) {
        cache = new Map();
        caches.set(db, cache);
      }
      const full = `${version}\u0000${key}`;
      const found = cache.get(full);
      if (found) {
        cache.delete(full);
        cache.set(full, found);
        return found;
      }
      // A real promise, settled once: a drizzle query is a thenable that runs again each time it is
      // awaited, so keeping the builder itself would read the database on every "hit".
      const built = Promise.resolve(build());
      cache.set(full, built);
      built.catch(() => cache.delete(full));
      if (cache.size > maxEntries) cache.delete(cache.keys().next().value!);
      return built;
    },
  };
}
