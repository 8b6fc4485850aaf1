/**
 * The Welsh Index of Multiple Deprivation 2019 (real scores file, ../shared/data): scores stored
 * exactly, ranks and deciles worked out from them (and labelled so), each Welsh authority's
 * share of LSOAs in the most deprived 10%, and the Welsh profile's small-area panel and map.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadAreaProfile } from "../../src/data/analyses/index.ts";
import { profileView } from "../../src/data/analyses/profile-view.ts";
import { type ImportReport, importerFor, readSourceFile, runImport } from "../../src/data/imports/index.ts";
import { FLAG } from "../../src/data/indicators/index.ts";
import type { Database } from "../../src/kernel/db/database.ts";
import { createTestDatabase } from "../helpers/test-database.ts";

const dataDir = path.resolve(
  process.env.SHARED_DATA_DIR ?? path.join(import.meta.dirname, "..", "..", "..", "shared", "data"),
);
const available = existsSync(path.join(dataDir, "README.md"));
const WIMD = "deprivation/wimd2019-scores-lsoa11.csv";
const audit = { actorUserId: null, actorLabel: "wimd-test" };
let database: Database;
let report: ImportReport;

async function load(kind: string, file: string) {
  return runImport(database.db, {
    importer: importerFor(kind)!,
    file: await readSourceFile(path.join(dataDir, file)),
    options: {},
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

describe.skipIf(!available)("WIMD 2019", () => {
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
      expect(deciles.get(code)!.value).toBe(Math.ceil((10 * rank) / n));
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
});
