/**
 * The Welsh Index of Multiple Deprivation 2019 (real scores file, ../shared/data): scores stored
 * exactly, ranks and deciles worked out from them (and labelled so), each Welsh authority's
 * share of LSOAs in the most deprived 10%, and the Welsh profile's small-area panel and map.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeWithSharedData } from "../helpers/shared-data-dir.ts";
import { loadAreaProfile } from "../../src/data/analyses/index.ts";
import { profileView } from "../../src/data/analyses/profile-view.ts";
import {
  type ImportReport,
  importerFor,
  readSourceFile,
  recogniseFile,
  runImport,
  sourceFromBytes,
} from "../../src/data/imports/index.ts";
import { FLAG } from "../../src/data/indicators/index.ts";
import type { Database } from "../../src/kernel/db/database.ts";
import { createTestDatabase } from "../helpers/test-database.ts";

const dataDir = path.resolve(
  process.env.SHARED_DATA_DIR ?? path.join(import.meta.dirname, "..", "..", "..", "shared", "data"),
);
const available = existsSync(path.join(dataDir, "README.md"));
const WIMD = "deprivation/wimd2019-scores-lsoa11.csv";
const SIMD = "deprivation/simd2020v2-ranks-dz11.csv";
const audit = { actorUserId: null, actorLabel: "wimd-test" };
let database: Database;
let report: ImportReport;
let simdReport: ImportReport;

async function load(kind: string, file: string, options: Record<string, unknown> = {}) {
  return runImport(database.db, {
    importer: importerFor(kind)!,
    file: await readSourceFile(path.join(dataDir, file)),
    options,
    dryRun: false,
    audit,
  });
}

type Row = { code: string; value: number; numerator: number | null; denominator: number | null; flags: number };
async function stored(slug: string): Promise<Map<string, Row>> {
  const result =
    (await database.db.execute(sql`select a.code, o.value, o.numerator, o.denominator, o.flags from observations o
    join indicators i on i.id = o.indicator_id join areas a on a.id = o.area_id where i.slug = ${slug}`)) as unknown as {
      rows: Row[];
    };
  return new Map(result.rows.map((r) => [r.code, { ...r, value: Number(r.value), flags: Number(r.flags) }]));
}

describeWithSharedData(path.join(dataDir, "README.md"))("WIMD 2019 and SIMD 2020v2", () => {
  const rows: string[][] = available
    ? parse(readFileSync(path.join(dataDir, WIMD), "utf8").replace(/^\uFEFF/, ""), { skip_empty_lines: true })
    : [];
  beforeAll(async () => {
    database = await createTestDatabase();
    for (const file of [
      "geography/lsoa11-ward19-lad19-lookup.csv",
      "geography/lsoa11-topojson-by-lad/W06000011.json",
    ]) {
      const geography = await load(file.endsWith(".json") ? "lsoa-boundaries" : "lsoa-lookup", file);
      expect(geography.errors).toEqual([]);
    }
    report = await load("wimd", WIMD);
    const lookup = await load("dz-lookup", "geography/scotland-dz2011-lookup.csv", { encoding: "windows-1252" });
    expect(lookup.errors).toEqual([]);
    simdReport = await load("simd", SIMD);
  }, 600_000);
  afterAll(() => database?.close());

  it("stores every score exactly as published, header spaces and all", async () => {
    expect(report.errors).toEqual([]);
    const header = rows[0]!.map((h) => h.trim());
    expect(header[3]).toBe("WIMD 2019");
    const overall = await stored("wimd2019-score");
    const income = await stored("wimd2019-income-score");
    expect(overall.size).toBe(rows.length - 1);
    for (const row of rows.slice(1)) {
      expect(overall.get(row[0]!)!.value).toBe(Number(row[3]));
      expect(income.get(row[0]!)!.value).toBe(Number(row[4]));
    }
  });

  it("works out ranks and deciles from the scores, labelled as worked out", async () => {
    const ranks = await stored("wimd2019-rank");
    const deciles = await stored("wimd2019-decile");
    const scores = rows.slice(1).map((r) => ({ code: r[0]!, score: Number(r[3]) }));
    const n = scores.length;
    for (const { code, score } of scores) {
      const rank = scores.filter((s) => s.score > score).length + 1;
      expect(ranks.get(code)!.value, code).toBe(rank);
      // The Welsh Government's bands: the most deprived 10% are ranks 1 - ⌈n ÷ 10⌉ (1 - 191 of 1,909).
      expect(deciles.get(code)!.value).toBe(
        Math.min(10, ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].filter((k) => rank <= Math.ceil((k * n) / 10))),
      );
      expect(ranks.get(code)!.flags).toBe(FLAG.derived | FLAG.fromScores);
    }
    const inFirst = [...deciles.values()].filter((d) => d.value === 1).length;
    expect(inFirst).toBeGreaterThanOrEqual(Math.floor(n / 10) - 5);
    expect(inFirst).toBeLessThanOrEqual(Math.ceil(n / 10) + 5);
  });

  it("gives each Welsh authority its share of LSOAs in the most deprived 10%", async () => {
    const deciles = await stored("wimd2019-decile");
    const lookup: string[][] = parse(
      readFileSync(path.join(dataDir, "geography/lsoa11-ward19-lad19-lookup.csv"), "utf8").replace(/^\uFEFF/, ""),
    );
    const swansea = lookup.filter((r) => r[5] === "W06000011").map((r) => r[1]!);
    const share = (await stored("wimd2019-proportion-most-deprived-10")).get("W06000011")!;
    const first = swansea.filter((code) => deciles.get(code)!.value === 1).length;
    expect(share).toMatchObject({
      numerator: first,
      denominator: swansea.length,
      flags: FLAG.derived | FLAG.fromSmallAreas,
    });
    expect(share.value).toBeCloseTo(first / swansea.length, 12);
    const welsh = [...(await stored("wimd2019-proportion-most-deprived-10")).keys()].filter((c) => c.startsWith("W06"));
    expect(welsh).toHaveLength(22);
  });

  it("shows the WIMD panel and map on a Welsh authority's profile, with the method of worked-out figures", async () => {
    const profile = await loadAreaProfile(database.db, { id: null, areaCode: "W06000011" });
    const panel = profile.smallAreas.find((p) => p.indicator.slug === "wimd2019-decile")!;
    expect(panel).toBeDefined();
    const inFile = rows.slice(1).filter((r) => r[2]!.trim() === "Swansea");
    expect(panel.rows).toHaveLength(inFile.length);
    expect(panel.topology).toBeDefined();
    const view = profileView(profile);
    const share = view.indicators.find((i) => i.slug === "wimd2019-proportion-most-deprived-10")!;
    expect(share.latestMethod).toBe("Calculated from the small-area figures");
    expect(view.smallAreas[0]!.map).not.toBeNull();
  });
  it("gives every council area its share of data zones in SIMD 2020v2's most deprived 10%, from the published deciles", async () => {
    expect(simdReport.errors).toEqual([]);
    const ranks: string[][] = parse(readFileSync(path.join(dataDir, SIMD), "utf8").replace(/^\uFEFF/, ""));
    const [header, ...zones] = ranks;
    const [la, decile] = ["LAcode", "SIMD2020v2_Decile"].map((name) => header!.indexOf(name));
    const councils = new Map<string, { all: number; first: number }>();
    for (const zone of zones) {
      const council = councils.get(zone[la!]!) ?? { all: 0, first: 0 };
      council.all++;
      if (zone[decile!] === "1") council.first++;
      councils.set(zone[la!]!, council);
    }
    const shares = await stored("simd2020v2-proportion-most-deprived-10");
    expect(councils.size).toBe(32);
    for (const [code, { all, first }] of councils) {
      expect(shares.get(code), code).toMatchObject({
        numerator: first,
        denominator: all,
        flags: FLAG.derived | FLAG.fromSmallAreas,
      });
      expect(shares.get(code)!.value).toBeCloseTo(first / all, 12);
    }
  });

  it("takes StatsWales' local authority analysis in place of the worked-out shares, and the two agree", async () => {
    // No published local authority analysis is in ../shared/data: this fixture is StatsWales'
    // download layout filled with the counts worked out above (one marked revised, as StatsWales does).
    const derived = await stored("wimd2019-proportion-most-deprived-10");
    const deciles = await stored("wimd2019-decile");
    const lookup: string[][] = parse(
      readFileSync(path.join(dataDir, "geography/lsoa11-ward19-lad19-lookup.csv"), "utf8").replace(/^\uFEFF/, ""),
    );
    const lines = ["Data values,Data description,Area code,Area name,Domain,Deprivation group"];
    const welsh = [...derived.keys()].filter((code) => code.startsWith("W06")).sort();
    for (const code of welsh) {
      const lsoas = lookup.filter((r) => r[5] === code).map((r) => deciles.get(r[1]!)!.value);
      const first = lsoas.filter((d) => d === 1).length;
      const second = lsoas.filter((d) => d <= 2).length;
      lines.push(
        `${lsoas.length},Number,${code},x,WIMD,Total LSOAs`,
        `${code === "W06000011" ? "(r) " : ""}${first},Number,${code},x,WIMD,Most deprived 10% LSOAs in Wales (ranks 1 - 191)`,
        `${Math.round((100 * first) / lsoas.length)},Percentage,${code},x,WIMD,Most deprived 10% LSOAs in Wales (ranks 1 - 191)`,
        `${second},Number,${code},x,WIMD,Most deprived 20% LSOAs in Wales (ranks 1 - 382)`,
      );
    }
    const file = sourceFromBytes("wimd-2019-local-authority-analysis.csv", Buffer.from(`${lines.join("\n")}\n`));
    expect((await recogniseFile(file))[0]!.importer.kind).toBe("wimd");
    const summary = await runImport(database.db, {
      importer: importerFor("wimd")!,
      file,
      options: {},
      dryRun: false,
      audit,
    });
    expect(summary.errors).toEqual([]);
    expect(summary.rowsRead).toBe(lines.length - 1);
    expect(summary.preview?.columns[0]).toBe("Data values");
    const official = await stored("wimd2019-proportion-most-deprived-10");
    for (const code of welsh) {
      expect(official.get(code)!.value, code).toBeCloseTo(derived.get(code)!.value, 12);
      expect(official.get(code)).toMatchObject({
        numerator: derived.get(code)!.numerator,
        denominator: derived.get(code)!.denominator,
      });
      expect(official.get(code)!.flags & FLAG.derived).toBe(0);
    }
    expect(official.get("W06000011")!.flags & FLAG.revised).toBe(FLAG.revised);
    const twenty = [...(await stored("wimd2019-proportion-most-deprived-20")).keys()];
    expect(twenty.filter((code) => code.startsWith("W06"))).toHaveLength(welsh.length);
    const view = profileView(await loadAreaProfile(database.db, { id: null, areaCode: "W06000011" }));
    const share = view.indicators.find((i) => i.slug === "wimd2019-proportion-most-deprived-10")!;
    expect(share.latestMethod).not.toBe("Calculated from the small-area figures");
  });
});
