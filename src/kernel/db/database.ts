import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import pg from "pg";
import { startPgliteHost } from "./pglite-host.ts";
import { serializeQueries } from "./serial-queries.ts";

export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;
export type Tx = PgTransaction<
  PgQueryResultHKT,
  Record<string, never>,
  ExtractTablesWithRelations<Record<string, never>>
>;
/** Repositories take either the database or an open transaction. */
export type Executor = Db | Tx;

export interface Database {
  kind: "pglite" | "postgres";
  db: Db;
  /** Runs fn with a connection of its own (needed for session-level advisory locks). */
  withDedicatedConnection<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  /** PGlite data directory; omit for an in-memory database (tests). */
  dataDir?: string | undefined;
  /**
   * In-memory PGlite only: start from this dump file (PGlite's dumpDataDir) instead of an empty
   * cluster. Tests restore one migrated snapshot per file rather than initdb + migrations.
   */
  snapshotFile?: string | undefined;
  poolSize?: number;
}

/** Pools and clients that talk to the embedded database (see isEmbedded). */
const embedded = new WeakSet<object>();

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.poolSize ?? 10)
    : openPglite(options.dataDir, options.snapshotFile);
}

/**
 * PGlite runs in a worker thread behind the PostgreSQL protocol (ADR 0014), so both modes use
 * `pg`: the same types, transactions, COPY and prepared statements. PGlite is one session, so
 * the pool has one connection; queries queue in the pool as they queued in PGlite itself.
 */
async function openPglite(dataDir: string | undefined, snapshotFile: string | undefined): Promise<Database> {
  const host = await startPgliteHost({ dataDir, snapshotFile });
  const pool = new pg.Pool({
    host: host.socketDir,
    port: host.port,
    user: "postgres",
    database: "postgres",
    max: 1,
    // Keep the one connection: a new one costs a startup exchange and resets the session.
    idleTimeoutMillis: 0,
  });
  embedded.add(pool);
  pool.on("connect", (client) => {
    embedded.add(client);
    serializeQueries(client);
  });
  pool.on("error", () => undefined);
  void host.lost.then((error) => {
    process.stderr.write(`cpah: ${error.message}\n`);
    void pool.end().catch(() => undefined);
  });
  const db = drizzlePg({ client: pool }) as unknown as Db;
  return {
    kind: "pglite",
    db,
    // One session: a second connection would only wait for the first, so use the pool itself.
    withDedicatedConnection: (fn) => fn(db),
    ping: async () => {
      await pool.query("select 1");
    },
    close: async () => {
      await pool.end().catch(() => undefined);
      await host.close();
    },
  };
}

/** True when a pool or client (as found under a Drizzle executor) is the embedded database's. */
export function isEmbedded(client: unknown): boolean {
  return typeof client === "object" && client !== null && embedded.has(client);
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on("connect", serializeQueries);
  // An idle client erroring (e.g. server restart) must not crash the process.
  pool.on("error", () => undefined);
  const db = drizzlePg({ client: pool }) as unknown as Db;
  return {
    kind: "postgres",
    db,
    withDedicatedConnection: async (fn) => {
      const connection = await pool.connect();
      try {
        return await fn(drizzlePg({ client: connection }) as unknown as Db);
      } finally {
        connection.release();
      }
    },
    ping: async () => {
      await pool.query("select 1");
    },
    close: () => pool.end(),
  };
}
