import { mkdtemp, open, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect } from "vitest";
import { linkParents, upsertAreas } from "../../src/data/geography/index.ts";
import { importerFor, readSourceFile, runImport, sourceFromBytes } from "../../src/data/imports/index.ts";
import { FLAG } from "../../src/data/indicators/index.ts";
import { xlsxWorkbook } from "../helpers/xlsx.ts";
import { dbTest } from "../helpers/app-test.ts";
import { areaInput as area } from "../helpers/areas.ts";

const audit = { actorUserId: null, actorLabel: "test" };

const test = dbTest
  .extend(
    "load",
    { scope: "file" },
    ({ database }) =>
      async function load(
        kind: string,
        name: string,
        content: string | Buffer,
        options: Record<string, unknown> = {},
        dryRun = false,
      ) {
        const file = sourceFromBytes(name, typeof content === "string" ? Buffer.from(content, "utf8") : content);
        return runImport(database.db, { importer: importerFor(kind)!, file, options, dryRun, audit });
      },
  )
  .extend(
    "counts",
    { scope: "file" },
    ({ database }) =>
      async function counts() {
        const result = await database.db.execute(sql`select
    (select count(*)::int from observations) as observations, (select count(*)::int from import_batches) as batches,
    (select count(*)::int from audit_log where action = 'import.completed') as audits, (select count(*)::int from observation_history) as history`);
        return (result as unknown as { rows: Record<string, number>[] }).rows[0]!;
      },
  )
  .extend(
    "observation",
    { scope: "file" },
    ({ database }) =>
      async function observation(slug: string, code: string, period: string) {
        const result =
          await database.db.execute(sql`select o.value, o.numerator, o.denominator, o.flags from observations o
    join indicators i on i.id = o.indicator_id join areas a on a.id = o.area_id join periods p on p.id = o.period_id
    where i.slug = ${slug} and a.code = ${code} and p.code = ${period}`);
        return (
          result as unknown as {
            rows: { value: number | null; numerator: number | null; denominator: number | null; flags: number }[];
          }
        ).rows[0];
      },
  );

const TIDY_HEADER = "area_code,period,indicator,value,numerator,denominator,flag\n";

test.beforeAll(async ({ database }) => {
  await upsertAreas(database.db, [
    area("E92000001", "England"),
    area("E06000001", "Hartlepool"),
    area("E06000002", "Middlesbrough"),
    area("E06000003", "Redcar and Cleveland"),
    area("E01000001", "Hartlepool 001A"),
    area("E01000002", "Hartlepool 001B"),
  ]);
  await linkParents(database.db, [
    { child: "E01000001", parent: "E06000001", relation: "local-authority" },
    { child: "E01000002", parent: "E06000001", relation: "local-authority" },
  ]);
});

describe("tidy import", () => {
  test("imports values, keeps markers as flagged NULLs (never zero), and records batch and audit", async ({
    load,
    counts,
    observation,
  }) => {
    const report = await load(
      "tidy",
      "local.csv",
      TIDY_HEADER +
        "E06000001,2021/22,fsm-pupils,120,120,800,\n" +
        "E06000002,2021/22,fsm-pupils,*,,,\n" +
        "E06000003,2021/22,fsm-pupils,[c],,,\n" +
        "E92000001,2021/22,fsm-pupils,NA,,,\n" +
        "E01000001,2021/22,fsm-pupils,..,,,\n" +
        "E01000002,2021/22,fsm-pupils,,,,\n" +
        "E06000001,2022/23 (p),fsm-pupils,130,,,estimated\n",
      { disclosure: "small-count" },
    );
    expect(report.errors).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.valuesWritten).toBe(7);
    expect(report.suppressedValues).toBe(2);
    expect(report.missingValues).toBe(3);
    expect(await observation("fsm-pupils", "E06000001", "2021/22")).toEqual({
      value: 120,
      numerator: 120,
      denominator: 800,
      flags: 0,
    });
    expect(await observation("fsm-pupils", "E06000002", "2021/22")).toMatchObject({
      value: null,
      flags: FLAG.suppressed,
    });
    expect(await observation("fsm-pupils", "E92000001", "2021/22")).toMatchObject({ value: null, flags: FLAG.missing });
    expect(await observation("fsm-pupils", "E01000002", "2021/22")).toMatchObject({ value: null, flags: FLAG.missing });
    expect(await observation("fsm-pupils", "E06000001", "2022/23")).toMatchObject({
      value: 130,
      flags: FLAG.provisional | FLAG.estimated,
    });
    expect(await counts()).toMatchObject({ observations: 7, batches: 1, audits: 1 });
  });

  test("replaces a changed value on a new release, keeping the old one in history and marking it revised", async ({
    database,
    load,
    observation,
  }) => {
    const report = await load(
      "tidy",
      "local-v2.csv",
      TIDY_HEADER + "E06000001,2021/22,fsm-pupils,125,125,800,\nE06000003,2021/22,fsm-pupils,[c],,,\n",
    );
    expect(report.ok).toBe(true);
    expect(report.valuesReplaced).toBe(1);
    expect(report.valuesWritten).toBe(1);
    expect(await observation("fsm-pupils", "E06000001", "2021/22")).toMatchObject({ value: 125, flags: FLAG.revised });
    const history = await database.db.execute(sql`select value from observation_history`);
    expect((history as unknown as { rows: { value: number }[] }).rows).toEqual([{ value: 120 }]);
  });

  test("writes nothing on a dry run", async ({ load, counts }) => {
    const before = await counts();
    const report = await load("tidy", "dry.csv", TIDY_HEADER + "E06000002,2020/21,fsm-pupils,99,,,\n", {}, true);
    expect(report.ok).toBe(true);
    expect(report.values).toBe(1);
    expect(report.preview.rows[0]).toEqual(["E06000002", "2020/21", "fsm-pupils", "99", "", "", ""]);
    expect(await counts()).toEqual(before);
  });
});

describe("bad files get a clear report and import nothing", () => {
  const cases: [string, string | Buffer, RegExp][] = [
    [
      // 0x81 is in neither UTF-8 nor Windows-1252 (a Windows-1252 file is read as such: detect-upload tests).
      "neither UTF-8 nor Windows-1252",
      Buffer.concat([
        Buffer.from(TIDY_HEADER + "E06000001,2019/20,x,1,,,\nE06000002,2019/20,caf"),
        Buffer.from([0x81]),
        Buffer.from(",2,,,\n"),
      ]),
      /not UTF-8.*windows-1252/,
    ],
    [
      "truncated inside a quote",
      TIDY_HEADER + 'E06000001,2019/20,x,1,,,\nE06000002,2019/20,"x,2',
      /not valid CSV.*truncated/,
    ],
    ["truncated row", TIDY_HEADER + "E06000001,2019/20,x,1,,,\nE06000002,2019/", /has 2 columns.*truncated/],
    ["duplicate rows", TIDY_HEADER + "E06000001,2019/20,x,1,,,\nE06000001,2019/20,x,2,,,\n", /duplicate row.*row 2/],
    [
      "unknown area code",
      TIDY_HEADER + "E06000001,2019/20,x,1,,,\nE06999999,2019/20,x,2,,,\n",
      /unknown area code "E06999999"/,
    ],
    [
      "a broken spreadsheet",
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00, 0xff, 0xfe]),
      /workbook could not be read/,
    ],
    [
      "wrong columns",
      "code,year,amount\nE06000001,2019,1\n",
      /missing columns "area_code", "period", "indicator", "value"/,
    ],
    ["a value that is not a number", TIDY_HEADER + "E06000001,2019/20,x,lots,,,\n", /"lots" is not a number/],
    ["a bad period", TIDY_HEADER + "E06000001,sometime,x,1,,,\n", /"sometime" is not a period/],
    ["empty file", "", /empty/],
  ];
  for (const [name, content, message] of cases) {
    test(`rejects ${name}`, async ({ load, counts }) => {
      const before = await counts();
      const report = await load("tidy", `${name}.csv`, content);
      expect(report.ok).toBe(false);
      const text = report.errors
        .map((e) => `${e.row ? `row ${e.row} ` : ""}${e.column ? `column ${e.column} ` : ""}${e.message}`)
        .join("\n");
      expect(text).toMatch(message);
      expect(report.errors[0]!.file).toBe(`${name}.csv`);
      expect(await counts()).toEqual(before);
    });
  }

  test("names the row and column of each error", async ({ load }) => {
    const report = await load(
      "tidy",
      "cols.csv",
      TIDY_HEADER + "E06000001,2019/20,x,1,,,\nE06000002,2019/20,x,1,,abc,\n",
    );
    expect(report.errors).toEqual([
      { file: "cols.csv", row: 3, column: "denominator", message: expect.stringContaining('"abc" is not a number') },
    ]);
  });

  test("refuses files over 100 MB before reading them", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "cpah-big-"));
    const big = path.join(dir, "huge.csv");
    const handle = await open(big, "w");
    await handle.truncate(100 * 1024 * 1024 + 1);
    await handle.close();
    await expect(readSourceFile(big)).rejects.toThrow(/limit is 100 MB/);
    expect(() => sourceFromBytes("huge.csv", Buffer.alloc(100 * 1024 * 1024 + 1))).toThrow(/limit is 100 MB/);
    await rm(dir, { recursive: true, force: true });
  });
});

const STATX = (rows: string) =>
  `"Year","2020/21","2020/21 - Annotations","2021/22 (p)","2021/22 - Annotations",\n"National - Regional - LA - OAs"\n${rows}"Total",30,,33\n`;

describe("Stat-Xplore names without codes", () => {
  test("matches names, reports the unmatched, and imports nothing until they are resolved", async ({
    load,
    counts,
  }) => {
    const before = await counts();
    const report = await load(
      "statxplore",
      "cilif.csv",
      STATX('"Hartlepool",10,,11,,\n"Redcar & Cleveland",5,,6,,\n"Teesside Town",15,,16,,\n'),
      {
        indicator: "cilif-test",
        title: "Children in low income families (test)",
      },
    );
    expect(report.ok).toBe(false);
    expect(report.nameProblems).toEqual([{ name: "Teesside Town", row: 5, status: "unmatched", candidates: [] }]);
    expect(report.skippedRows.map((s) => s.label)).toEqual(["National - Regional - LA - OAs", "Total"]);
    expect(await counts()).toEqual(before);
  });

  test("imports once the name is resolved, remembers it, and flags the provisional year", async ({
    load,
    observation,
  }) => {
    const options = { indicator: "cilif-test", title: "Children in low income families (test)" };
    const rows = '"Hartlepool",10,,11,,\n"Redcar & Cleveland",5,,6,,\n"Teesside Town",15,,16,,\n';
    const first = await load("statxplore", "cilif.csv", STATX(rows), {
      ...options,
      aliases: { "Teesside Town": "E06000002" },
    });
    expect(first.ok).toBe(true);
    expect(first.values).toBe(6);
    // North East and England: not every authority has a figure, so no total (kept as missing, with the reason).
    expect(first.counts.totalsNotCalculated).toBe(4);
    expect(first.valuesWritten).toBe(10);
    expect(await observation("cilif-test", "E06000002", "2021/22")).toMatchObject({
      value: 16,
      flags: FLAG.provisional,
    });
    expect(await observation("cilif-test", "E06000003", "2020/21")).toMatchObject({ value: 5, flags: 0 });
    const again = await load("statxplore", "cilif-next.csv", STATX(rows.replace("16,,", "17,,")), options);
    expect(again.ok).toBe(true);
    expect(again.nameProblems).toEqual([]);
    expect(again.valuesReplaced).toBe(1);
  });

  test("can leave unmatched names out when asked, still reporting them", async ({ load }) => {
    const report = await load("statxplore", "cilif.csv", STATX('"Hartlepool",10,,11,,\n"Atlantis",1,,1,,\n'), {
      indicator: "cilif-test",
      skipUnmatched: true,
    });
    expect(report.ok).toBe(true);
    expect(report.nameProblems.map((p) => p.name)).toEqual(["Atlantis"]);
  });
});

describe("wide import with a column mapping", () => {
  test("imports the mapped columns for the given period, from CSV or XLSX", async ({ load, observation }) => {
    const mapping = {
      codeColumn: "Code",
      period: "2023",
      columns: [
        {
          column: "Referrals",
          indicator: { slug: "early-help-referrals", title: "Early help referrals", unit: "count" },
        },
      ],
    };
    const report = await load(
      "wide",
      "wide.csv",
      "Code,Name,Referrals\nE06000001,Hartlepool,40\nE06000002,Middlesbrough,[c]\n",
      { mapping },
    );
    expect(report.errors).toEqual([]);
    expect(await observation("early-help-referrals", "E06000002", "2023")).toMatchObject({
      value: null,
      flags: FLAG.suppressed,
    });
    const workbook = xlsxWorkbook([
      ["Code", "Name", "Referrals"],
      ["E06000001", "Hartlepool", 41],
      ["E06000003", "Redcar and Cleveland", "*"],
    ]);
    const fromXlsx = await load("wide", "wide.xlsx", workbook, { mapping: { ...mapping, period: "2024" } });
    expect(fromXlsx.errors).toEqual([]);
    expect(await observation("early-help-referrals", "E06000001", "2024")).toMatchObject({ value: 41, flags: 0 });
    expect(await observation("early-help-referrals", "E06000003", "2024")).toMatchObject({
      value: null,
      flags: FLAG.suppressed,
    });
    const broken = await load("wide", "broken.xlsx", workbook.subarray(0, 200), { mapping });
    expect(broken.errors[0]!.message).toMatch(/workbook could not be read/);
    const bad = await load("wide", "wide.csv", "Code,Name\nE06000001,Hartlepool\n", { mapping });
    expect(bad.errors[0]!.message).toMatch(/missing column "Referrals"/);
  });
});

describe("local data belongs to the partnership that imported it", () => {
  test("keeps partnerships off each other's indicators and off national ones", async ({ database }) => {
    const [a, b] = ["11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222"];
    const run = (partnershipId: string | null, indicator: string) =>
      runImport(database.db, {
        importer: importerFor("tidy")!,
        file: sourceFromBytes("local.csv", Buffer.from(`${TIDY_HEADER}E06000001,2019/20,${indicator},1,,,\n`)),
        options: {},
        dryRun: false,
        audit,
        partnershipId,
      });
    expect((await run(a, "youth-club-visits")).ok).toBe(true);
    const other = await run(b, "youth-club-visits");
    expect(other.ok).toBe(false);
    expect(other.errors[0]!.message).toMatch(/already used by another partnership/);
    const national = await run(a, "fsm-pupils");
    expect(national.errors[0]!.message).toMatch(/national indicator/);
    const owner = await database.db.execute(
      sql`select partnership_id from indicators where slug = 'youth-club-visits'`,
    );
    expect((owner as unknown as { rows: { partnership_id: string }[] }).rows[0]!.partnership_id).toBe(a);
  });
});
