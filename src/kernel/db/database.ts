import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import pg from "pg";

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
   * In-memory PGlite only: start from this dump (PGlite's dumpDataDir) instead of an empty
   * cluster. Tests restore one migrated snapshot per file rather than initdb + migrations.
   */
  loadDataDir?: Blob | undefined;
  poolSize?: number;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.poolSize ?? 10)
    : openPglite(options.dataDir, options.loadDataDir);
}

async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  let client: PGlite;
  if (dataDir) {
    const dir = path.join(dataDir, "pglite");
    mkdirSync(dir, { recursive: true });
    client = await PGlite.create(dir);
  } else {
    client = await PGlite.create(loadDataDir ? { loadDataDir } : {});
  }
  const db = drizzlePglite({ client }) as unknown as Db;
  return {
    kind: "pglite",
    db,
    // PGlite is a single connection already; locks are moot.
    withDedicatedConnection: (fn) => fn(db),
    ping: async () => {
      await client.query("select 1");
    },
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
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
