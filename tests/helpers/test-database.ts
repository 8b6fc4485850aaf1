import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { inject } from "vitest";
import { type Database, openDatabase } from "../../src/kernel/db/database.ts";
import { prepareDatabase } from "../../src/data/geography/index.ts";
import { adminQuery } from "./global-setup.ts";

/**
 * A migrated, empty database for one test file: in-memory PGlite by default, or a fresh
 * database on the server named by TEST_DATABASE_URL (dropped again on close). Both are copies
 * of the database the global setup migrated once; without that setup, each is migrated here.
 */
export async function createTestDatabase(): Promise<Database> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const snapshot = inject("pgliteSnapshotFile");
    if (snapshot) return openDatabase({ snapshotFile: snapshot });
    const database = await openDatabase({});
    await prepareDatabase(database);
    return database;
  }
  const name = `cpah_test_${randomBytes(6).toString("hex")}`;
  const template = inject("postgresTemplate");
  await createDatabase(serverUrl, name, template);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  if (!template) await prepareDatabase(database);
  return {
    ...database,
    close: async () => {
      await database.close();
      await dropDatabase(serverUrl, name);
    },
  };
}

async function createDatabase(serverUrl: string, name: string, template: string | undefined): Promise<void> {
  if (!template) return adminQuery(serverUrl, `create database ${name}`);
  // Copying a template needs it free of other sessions; two files starting at once can briefly
  // collide (55006 "source database is being accessed by other users"), so try again.
  for (let attempt = 1; ; attempt++) {
    try {
      return await adminQuery(serverUrl, `create database ${name} template ${template}`);
    } catch (error) {
      if ((error as { code?: string }).code !== "55006" || attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

/**
 * Drops a test file's database. `with (force)` ends sessions the file left open, but as a
 * non-superuser it cannot end an autovacuum worker busy in the database (42501 "must be a
 * member of the role whose process is being terminated", seen after the shared-data import on
 * CI); a plain drop cancels autovacuum itself, so fall back to that, retrying while busy.
 */
async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  try {
    return await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
  } catch (error) {
    if ((error as { code?: string }).code !== "42501") throw error;
  }
  for (let attempt = 1; ; attempt++) {
    try {
      return await adminQuery(serverUrl, `drop database if exists ${name}`);
    } catch (error) {
      if ((error as { code?: string }).code !== "55006" || attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  }
}

/**
 * Makes `dataDir` an embedded database (`<dataDir>/pglite`, as `cpah` opens it) holding the
 * migrated database the global setup made, as a new one is made from the empty cluster: a file
 * that starts `cpah` or opens a data directory need not run every migration and load the
 * reference geography again (~10 s of a busy CI machine each). Without the setup's snapshot (a run
 * on PostgreSQL, or no global setup) it does nothing and the directory is made as usual.
 */
export async function migratedDataDir(dataDir: string): Promise<void> {
  const snapshot = process.env.TEST_DATABASE_URL ? undefined : inject("pgliteSnapshotFile");
  if (!snapshot) return;
  mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({
    dataDir: path.join(dataDir, "pglite"),
    loadDataDir: new Blob([readFileSync(snapshot)]),
  });
  await client.close();
}
