import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../src/kernel/db/database.ts";
import { loadReferenceGeography, prepareDatabase } from "../../src/data/geography/index.ts";
import type { Db } from "../../src/kernel/db/database.ts";
import { migrationsFolder } from "../../src/kernel/db/migrate.ts";
import { readEmptyCluster, saveEmptyCluster } from "../../src/kernel/db/pglite-template.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    /** A dump of a migrated, empty PGlite database (in-memory runs). */
    pgliteSnapshotFile: string;
    /** A migrated, empty database on the server that each test file's database copies. */
    postgresTemplate: string;
  }
}

/**
 * Migrates one database before any test file runs; createTestDatabase then copies it per file
 * (PGlite: restores a dump, ~1 s, instead of initdb + every migration, ~5–9 s on the CI
 * machine; PostgreSQL: `create database … template`). Each file still gets its own database.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const directory = mkdtempSync(path.join(tmpdir(), "cpah-test-snapshot-"));
    const file = path.join(directory, "migrated.tar");
    // The same migrator runMigrations uses for PGlite, on a client whose data we can dump.
    // From the empty cluster's dump when this installation has one, as a new database does.
    const emptyCluster = await readEmptyCluster();
    const client = await PGlite.create(emptyCluster ? { loadDataDir: emptyCluster } : {});
    if (!emptyCluster) await saveEmptyCluster(client);
    const db = drizzle({ client });
    await migrate(db, { migrationsFolder });
    // As `cpah migrate` does: every test database starts with the built-in reference geography.
    await loadReferenceGeography(db as unknown as Db);
    writeFileSync(file, Buffer.from(await (await client.dumpDataDir("none")).arrayBuffer()));
    await client.close();
    project.provide("pgliteSnapshotFile", file);
    return async () => rmSync(directory, { recursive: true, force: true });
  }

  const template = `cpah_template_${randomBytes(6).toString("hex")}`;
  await adminQuery(serverUrl, `create database ${template}`);
  const url = new URL(serverUrl);
  url.pathname = `/${template}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 1 });
  await prepareDatabase(database);
  // A template must have no open connections while it is copied.
  await database.close();
  project.provide("postgresTemplate", template);
  return async () => adminQuery(serverUrl, `drop database if exists ${template} with (force)`);
}

export async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}
