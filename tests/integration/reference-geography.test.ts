/**
 * The built-in reference geography (issue 12, defect 5 and step 2): every test database starts
 * as `cpah migrate` leaves a fresh install, so the Stat-Xplore export by local authority imports
 * with no geography file loaded first. The committed reference file is what the generator makes
 * of the official files in ../shared/data.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeWithSharedData, itWithSharedData } from "../helpers/shared-data-dir.ts";
import { findAreaByCode, loadReferenceGeography, parentsOf, REFERENCE_FILE } from "../../src/data/geography/index.ts";
import { buildReferenceGeography, type TopologyInput } from "../../src/data/geography/reference/build-reference.ts";
import { serialiseReference } from "../../src/data/geography/reference/reference-file.ts";
import { importerFor, readSourceFile, runImport } from "../../src/data/imports/index.ts";
import type { Database } from "../../src/kernel/db/database.ts";
import { createTestDatabase } from "../helpers/test-database.ts";

const dataDir = path.resolve(
  process.env.SHARED_DATA_DIR ?? path.join(import.meta.dirname, "..", "..", "..", "shared", "data"),
);
const LTLA = "cilif/statxplore-children-relative-low-income-ltla-2014-2022.csv";
let database: Database;

async function query<T>(text: ReturnType<typeof sql>): Promise<T[]> {
  return ((await database.db.execute(text)) as unknown as { rows: T[] }).rows;
}

describe("the built-in reference geography on a fresh database", () => {
  beforeAll(async () => {
    database = await createTestDatabase();
  }, 60_000);
  afterAll(() => database?.close());

  it("has every authority, county, region, combined authority, Scottish health board and nation, with parents", async () => {
    const counts = await query<{ type: string; n: number }>(
      sql`select type, count(*)::int as n from areas group by type order by type`,
    );
    const byType = Object.fromEntries(counts.map((c) => [c.type, c.n]));
    expect(byType["local-authority"]).toBeGreaterThan(400);
    expect(byType).toMatchObject({ nation: 4, uk: 1, region: 9, "health-board": 14 });
    expect(byType.county).toBeGreaterThanOrEqual(21);
    const eastSuffolk = (await findAreaByCode(database.db, "E07000244"))!;
    expect((await parentsOf(database.db, eastSuffolk.id)).map((p) => `${p.relation} ${p.area.code}`).sort()).toEqual([
      "county E10000029",
      "nation E92000001",
      "region E12000006",
    ]);
    const dundee = (await findAreaByCode(database.db, "S12000042"))!;
    expect((await parentsOf(database.db, dundee.id)).map((p) => p.area.name)).toContain("Tayside");
    const tewkesbury = await query<{ name: string; until: number }>(
      sql`select n.name, n.until_year as until from area_name_aliases n join areas a on a.id = n.area_id where a.code = 'E07000083'`,
    );
    expect(tewkesbury).toEqual([{ name: "Tewkesbury", until: 2019 }]);
  });

  it("loads a version once: loading it again changes nothing", async () => {
    const again = await loadReferenceGeography(database.db);
    expect(again.loaded).toBe(false);
  });

  itWithSharedData(path.join(dataDir, "README.md"))(
    "takes the Stat-Xplore export by local authority at once, former names (Tewkesbury) included",
    async () => {
      const report = await runImport(database.db, {
        importer: importerFor("statxplore")!,
        file: await readSourceFile(path.join(dataDir, LTLA)),
        options: { indicator: "cilif-relative-children-count", title: "Children in relative low income families" },
        dryRun: false,
        audit: { actorUserId: null, actorLabel: "reference-test" },
      });
      expect(report.errors).toEqual([]);
      expect(report.nameProblems).toEqual([]);
      expect(report.geography).toMatchObject({ areaType: "local-authority", decidedBy: "majority" });
      const rows: string[][] = parse(readFileSync(path.join(dataDir, LTLA), "utf8"), { relax_column_count: true });
      const authorities = rows.slice(2).filter((r) => !["Total", "Unknown"].includes(r[0]!));
      expect(report.areas).toBe(authorities.length);
      // Every county, region and nation with an authority in the file gets its total: the file is
      // drawn on one year's boundaries, and each parent is summed from its authorities of that year.
      expect(report.counts.totalsNotCalculated).toBe(0);
      const periods = rows[0]!.flatMap((cell, index) =>
        /^\d{4}\/\d{2}( \(p\))?$/.test(cell) ? [{ cell, index }] : [],
      );
      expect(periods).toHaveLength(8);
      const suffolk = await query<{
        period: string;
        value: number;
      }>(sql`select p.code as period, o.value from observations o
        join areas a on a.id = o.area_id join periods p on p.id = o.period_id where a.code = 'E10000029'`);
      const districts = ["Babergh", "Ipswich", "Mid Suffolk", "East Suffolk", "West Suffolk"];
      for (const { cell, index } of periods)
        expect(Number(suffolk.find((s) => s.period === cell.replace(" (p)", ""))?.value), cell).toBe(
          rows.filter((r) => districts.includes(r[0]!)).reduce((sum, r) => sum + Number(r[index]), 0),
        );
      // Counties abolished before the export's boundaries (Buckinghamshire, Dorset, Northamptonshire):
      // their districts of any year are not in the file, so no sum at all — never a partial one.
      const abolished = await query<{ value: number | null }>(sql`select o.value from observations o
        join areas a on a.id = o.area_id where a.code in ('E10000002', 'E10000009', 'E10000021') and o.value is not null`);
      expect(abolished).toEqual([]);
      const [tewkesbury] = await query<{ value: number }>(sql`select o.value from observations o
        join areas a on a.id = o.area_id join periods p on p.id = o.period_id where a.code = 'E07000083' and p.code = '2014/15'`);
      expect(Number(tewkesbury!.value)).toBe(Number(rows.find((r) => r[0] === "Tewkesbury")![1]));
    },
    120_000,
  );
});

describeWithSharedData(path.join(dataDir, "README.md"))("the committed reference file", () => {
  it("is what scripts/reference-geography.ts makes of the official files", () => {
    const geography = (file: string) => readFileSync(path.join(dataDir, "geography", file));
    const text = (bytes: Buffer) => {
      try {
        return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
      } catch {
        return new TextDecoder("windows-1252").decode(bytes);
      }
    };
    const csv = (file: string) =>
      parse(text(geography(file)), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    const built = buildReferenceGeography({
      topology: JSON.parse(text(geography("uk-local-authorities-topo.json"))) as TopologyInput,
      ltlaLookup: csv("ltla14-lookup.csv"),
      changes: csv("ltla-changes.csv"),
      lookups: [csv("lsoa11-ward19-lad19-lookup.csv"), csv("scotland-dz2011-lookup.csv")],
    });
    const committed = JSON.parse(readFileSync(REFERENCE_FILE, "utf8"));
    const again = JSON.parse(serialiseReference(built, committed.sources));
    expect(again).toEqual(committed);
  });
});
