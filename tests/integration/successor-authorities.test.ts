/**
 * Authorities created since 2019 (issue 12, defect 3): each has its region, and its profile a
 * deprivation panel — small areas follow the successor code (the LSOA lookup of 2019 and the
 * boundary files still name Aylesbury Vale, Corby, Allerdale …), and the map is the
 * predecessors' boundaries put together. Real ONS and MHCLG files from ../shared/data.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeWithSharedData } from "../helpers/shared-data-dir.ts";
import { loadAreaProfile } from "../../src/data/analyses/index.ts";
import { findAreaByCode, parentsOf } from "../../src/data/geography/index.ts";
import { importerFor, readSourceFile, runImport } from "../../src/data/imports/index.ts";
import type { Database } from "../../src/kernel/db/database.ts";
import { createTestDatabase } from "../helpers/test-database.ts";

const dataDir = path.resolve(
  process.env.SHARED_DATA_DIR ?? path.join(import.meta.dirname, "..", "..", "..", "shared", "data"),
);
const audit = { actorUserId: null, actorLabel: "successor-test" };
let database: Database;

const AUTHORITIES: Record<string, string> = {
  E06000058: "Bournemouth, Christchurch and Poole",
  E06000059: "Dorset",
  E07000244: "East Suffolk",
  E07000245: "West Suffolk",
  E06000060: "Buckinghamshire",
  E06000061: "North Northamptonshire",
  E06000062: "West Northamptonshire",
  E06000063: "Cumberland",
  E06000064: "Westmorland and Furness",
  E06000065: "North Yorkshire",
  E06000066: "Somerset",
};

function raw(file: string): string[][] {
  return parse(readFileSync(path.join(dataDir, file), "utf8").replace(/^\uFEFF/, ""), {
    relax_column_count: true,
    skip_empty_lines: true,
  });
}

async function load(kind: string, file: string) {
  const report = await runImport(database.db, {
    importer: importerFor(kind)!,
    file: await readSourceFile(path.join(dataDir, file)),
    options: {},
    dryRun: false,
    audit,
  });
  expect(report.errors, file).toEqual([]);
  return report;
}

/** The authorities each successor replaced, read from the ONS code-change file (chains followed). */
function predecessors(): Map<string, string[]> {
  const changes = raw("geography/ltla-changes.csv")
    .slice(1)
    .filter((c) => c[4] === "merger");
  const direct = new Map<string, string[]>();
  for (const c of changes) direct.set(c[2]!, [...(direct.get(c[2]!) ?? []), c[0]!]);
  // Every authority the successor's area was drawn under since 2014, chains included
  // (Somerset: Mendip …, Somerset West and Taunton, and before it Taunton Deane and West Somerset).
  const before = (code: string): string[] => (direct.get(code) ?? []).flatMap((c) => [c, ...before(c)]);
  return new Map(Object.keys(AUTHORITIES).map((code) => [code, before(code)]));
}

describeWithSharedData(path.join(dataDir, "README.md"))("authorities created since 2019", () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    await load("geography-topology", "geography/uk-local-authorities-topo.json");
    await load("ltla-lookup", "geography/ltla14-lookup.csv");
    await load("code-changes", "geography/ltla-changes.csv");
    await load("lsoa-lookup", "geography/lsoa11-ward19-lad19-lookup.csv");
    // The LSOA boundary files are published by the authorities of 2014 (the first links of each chain).
    for (const list of predecessors().values())
      for (const code of list)
        if (existsSync(path.join(dataDir, `geography/lsoa11-topojson-by-lad/${code}.json`)))
          await load("lsoa-boundaries", `geography/lsoa11-topojson-by-lad/${code}.json`);
    await load("iod", "deprivation/iod2019-file3-idaci-idaopi-lsoa11.csv");
    await load("iod", "deprivation/iod2019-file6-population-denominators-lsoa11.csv");
  }, 900_000);
  afterAll(() => database?.close());

  it("gives each of the eleven its region", async () => {
    const lookup = new Map(
      raw("geography/ltla14-lookup.csv")
        .slice(1)
        .map((r) => [r[0]!, r[8]!]),
    );
    for (const [code, list] of predecessors()) {
      const area = (await findAreaByCode(database.db, code))!;
      expect(area.name).toBe(AUTHORITIES[code]);
      const regions = (await parentsOf(database.db, area.id)).filter((p) => p.relation === "region");
      const expected = [...new Set(list.filter((old) => lookup.has(old)).map((old) => lookup.get(old)))];
      expect(expected).toHaveLength(1);
      expect(
        regions.map((r) => r.area.code),
        code,
      ).toEqual(expected);
    }
  });

  it("gives each of the eleven a deprivation panel of its predecessors' LSOAs, with a map", async () => {
    const file3 = raw("deprivation/iod2019-file3-idaci-idaopi-lsoa11.csv").slice(1);
    for (const [code, list] of predecessors()) {
      // IoD2019 names the authorities of 2019: BCP, Dorset and the two Suffolks already; later ones by their predecessors.
      const expected = file3.filter((r) => list.includes(r[2]!) || r[2] === code).map((r) => [r[0]!, Number(r[5])]);
      const profile = await loadAreaProfile(database.db, { id: null, areaCode: code });
      const panel = profile.smallAreas.find((p) => p.indicator.slug === "iod2019-imd-decile");
      expect(panel, code).toBeDefined();
      expect(panel!.rows.map((r) => [r.code, r.decile]).sort(), code).toEqual(expected.sort());
      expect(panel!.distribution.children).toBeGreaterThan(0);
      expect(panel!.topology, `${code} map`).toBeDefined();
      const topology = JSON.parse(panel!.topology!);
      expect(topology.objects[code].geometries).toHaveLength(expected.length);
    }
  });

  it("says why an authority has no panel", async () => {
    const dundee = await loadAreaProfile(database.db, { id: null, areaCode: "S12000042" });
    expect(dundee.smallAreas).toEqual([]);
    expect(dundee.smallAreaProblem).toMatch(
      /Scottish Index of Multiple Deprivation \(SIMD\) by data zone has not been imported/,
    );
    const darlington = await loadAreaProfile(database.db, { id: null, areaCode: "E06000005" });
    expect(darlington.smallAreaProblem).toBeNull();
  });
});
