/**
 * Imports every file in ../shared/data through the real importers (the order `cpah import
 * all-shared` uses) and checks the stored values against the raw files, read here
 * independently with csv-parse.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { expect } from "vitest";
import {
  findAreaByCode,
  findBoundary,
  neighboursOf,
  successorMap,
  valuesForAreaTypeCodes,
} from "../helpers/shared-data.ts";
import {
  type ImportReport,
  importerFor,
  readSourceFile,
  runImport,
  sharedDataSteps,
} from "../../src/data/imports/index.ts";
import { FLAG, valuesForArea, valuesForAreas } from "../../src/data/indicators/index.ts";
import { dbTest } from "../helpers/app-test.ts";
import { describeWithSharedData, SHARED_DATA_DIR } from "../helpers/shared-data-dir.ts";

const dataDir = SHARED_DATA_DIR;
const reports = new Map<string, ImportReport>();

function raw(file: string, encoding: BufferEncoding = "utf8"): string[][] {
  return parse(readFileSync(path.join(dataDir, file), encoding).replace(/^\uFEFF/, ""), {
    relax_column_count: true,
    skip_empty_lines: true,
  });
}

const test = dbTest
  /** code → value for one indicator and period, as stored from the file (not the region and nation totals calculated at import). */
  .extend(
    "stored",
    { scope: "file" },
    ({ query }) =>
      async function stored(
        slug: string,
        period: string,
      ): Promise<Map<string, { value: number | null; flags: number }>> {
        const rows = await query<{
          code: string;
          value: number | null;
          flags: number;
        }>(sql`select a.code, o.value, o.flags from observations o
    join indicators i on i.id = o.indicator_id join periods p on p.id = o.period_id join areas a on a.id = o.area_id
    where i.slug = ${slug} and p.code = ${period} and (o.flags & ${FLAG.derived}::int) = 0`);
        return new Map(rows.map((r) => [r.code, { value: r.value, flags: r.flags }]));
      },
  );

describeWithSharedData(path.join(dataDir, "README.md"))(
  "every file in ../shared/data through the real importers",
  () => {
    test.beforeAll(async ({ database }) => {
      const audit = { actorUserId: null, actorLabel: "shared-data-test" };
      for (const step of await sharedDataSteps(dataDir)) {
        const file = await readSourceFile(step.file);
        const report = await runImport(database.db, {
          importer: importerFor(step.kind)!,
          file,
          options: step.options,
          dryRun: false,
          audit,
        });
        reports.set(path.relative(dataDir, step.file), report);
      }
    }, 1_200_000);

    test("imports every file without errors, one batch and one audit entry each", async ({ query }) => {
      const failed = [...reports]
        .filter(([, r]) => !r.ok)
        .map(([file, r]) => `${file}: ${r.errors.map((e) => e.message).join("; ")}`);
      expect(failed).toEqual([]);
      expect(reports.size).toBeGreaterThan(350);
      const [counts] = await query<{
        batches: number;
        audits: number;
      }>(sql`select (select count(*)::int from import_batches) as batches,
      (select count(*)::int from audit_log where action = 'import.completed') as audits`);
      expect(counts).toEqual({ batches: reports.size, audits: reports.size });
    });

    test("loads the geography: authorities, small areas, parents, code changes, boundaries, neighbours, groups", async ({
      database,
      query,
    }) => {
      const topo = JSON.parse(readFileSync(path.join(dataDir, "geography/uk-local-authorities-topo.json"), "utf8"));
      const ltla: string[] = topo.objects.ltla.geometries.map(
        (g: { properties: { areacd: string } }) => g.properties.areacd,
      );
      const lsoaRows = raw("geography/lsoa11-ward19-lad19-lookup.csv").slice(1);
      const dzRows = raw("geography/scotland-dz2011-lookup.csv", "latin1").slice(1);
      const [areas] = await query<{ ltla: number; lsoa: number; boundaries: number }>(sql`select
      (select count(*)::int from areas where code = any(${`{${ltla.join(",")}}`}::text[]) and lower_tier) as ltla,
      (select count(*)::int from areas where type = 'lsoa') as lsoa,
      (select count(*)::int from area_boundaries where layer = 'lsoa') as boundaries`);
      expect(areas!.ltla).toBe(new Set(ltla).size);
      expect(areas!.lsoa).toBe(new Set(lsoaRows.map((r) => r[1])).size + new Set(dzRows.map((r) => r[0])).size);
      expect(areas!.boundaries).toBeGreaterThan(330);
      const trafford = (await findAreaByCode(database.db, "E08000009"))!;
      expect(trafford.name).toBe("Trafford");
      const traffordLsoas = lsoaRows.filter((r) => r[5] === "E08000009").length;
      const [inTrafford] = await query<{
        n: number;
      }>(sql`select count(*)::int as n from area_parents ap join areas c on c.id = ap.child_id
      where ap.parent_id = ${trafford.id} and c.type = 'lsoa'`);
      expect(inTrafford!.n).toBe(traffordLsoas);
      const boundary = JSON.parse((await findBoundary(database.db, trafford.id, "lsoa"))!);
      expect(boundary.objects.E08000009.geometries).toHaveLength(traffordLsoas);
      const neighbours = JSON.parse(
        readFileSync(path.join(dataDir, "geography/lad21-geographic-neighbours.json"), "utf8"),
      );
      const border = (await neighboursOf(database.db, trafford.id, "border")).map((n) => n.area.code);
      expect(border).toEqual(neighbours.E08000009[0]);
      const [group] = await query<{
        n: number;
      }>(sql`select count(*)::int as n from comparison_group_members m join comparison_groups g on g.id = m.group_id
      where g.name = 'Trafford CIPFA nearest neighbours (2021)'`);
      expect(group!.n).toBe(raw("geography/trafford-cipfa-nearest-neighbours-2021.csv").length - 1);
      const successors = await successorMap(database.db, 2023);
      expect(successors.get("E07000190")).toBe("E06000066");
      expect(successors.get("S12000046")).toBe("S12000049");
      expect(successors.has("E08000021")).toBe(false);
    });

    test("matches every Great Britain authority name in the Stat-Xplore export, or reports it", async ({ stored }) => {
      const file = "cilif/statxplore-children-relative-low-income-ltla-2014-2022.csv";
      const rows = raw(file);
      const report = reports.get(file)!;
      const labels = rows.slice(2).map((r) => r[0]!);
      const reported = new Set([...report.nameProblems.map((p) => p.name), ...report.skippedRows.map((s) => s.label)]);
      const values = await stored("cilif-relative-children-count", "2021/22");
      expect(values.size + reported.size - 1).toBe(labels.length);
      expect(report.nameProblems).toEqual([]);
      expect(report.skippedRows.map((s) => s.label).sort()).toEqual([
        "National - Regional - LA - OAs",
        "Total",
        "Unknown",
      ]);
      // Column totals: the stored authorities sum to the file's own authority rows, for every year.
      // (Stat-Xplore perturbs cells, so its "Total" row differs from that sum by a few dozen.)
      const header = rows[0]!;
      const total = rows.find((r) => r[0] === "Total")!;
      const areaRows = rows.slice(2).filter((r) => !["Total", "Unknown"].includes(r[0]!));
      for (const [index, label] of header.entries()) {
        if (index === 0 || label.includes("Annotations") || label === "") continue;
        const period = label.replace(" (p)", "");
        const sum = [...(await stored("cilif-relative-children-count", period)).values()].reduce(
          (a, v) => a + (v.value ?? 0),
          0,
        );
        expect(sum, period).toBe(areaRows.reduce((a, r) => a + (r[index] === ".." ? 0 : Number(r[index])), 0));
        expect(Math.abs(sum - Number(total[index])) / sum, period).toBeLessThan(0.0001);
      }
      expect(values.get("E06000005")).toEqual({ value: 6070, flags: FLAG.provisional });
      expect((await stored("cilif-relative-children-count", "2014/15")).get("E06000047")).toEqual({
        value: 19564,
        flags: 0,
      });
    });

    test("stores the tidy file's values", async ({ query, stored }) => {
      const rows = raw("cilif/trafford-neighbours-children-low-income-tidy.csv").slice(1);
      const row = rows.find((r) => r[0] === "E08000009" && r[2] === "2021/22" && r[3]!.includes("relative"))!;
      const values = await stored("children-in-relative-low-income-families-under-16s-percentage", "2021/22");
      expect(values.get("E08000009")!.value).toBe(Number(row[6]));
      const [count] = await query<{ n: number }>(
        sql`select count(*)::int as n from observations o join indicators i on i.id = o.indicator_id where i.slug like 'children-in-%-low-income-families-under-16s-percentage'`,
      );
      expect(count!.n).toBe(rows.length);
    });

    test("stores IoD2019 ranks equal to the file's ranks, and the indicators' NA as missing", async ({
      query,
      stored,
    }) => {
      const rows = raw("deprivation/iod2019-file3-idaci-idaopi-lsoa11.csv");
      const idaci = await stored("iod2019-idaci-rank", "2019");
      const imdDecile = await stored("iod2019-imd-decile", "2019");
      expect(idaci.size).toBe(rows.length - 1);
      for (const row of rows.slice(1)) {
        expect(idaci.get(row[0]!)!.value).toBe(Number(row[6]));
        expect(imdDecile.get(row[0]!)!.value).toBe(Number(row[5]));
      }
      const indicators = raw("deprivation/iod2019-indicators-lsoa11.csv");
      const column = indicators[0]!.indexOf("income_deprivation_affecting_children_index_idaci_numerator");
      const numerators = await stored("iod2019-income-deprivation-affecting-children-index-idaci-numerator", "2019");
      const fileSum = indicators.slice(1).reduce((a, r) => a + (r[column] === "NA" ? 0 : Number(r[column])), 0);
      const storedSum = [...numerators.values()].reduce((a, v) => a + (v.value ?? 0), 0);
      expect(storedSum).toBe(fileSum);
      const naInFile = indicators
        .slice(1)
        .flatMap((r) => r.slice(1))
        .filter((v) => v === "NA").length;
      const [missing] = await query<{
        n: number;
        zero: number;
      }>(sql`select count(*)::int as n from observations o join indicators i on i.id = o.indicator_id
      where i.slug like 'iod2019-%' and o.value is null and o.flags & ${FLAG.missing} <> 0
      and o.flags & ${FLAG.derived} = 0`); // figures worked out at import (authority sums) are not the file's
      expect(missing!.n).toBe(naInFile);
      const children = raw("deprivation/iod2019-file6-population-denominators-lsoa11.csv");
      const childSum = children.slice(1).reduce((a, r) => a + Number(r[5]), 0);
      const storedChildren = [
        ...(await stored("iod2019-population-dependent-children-aged-0-15", "2015")).values(),
      ].reduce((a, v) => a + v.value!, 0);
      expect(storedChildren).toBe(childSum);
    });

    test("stores SIMD ranks equal to the file's ranks, and '*' as suppressed", async ({ query, stored }) => {
      const rows = raw("deprivation/simd2020v2-ranks-dz11.csv");
      const ranks = await stored("simd2020v2-rank", "2020");
      expect(ranks.size).toBe(rows.length - 1);
      for (const row of rows.slice(1)) expect(ranks.get(row[0]!)!.value).toBe(Number(row[2]));
      const indicators = raw("deprivation/simd2020-indicators-dz11.csv");
      const stars = indicators
        .slice(1)
        .flatMap((r) => r.slice(1))
        .filter((v) => v === "*").length;
      const [suppressed] = await query<{
        n: number;
      }>(sql`select count(*)::int as n from observations o join indicators i on i.id = o.indicator_id
      where i.slug like 'simd2020-%' and o.value is null and o.flags & ${FLAG.suppressed} <> 0`);
      expect(suppressed!.n).toBe(stars);
      const income = indicators[0]!.indexOf("Income_count");
      const sum = indicators
        .slice(1)
        .reduce((a, r) => a + (r[income] === "*" || r[income] === "NA" ? 0 : Number(r[income])), 0);
      const storedIncome = [...(await stored("simd2020-income-count", "2020")).values()].reduce(
        (a, v) => a + (v.value ?? 0),
        0,
      );
      expect(storedIncome).toBeCloseTo(sum, 6);
    });

    test("serves the analyses' reads: one area's profile and one indicator across an authority's small areas", async ({
      database,
    }) => {
      const darlington = (await findAreaByCode(database.db, "E06000005"))!;
      const profile = await valuesForArea(database.db, darlington.id);
      expect(
        profile.filter((v) => v.indicatorSlug === "cilif-relative-children-count").map((v) => v.periodCode),
      ).toHaveLength(8);
      const lsoas = await valuesForAreas(database.db, {
        indicatorSlug: "iod2019-idaci-decile",
        periodCode: "2019",
        parentId: darlington.id,
        areaType: "lsoa",
      });
      const file = raw("deprivation/iod2019-file3-idaci-idaopi-lsoa11.csv").filter((r) => r[2] === "E06000005");
      expect(lsoas.map((v) => v.value)).toEqual(
        file.sort((a, b) => a[0]!.localeCompare(b[0]!)).map((r) => Number(r[7])),
      );
      const authorities = await valuesForAreaTypeCodes(
        database.db,
        "cilif-relative-children-count",
        "2021/22",
        "local-authority",
        "scotland",
      );
      expect(authorities).toHaveLength(32);
    });
  },
);
