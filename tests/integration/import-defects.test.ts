/**
 * Files the probe found accepted by the dry run but not by the import, or refused with a 500:
 * numbers too large to store, negative counts, NUL bytes, 200 KB cells. Each is refused the same
 * way by the dry run and the import, naming file, row and column, and nothing is written.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertAreas } from "../../src/data/geography/index.ts";
import { importBatches, observations } from "../../src/data/indicators/index.ts";
import { type ImportReport, importerFor, runImport, sourceFromBytes } from "../../src/data/imports/index.ts";
import { areaInput } from "../helpers/areas.ts";
import { postMultipart } from "../helpers/partnership-fixtures.ts";
import { createTestApp, fixtures, type TestApp, type TestClient } from "../helpers/test-app.ts";

let t: TestApp;
let partnershipId: string;
let lead: TestClient;
const HEAD = "area_code,period,indicator,measure,value,numerator,denominator\n";

beforeAll(async () => {
  t = await createTestApp();
  await upsertAreas(t.database.db, [areaInput("E06000001", "Hartlepool"), areaInput("E06000002", "Middlesbrough")]);
  const org = await fixtures.organisation(t.database, "Import Council");
  partnershipId = (await fixtures.partnership(t.database, "Import Partnership", "england")).id;
  await fixtures.user(t.database, "lead@import.example", org.id, { roles: [[partnershipId, "lead"]] });
  lead = t.client();
  await lead.signIn("lead@import.example");
});
afterAll(() => t.close());

/** The dry run and the real import of one file: the same verdict and errors, nothing written on refusal. */
async function both(kind: string, name: string, content: string | Buffer, options: Record<string, unknown> = {}) {
  const before = await counts();
  const run = (dryRun: boolean) =>
    runImport(t.database.db, {
      importer: importerFor(kind)!,
      file: sourceFromBytes(name, Buffer.isBuffer(content) ? content : Buffer.from(content)),
      options,
      dryRun,
      audit: { actorUserId: null, actorLabel: "import-defects" },
      partnershipId,
    });
  const dry = await run(true);
  const real = await run(false);
  expect(real.ok).toBe(dry.ok);
  expect(real.errors).toEqual(dry.errors);
  if (!real.ok) expect(await counts()).toEqual(before);
  return real;
}

async function counts() {
  const [values] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(observations);
  const [batches] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(importBatches);
  return { values: Number(values!.n), batches: Number(batches!.n) };
}

const only = (report: ImportReport) => {
  expect(report.ok).toBe(false);
  expect(report.errors).toHaveLength(1);
  return report.errors[0]!;
};

describe("numbers too large to store", () => {
  it("are refused by the dry run as by the import, with row and column", async () => {
    for (const huge of ["1e309", "-1e309", "9".repeat(5_000_000)]) {
      const error = only(
        await both(
          "tidy",
          "huge.csv",
          `${HEAD}E06000001,2023,huge-test,percent,12.5,,\nE06000002,2023,huge-test,percent,${huge},,\n`,
        ),
      );
      expect(error).toMatchObject({ file: "huge.csv", row: 3, column: "value" });
      expect(error.message).toContain("is too large a number to store");
      expect(error.message.length).toBeLessThan(200);
    }
    const numerator = only(await both("tidy", "huge.csv", `${HEAD}E06000001,2023,huge-test,percent,12.5,1e400,8\n`));
    expect(numerator).toMatchObject({ row: 2, column: "numerator" });
  });

  it("gives a preview that refuses what confirming would, on the web", async () => {
    const response = await postMultipart(
      lead,
      `/partnerships/${partnershipId}/data/import`,
      { field: "file", name: "huge.csv", content: Buffer.from(`${HEAD}E06000001,2023,huge-web,percent,1e309,,\n`) },
      { kind: "tidy" },
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("is too large a number to store");
    expect(await counts()).toEqual({ values: 0, batches: 0 });
  });
});

describe("negative counts", () => {
  it("are refused for count indicators and for numerators and denominators, naming row and column", async () => {
    const report = await both(
      "tidy",
      "negative.csv",
      `${HEAD}E06000001,2023,children-count,count,120,,\nE06000002,2023,children-count,count,-5,,\nE06000001,2023,change-in-rate,percent,-2.5,-3,40\n`,
    );
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual([
      expect.objectContaining({
        file: "negative.csv",
        row: 4,
        column: "numerator",
        message: expect.stringContaining("-3 is negative"),
      }),
      expect.objectContaining({
        file: "negative.csv",
        row: 3,
        column: "value",
        message: expect.stringContaining("is a count"),
      }),
    ]);
  });

  it("are refused in Stat-Xplore tables, whose unit is a count", async () => {
    const table = [
      '"Children in low income families"',
      '"Financial Year","2022/23","2023/24"',
      '"Hartlepool","100","-4"',
      '"Middlesbrough","200","210"',
    ].join("\n");
    const report = await both("statxplore", "clif.csv", table, { indicator: "clif-negative", title: "CLIF (test)" });
    expect(report.errors).toContainEqual(
      expect.objectContaining({ file: "clif.csv", row: 3, message: expect.stringContaining("-4 is negative") }),
    );
  });

  it("are kept for measures that may fall below zero", async () => {
    const report = await both("tidy", "change.csv", `${HEAD}E06000001,2023,change-in-rate,percent,-2.5,,\n`);
    expect(report.errors).toEqual([]);
    expect(report.ok).toBe(true);
  });
});

describe("NUL bytes in a file", () => {
  const file = `${HEAD}E06000001,2023,nul-test,count,12,,\nE0600\u00000002,2023,nul-test,count,13,,\n`;

  it("are refused with the row, by the dry run and the import", async () => {
    const error = only(await both("tidy", "nul.csv", file));
    expect(error).toMatchObject({ file: "nul.csv", row: 3 });
    expect(error.message).toContain("NUL character");
    // An XLSX-style escape in JSON too: boundary files.
    const json = only(await both("geography-topology", "areas.json", '{"type":"Topology","objects":{"a\\u0000":{}}}'));
    expect(json).toMatchObject({ file: "areas.json", row: 1 });
  });

  it("are refused by the command line without a stack trace or the file's area codes", { timeout: 240_000 }, () => {
    const dir = mkdtempSync(path.join(tmpdir(), "cpah-nul-"));
    try {
      const many = Array.from({ length: 200 }, (_, i) => `E06${String(900000 + i)},2023,nul-test,count,1,,`).join("\n");
      writeFileSync(path.join(dir, "nul.csv"), `${file}${many}\n`);
      const result = spawnSync(process.execPath, ["bin/cpah.js", "import", "tidy", path.join(dir, "nul.csv")], {
        encoding: "utf8",
        env: { ...process.env, DATA_DIR: dir, DATABASE_URL: "", LOG_LEVEL: "silent", NODE_ENV: "test" },
        timeout: 200_000,
      });
      const output = `${result.stdout}${result.stderr}`;
      expect(result.status, output).not.toBe(0);
      expect(output).toContain("nul.csv, row 3");
      expect(output).toContain("NUL character");
      expect(output).not.toMatch(/\n\s+at /);
      expect(output).not.toContain("E06900150");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("a 200 KB cell", () => {
  it("is quoted as a short excerpt in the error, the preview and the page", async () => {
    const cell = "X".repeat(200_000);
    const error = only(await both("tidy", "wide-cell.csv", `${HEAD}${cell},2023,cell-test,count,1,,\n`));
    expect(error).toMatchObject({ row: 2, column: "area_code" });
    expect(error.message.length).toBeLessThan(300);
    expect(error.message).toContain("200,000 characters");
    const page = await postMultipart(
      lead,
      `/partnerships/${partnershipId}/data/import`,
      { field: "file", name: "wide-cell.csv", content: Buffer.from(`${HEAD}${cell},2023,cell-test,count,1,,\n`) },
      { kind: "tidy" },
    );
    expect(page.statusCode).toBe(400);
    expect(page.body).not.toMatch(/X{1000}/);
  });
});
