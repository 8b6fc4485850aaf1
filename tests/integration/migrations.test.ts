import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { describe, expect } from "vitest";
import { type Database, openDatabase } from "../../src/kernel/db/database.ts";
import { migrationsFolder, runMigrations } from "../../src/kernel/db/migrate.ts";
import { dbTest as test } from "../helpers/app-test.ts";

const serverUrl = process.env.TEST_DATABASE_URL;
const journal = JSON.parse(readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as {
  entries: unknown[];
};

async function appliedMigrations(database: Database): Promise<number> {
  const result = await database.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  return Number((result as unknown as { rows: { n: number }[] }).rows[0]!.n);
}

describe("migrations", () => {
  test("runs against the engine the suite was asked for", async ({ database }) => {
    expect(database.kind).toBe(serverUrl ? "postgres" : "pglite");
    expect(await appliedMigrations(database)).toBe(journal.entries.length);
    // Running again is a no-op.
    await runMigrations(database);
    expect(await appliedMigrations(database)).toBe(journal.entries.length);
  });

  // Several app nodes starting at once: the advisory lock lets exactly one apply each migration.
  // An embedded PGlite database belongs to one process, so there the "nodes" are callers of
  // runMigrations in that process at the same time (as when a CLI command and the app start
  // together): each migration must still be applied exactly once.
  test("applies once when several nodes migrate at the same time", async () => {
    if (!serverUrl) {
      const database = await openDatabase({});
      try {
        await Promise.all([1, 2, 3, 4].map(() => runMigrations(database)));
        expect(await appliedMigrations(database)).toBe(journal.entries.length);
      } finally {
        await database.close();
      }
      return;
    }
    const name = `cpah_lock_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const nodes = await Promise.all([1, 2, 3, 4].map(() => openDatabase({ databaseUrl: url.toString(), poolSize: 2 })));
    try {
      await Promise.all(nodes.map((node) => runMigrations(node)));
      expect(await appliedMigrations(nodes[0]!)).toBe(journal.entries.length);
    } finally {
      await Promise.all(nodes.map((node) => node.close()));
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
