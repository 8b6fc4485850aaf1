/**
 * `cpah backup` and `cpah restore` of the embedded database: a backup of the demo, restored
 * into another DATA_DIR, has every table identical, row for row. (PostgreSQL is backed up with
 * pg_dump, which the commands point to.)
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../src/demo/seed/index.ts";
import { backupEmbedded, embeddedDirectory, restoreEmbedded } from "../../src/kernel/db/backup.ts";
import { openDatabase } from "../../src/kernel/db/database.ts";
import { runMigrations } from "../../src/kernel/db/migrate.ts";
import { migratedDataDir } from "../helpers/test-database.ts";

const work = mkdtempSync(path.join(tmpdir(), "cpah-backup-"));
const original = path.join(work, "original");
const restored = path.join(work, "restored");
const backup = path.join(work, "demo-backup.tar.gz");

function cpah(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ["bin/cpah.js", ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: "", LOG_LEVEL: "silent", NODE_ENV: "test", ...env },
    timeout: 200_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/**
 * `cpah` without blocking this process: while it holds DATA_DIR's lock its event loop must run,
 * or the lock goes stale (as it would for a `cpah serve` frozen for 10 s) and is taken over.
 */
function cpahAsync(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ["bin/cpah.js", ...args], {
    env: { ...process.env, DATABASE_URL: "", LOG_LEVEL: "silent", NODE_ENV: "test", ...env },
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (chunk) => (out += chunk));
  child.stderr.on("data", (chunk) => (err += chunk));
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) =>
    child.on("close", (code) => resolve({ code, out, err })),
  );
}

/** Every table of the service (public and drizzle's migrations): its row count and a digest of its rows in order. */
async function tables(dataDir: string): Promise<Record<string, { rows: number; digest: string | null }>> {
  const client = await PGlite.create(embeddedDirectory(dataDir));
  try {
    const names = await client.query<{ name: string }>(
      `select format('%I.%I', table_schema, table_name) as name from information_schema.tables
       where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' order by 1`,
    );
    const result: Record<string, { rows: number; digest: string | null }> = {};
    for (const { name } of names.rows) {
      const [row] = (
        await client.query<{ rows: number; digest: string | null }>(
          `select count(*)::int as rows, md5(string_agg(t::text, E'\\n' order by t::text)) as digest from ${name} t`,
        )
      ).rows;
      result[name] = row!;
    }
    return result;
  } finally {
    await client.close();
  }
}

/** The original's tables as the first test read them. */
let originalTables: Awaited<ReturnType<typeof tables>> | undefined;

beforeAll(async () => {
  await migratedDataDir(original); // runMigrations below still checks it is current
  const database = await openDatabase({ dataDir: original });
  await runMigrations(database);
  await seedDemo(database);
  await database.close();
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("backup and restore of the embedded database", () => {
  it("restores a backup of the demo with every table identical", { timeout: 400_000 }, async () => {
    const backedUp = cpah(["backup", backup], { DATA_DIR: original });
    expect(backedUp.code, backedUp.err).toBe(0);
    expect(backedUp.out).toContain(`Backed up ${original} to ${backup}`);
    const again = cpah(["backup", backup], { DATA_DIR: original });
    expect(again.code).toBe(2);
    expect(again.err).toContain("already exists");

    const done = cpah(["restore", backup], { DATA_DIR: restored });
    expect(done.code, done.err).toBe(0);

    const before = await tables(original);
    originalTables = before;
    const after = await tables(restored);
    expect(Object.keys(before)).toContain("public.observations");
    expect(before["public.users"]!.rows).toBeGreaterThan(5);
    expect(before["public.observations"]!.rows).toBeGreaterThan(100);
    expect(after).toEqual(before);
  });

  it("keeps the database a restore replaces, and refuses a file that is not a backup", async () => {
    const { previous } = await restoreEmbedded(restored, backup);
    expect(previous).toMatch(/pglite\.before-restore-\d{8}T\d{6}$/);
    expect(existsSync(path.join(previous!, "PG_VERSION"))).toBe(true);

    const junk = path.join(work, "not-a-backup.tar.gz");
    writeFileSync(junk, "this is not a backup");
    await expect(restoreEmbedded(restored, junk)).rejects.toThrow(
      /is not a backup of this service's embedded database/,
    );
    expect(readdirSync(restored).filter((name) => name.includes("restoring"))).toEqual([]);
    // The original is not touched after the first test: its digests are reused (each pass reads every table).
    expect(await tables(restored)).toEqual(originalTables ?? (await tables(original)));
  }, 240_000);

  it("refuses while the database is open, and points PostgreSQL users to pg_dump", async () => {
    const open = await PGlite.create(embeddedDirectory(restored));
    try {
      await expect(backupEmbedded(restored, path.join(work, "while-open.tar.gz"))).rejects.toThrow(/is in use/);
      await expect(restoreEmbedded(restored, backup)).rejects.toThrow(/is in use/);
    } finally {
      await open.close();
    }
    // Open as `cpah serve` opens it (PGlite in a worker, DATA_DIR locked): refused in the lock's words.
    const served = await openDatabase({ dataDir: restored });
    try {
      const refused = await cpahAsync(["backup", path.join(work, "while-served.tar.gz")], { DATA_DIR: restored });
      expect(refused.code).toBe(2);
      expect(refused.err).toContain(`The embedded database in ${restored} is in use by another process`);
      await expect(restoreEmbedded(restored, backup)).rejects.toThrow(/is in use by another process/);
      expect(existsSync(path.join(work, "while-served.tar.gz"))).toBe(false);
    } finally {
      await served.close();
    }
    const postgres = cpah(["backup", path.join(work, "pg.tar.gz")], {
      DATA_DIR: original,
      DATABASE_URL: "postgres://nobody@127.0.0.1:1/none",
    });
    expect(postgres.code).toBe(2);
    expect(postgres.err).toContain("pg_dump --format=custom");
  }, 240_000);
});
