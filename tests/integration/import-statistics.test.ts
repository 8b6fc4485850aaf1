import { sql } from "drizzle-orm";
import { describe, expect } from "vitest";
import { upsertAreas } from "../../src/data/geography/index.ts";
import { importerFor, runImport, sourceFromBytes } from "../../src/data/imports/index.ts";
import { driverOf, rawConnectionOf } from "../../src/kernel/db/copy.ts";
import { dbTest } from "../helpers/app-test.ts";
import { areaInput as area } from "../helpers/areas.ts";

/**
 * Planner statistics after an import: PGlite never runs ANALYZE by itself (and PostgreSQL's
 * autovacuum comes later), so the import must refresh them for the tables it changed.
 */
const audit = { actorUserId: null, actorLabel: "test" };
const codes = Array.from({ length: 120 }, (_, i) => `E01${String(i + 1).padStart(6, "0")}`);

function tidyFile(name: string, offset: number) {
  const lines = codes.flatMap((code, i) =>
    ["a", "b", "c"].map((indicator) => `${code},2021/22,stat-${indicator},${i + offset}`),
  );
  return sourceFromBytes(name, Buffer.from(`area_code,period,indicator,value\n${lines.join("\n")}\n`, "utf8"));
}

const test = dbTest
  .extend(
    "load",
    { scope: "file" },
    ({ database }) =>
      async function load(name: string, offset: number, dryRun = false) {
        return runImport(database.db, {
          importer: importerFor("tidy")!,
          file: tidyFile(name, offset),
          options: {},
          dryRun,
          audit,
        });
      },
  )
  /** reltuples is -1 until a table is first analyzed; last_analyze is set by ANALYZE only (never autovacuum). */
  .extend(
    "statistics",
    { scope: "file" },
    ({ database }) =>
      async function statistics(table: string) {
        const result =
          await database.db.execute(sql`select c.reltuples::float8 as reltuples, (s.last_analyze is not null) as analyzed
    from pg_class c join pg_stat_user_tables s on s.relid = c.oid where c.relname = ${table} and s.schemaname = current_schema()`);
        const row = (result as unknown as { rows: { reltuples: number | string; analyzed: boolean }[] }).rows[0]!;
        return { reltuples: Number(row.reltuples), analyzed: row.analyzed };
      },
  );

test.beforeAll(async ({ database }) => {
  await upsertAreas(
    database.db,
    codes.map((code) => area(code, `Area ${code}`)),
  );
});

describe("driver detection (ANALYZE sample size, COPY)", () => {
  test("knows the driver, and offers a raw connection only inside a transaction", async ({ database }) => {
    expect(driverOf(database.db)).toBe(database.kind);
    expect(rawConnectionOf(database.db)).toBeNull();
    await database.db.transaction(async (tx) => {
      expect(rawConnectionOf(tx)?.kind).toBe(database.kind);
    });
  });
});

describe("statistics after an import", () => {
  test("a dry run analyzes nothing", async ({ load, statistics }) => {
    const report = await load("dry.csv", 0, true);
    expect(report.ok).toBe(true);
    expect(report.analyzedTables).toBeUndefined();
    expect(await statistics("observations")).toEqual({ reltuples: -1, analyzed: false });
  });

  test("analyzes the tables the import changed, once it has committed", async ({ load, statistics }) => {
    const report = await load("first.csv", 0);
    expect(report.ok).toBe(true);
    expect(report.valuesWritten).toBe(360);
    expect(report.analyzedTables).toContain("observations");
    // One batch row and one audit entry are below autovacuum's threshold: not worth an ANALYZE.
    expect(report.analyzedTables).not.toContain("import_batches");
    expect(await statistics("observations")).toEqual({ reltuples: 360, analyzed: true });
  });

  test("a new release that changes every value refreshes the history table's statistics too", async ({
    load,
    statistics,
  }) => {
    const report = await load("second.csv", 1000);
    expect(report.valuesReplaced).toBe(360);
    expect(report.analyzedTables).toEqual(expect.arrayContaining(["observation_history", "observations"]));
    expect(await statistics("observation_history")).toEqual({ reltuples: 360, analyzed: true });
  });

  test("an import that changes nothing leaves the statistics alone", async ({ load }) => {
    const report = await load("same.csv", 1000);
    expect(report.ok).toBe(true);
    expect(report.valuesWritten).toBe(0);
    expect(report.analyzedTables).toEqual([]);
  });
});
