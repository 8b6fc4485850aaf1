/**
 * A new embedded database starts from the dump of an empty cluster kept in the cache
 * (src/kernel/db/pglite-template.mjs) instead of running initdb. The test puts a marker table in
 * its own dump, so a new data directory that has the table was made from the dump, not by initdb;
 * a directory that already exists is opened as it is.
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/kernel/db/database.ts";
import { emptyClusterFile, readEmptyCluster, saveEmptyCluster } from "../../src/kernel/db/pglite-template.mjs";

const work = mkdtempSync(path.join(tmpdir(), "cpah-empty-cluster-"));
const before = process.env.CPAH_CACHE_DIR;
afterAll(() => {
  // Test files share worker processes (isolate: false): leave the environment as it was.
  if (before === undefined) delete process.env.CPAH_CACHE_DIR;
  else process.env.CPAH_CACHE_DIR = before;
  rmSync(work, { recursive: true, force: true });
});

async function markers(dataDir: string): Promise<string[]> {
  const database = await openDatabase({ dataDir });
  try {
    const result = await database.db.execute(sql`select name from template_marker order by name`);
    return (result as unknown as { rows: { name: string }[] }).rows.map((row) => row.name);
  } finally {
    await database.close();
  }
}

describe("a new embedded database from the empty cluster's dump", () => {
  it("loads a new data directory from the dump, and opens an existing one as it is", { timeout: 120_000 }, async () => {
    // The installation's own dump when there is one (the suite's set-up made it), else initdb.
    const installed = await readEmptyCluster();
    process.env.CPAH_CACHE_DIR = path.join(work, "cache");
    expect(await readEmptyCluster()).toBeUndefined();

    const source = await PGlite.create(installed ? { loadDataDir: installed } : {});
    await source.exec("create table template_marker (name text); insert into template_marker values ('from the dump')");
    await saveEmptyCluster(source);
    await source.close();
    expect(statSync(emptyClusterFile()).size).toBeGreaterThan(1_000_000);

    const dataDir = path.join(work, "data");
    expect(await markers(dataDir)).toEqual(["from the dump"]);

    // Opened again, the directory keeps what was written to it: it is not loaded a second time.
    const database = await openDatabase({ dataDir });
    await database.db.execute(sql`insert into template_marker values ('written later')`);
    await database.close();
    expect(await markers(dataDir)).toEqual(["from the dump", "written later"]);
  });
});
