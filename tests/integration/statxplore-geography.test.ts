/**
 * Stat-Xplore exports matched within the geography they are at (issue 12, defect 2). The real
 * export by MSOA (England and Wales) and intermediate zone (Scotland) has a row "Highland" — an
 * intermediate zone in Stirling, and also the name of Highland council: it must write to the
 * intermediate zone and never touch the council's figure from the export by local authority.
 * Expected values are read from the raw files with csv-parse.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeWithSharedData } from "../helpers/shared-data-dir.ts";
import { type ImportReport, importerFor, readSourceFile, runImport } from "../../src/data/imports/index.ts";
import type { Database } from "../../src/kernel/db/database.ts";
import { createTestDatabase } from "../helpers/test-database.ts";

const dataDir = path.resolve(
  process.env.SHARED_DATA_DIR ?? path.join(import.meta.dirname, "..", "..", "..", "shared", "data"),
);
const LTLA = "cilif/statxplore-children-relative-low-income-ltla-2014-2022.csv";
const MSOA = "cilif/statxplore-children-relative-low-income-msoa-2014-2022.csv";
const SLUG = "cilif-relative-children-count";
const audit = { actorUserId: null, actorLabel: "statxplore-geography-test" };
let database: Database;
let withoutMsoas: ImportReport;
let msoa: ImportReport;

function raw(file: string): string[][] {
  return parse(readFileSync(path.join(dataDir, file), "utf8").replace(/^\uFEFF/, ""), {
    relax_column_count: true,
    skip_empty_lines: true,
  });
}

async function load(kind: string, file: string, options: Record<string, unknown> = {}, dryRun = false) {
  return runImport(database.db, {
    importer: importerFor(kind)!,
    file: await readSourceFile(path.join(dataDir, file)),
    options,
    dryRun,
    audit,
  });
}

type Row = { code: string; name: string; type: string; period: string; value: number | null };
async function stored(): Promise<Row[]> {
  const result = (await database.db.execute(sql`select a.code, a.name, a.type, p.code as period, o.value
    from observations o join indicators i on i.id = o.indicator_id join periods p on p.id = o.period_id join areas a on a.id = o.area_id
    where i.slug = ${SLUG} order by a.code, p.code`)) as unknown as { rows: Row[] };
  return result.rows.map((r) => ({ ...r, value: r.value === null ? null : Number(r.value) }));
}

const options = { indicator: SLUG, title: "Children in relative low income families (under 16s), count" };

describeWithSharedData(path.join(dataDir, "README.md"))("Stat-Xplore exports at their own geography", () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    for (const [kind, file, extra] of [
      ["geography-topology", "geography/uk-local-authorities-topo.json", {}],
      ["ltla-lookup", "geography/ltla14-lookup.csv", {}],
      ["code-changes", "geography/ltla-changes.csv", {}],
      ["dz-lookup", "geography/scotland-dz2011-lookup.csv", { encoding: "windows-1252" }],
    ] as const) {
      const report = await load(kind, file, extra);
      expect(report.errors, file).toEqual([]);
    }
    const ltla = await load("statxplore", LTLA, { ...options, aliases: { Tewkesbury: "E07000083" } });
    expect(ltla.errors).toEqual([]);
    // Before the MSOA geography is loaded: the check says what is missing and who loads it.
    withoutMsoas = await load("statxplore", MSOA, options, true);
    for (const file of readdirSync(path.join(dataDir, "geography/msoa11-topojson-by-lad")).sort()) {
      const report = await load("msoa-boundaries", `geography/msoa11-topojson-by-lad/${file}`);
      expect(report.errors, file).toEqual([]);
    }
    msoa = await load("statxplore", MSOA, { ...options, skipUnmatched: true });
  }, 1_800_000);
  afterAll(() => database?.close());

  it("says the MSOA geography is missing and who loads it, before it is loaded", () => {
    expect(withoutMsoas.ok).toBe(false);
    expect(withoutMsoas.errors[0]!.message).toMatch(
      /look like MSOAs \(for example "County Durham 002"\).*service administrator.*MSOA boundaries or the MSOA lookup/,
    );
  });

  it("imports the export by MSOA and intermediate zone at that type, touching no authority", async () => {
    expect(msoa.errors).toEqual([]);
    expect(msoa.geography).toMatchObject({ areaType: "msoa", decidedBy: "majority" });
    const rows = raw(MSOA);
    const labels = rows.slice(2).map((r) => r[0]!);
    const after = await stored();
    const written = after.filter((r) => r.type === "msoa");
    const notMsoa = after.filter((r) => r.type !== "msoa");
    // Every value that is not an MSOA's is exactly as the export by local authority left it.
    const ltlaRows = raw(LTLA);
    const highlandCouncil = ltlaRows.find((r) => r[0] === "Highland")!;
    expect(notMsoa.find((r) => r.code === "S12000017" && r.period === "2021/22")!.value).toBe(
      Number(highlandCouncil[15]),
    );
    expect(notMsoa.every((r) => r.type !== "msoa")).toBe(true);
    const [batchTypes] = (
      (await database.db.execute(sql`select array_agg(distinct a.type) as types from observations o
        join areas a on a.id = o.area_id where o.batch_id = ${msoa.batchId!}`)) as unknown as {
        rows: { types: string[] }[];
      }
    ).rows;
    expect(batchTypes!.types).toEqual(["msoa"]);
    // The intermediate zone "Highland" (in Stirling) holds the export's row.
    const highlandRow = rows.find((r, i) => r[0] === "Highland" && i > 2)!;
    const highlandZone = written.filter((r) => r.name === "Highland");
    expect(highlandZone.map((r) => r.value)).toEqual(
      [1, 3, 5, 7, 9, 11, 13, 15].map((index) => Number(highlandRow[index])),
    );
    // Names used twice (intermediate zones "Blackburn" in Aberdeenshire and West Lothian) are told apart by the rows around them.
    const blackburns = new Set(written.filter((r) => r.name === "Blackburn").map((r) => r.code));
    expect(blackburns.size).toBe(2);
    expect(msoa.counts.matchedByPosition).toBeGreaterThanOrEqual(18);
    // Only the placeholders "IZ01" … are left out; every other row is stored.
    const leftOut = msoa.nameProblems.map((p) => p.name);
    expect(leftOut.every((name) => /^IZ\d{2}$/.test(name))).toBe(true);
    const areaRows = labels.filter((l) => !["Total", "Unknown"].includes(l));
    expect(new Set(written.map((r) => r.code)).size).toBe(areaRows.length - leftOut.length);
  });

  it("takes a code given for an intermediate zone, and refuses one of another type", async () => {
    const [zone] = (
      (await database.db.execute(
        sql`select a.code from areas a join area_parents ap on ap.child_id = a.id join areas la on la.id = ap.parent_id
          where a.type = 'msoa' and a.name = 'Highland' and la.name = 'Stirling'`,
      )) as unknown as { rows: { code: string }[] }
    ).rows;
    const given = await load(
      "statxplore",
      MSOA,
      { ...options, skipUnmatched: true, aliases: { Highland: zone!.code } },
      true,
    );
    expect(given.errors).toEqual([]);
    const wrong = await load(
      "statxplore",
      MSOA,
      { ...options, skipUnmatched: true, aliases: { Highland: "S12000017" } },
      true,
    );
    expect(wrong.errors.map((e) => e.message)).toContain(
      'the area code S12000017 given for "Highland" is a local authority; this file is by msoa / intermediate zone',
    );
  });
});
