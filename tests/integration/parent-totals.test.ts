/**
 * Region, nation and county totals calculated at import from local authority figures: checked
 * against the raw Stat-Xplore file in ../shared/data (read here independently), and with small
 * rate files on the real geography (summed numerators and denominators, incomplete periods left
 * without a total, totals from files never replaced).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { expect } from "vitest";
import { loadAreaProfile, referenceText } from "../../src/data/analyses/index.ts";
import { type ImportReport, importerFor, runImport, sourceFromBytes } from "../../src/data/imports/index.ts";
import { FLAG, findIndicator } from "../../src/data/indicators/index.ts";
import { dbTest } from "../helpers/app-test.ts";
import { describeWithSharedData, importSharedData, SHARED_DATA_DIR } from "../helpers/shared-data-dir.ts";

const dataDir = SHARED_DATA_DIR;
const STATXPLORE = "cilif/statxplore-children-relative-low-income-ltla-2014-2022.csv";
const SLUG = "cilif-relative-children-count";
const audit = { actorUserId: null, actorLabel: "parent-totals-test" };
let statxplore: ImportReport;

type Stored = {
  code: string;
  name: string;
  type: string;
  nation: string | null;
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  flags: number;
};

const test = dbTest
  .extend(
    "stored",
    { scope: "file" },
    ({ query }) =>
      async function stored(slug: string): Promise<Stored[]> {
        const list =
          await query<Stored>(sql`select a.code, a.name, a.type, a.nation, p.code as period, o.value, o.numerator, o.denominator, o.flags
    from observations o join indicators i on i.id = o.indicator_id join periods p on p.id = o.period_id join areas a on a.id = o.area_id
    where i.slug = ${slug} order by a.code, p.code`);
        return list.map((r) => ({ ...r, value: r.value === null ? null : Number(r.value), flags: Number(r.flags) }));
      },
  )
  .extend(
    "tidy",
    { scope: "file" },
    ({ database }) =>
      async function tidy(name: string, csv: string): Promise<ImportReport> {
        return runImport(database.db, {
          importer: importerFor("tidy")!,
          file: sourceFromBytes(name, Buffer.from(csv)),
          options: { disclosure: "none" },
          dryRun: false,
          audit,
        });
      },
  );

describeWithSharedData(path.join(dataDir, "README.md"))("parent totals calculated at import", () => {
  test.beforeAll(async ({ database }) => {
    const wanted = new Set(["geography-topology", "ltla-lookup", "code-changes", "lsoa-lookup", "dz-lookup"]);
    const imported = await importSharedData(
      database.db,
      (step) => wanted.has(step.kind) || step.file.endsWith(STATXPLORE),
      audit.actorLabel,
    );
    for (const { step, report } of imported) {
      expect(report.errors).toEqual([]);
      if (step.kind === "statxplore") statxplore = report;
    }
  }, 600_000);

  test("sums the Stat-Xplore local authorities into nation and region totals that match the raw file", async ({
    stored,
  }) => {
    const rows: string[][] = parse(readFileSync(path.join(dataDir, STATXPLORE), "utf8").replace(/^\uFEFF/, ""), {
      relax_column_count: true,
      skip_empty_lines: true,
    });
    const header = rows[0]!;
    const periodColumns = header
      .map((cell, index) => ({ cell, index }))
      .filter((c) => /^\d{4}\/\d{2}( \(p\))?$/.test(c.cell));
    const areaRows = rows.filter(
      (r) => r.length > 2 && /^\d+$/.test(r[1] ?? "") && !/^(total|unknown)$/i.test(r[0]!.trim()),
    );
    const totalRow = rows.find((r) => r[0]?.trim().toLowerCase() === "total")!;
    const values = await stored(SLUG);
    expect(statxplore.counts.totalsCalculated).toBeGreaterThan(0);
    expect(statxplore.counts.totalsNotCalculated).toBe(0);
    for (const column of periodColumns) {
      const period = column.cell.replace(" (p)", "");
      const inPeriod = values.filter((v) => v.period === period);
      const nations = inPeriod.filter((v) => v.type === "nation");
      expect(nations.map((n) => n.code).sort()).toEqual(["E92000001", "N92000002", "S92000003", "W92000004"]);
      for (const nation of nations) expect(nation.flags & FLAG.derived).toBe(FLAG.derived);
      // Every authority row of the raw file is in exactly one nation: the four totals add up to the rows' sum.
      const rawSum = areaRows.reduce((sum, r) => sum + Number(r[column.index]), 0);
      expect(nations.reduce((sum, n) => sum + n.value!, 0)).toBe(rawSum);
      // The file's own UK "Total" row differs by a few dozen: Stat-Xplore perturbs each cell for disclosure control.
      expect(Math.abs(rawSum - Number(totalRow[column.index])) / rawSum).toBeLessThan(0.0001);
      const england = nations.find((n) => n.code === "E92000001")!;
      const englishAuthorities = inPeriod.filter(
        (v) => v.type === "local-authority" && v.nation === "england" && (v.flags & FLAG.derived) === 0,
      );
      expect(englishAuthorities.length).toBeGreaterThan(300);
      expect(england.value).toBe(englishAuthorities.reduce((sum, v) => sum + v.value!, 0));
      const regions = inPeriod.filter((v) => v.type === "region");
      expect(regions).toHaveLength(9);
      expect(regions.reduce((sum, r) => sum + r.value!, 0)).toBe(england.value);
      expect((england.flags & FLAG.provisional) !== 0).toBe(column.cell.endsWith("(p)"));
    }
    const northEast = values.find((v) => v.code === "E12000001" && v.period === "2021/22")!;
    const northEastNames = [
      "County Durham",
      "Darlington",
      "Hartlepool",
      "Middlesbrough",
      "Northumberland",
      "Redcar and Cleveland",
      "Stockton-on-Tees",
      "Gateshead",
      "Newcastle upon Tyne",
      "North Tyneside",
      "South Tyneside",
      "Sunderland",
    ];
    const latest = periodColumns.at(-1)!.index;
    expect(northEast.value).toBe(
      areaRows.filter((r) => northEastNames.includes(r[0]!.trim())).reduce((sum, r) => sum + Number(r[latest]), 0),
    );
  });

  test("shows the calculated England figure on an authority's profile, labelled as calculated", async ({
    database,
  }) => {
    const profile = await loadAreaProfile(database.db, { id: null, areaCode: "E06000005" });
    const item = profile.indicators.find((i) => i.indicator.slug === SLUG)!;
    const england = item.references.find((r) => r.relation === "nation")!;
    expect(england.area.code).toBe("E92000001");
    expect(england.value?.value).toBeGreaterThan(2_000_000);
    const indicator = (await findIndicator(database.db, SLUG))!;
    expect(referenceText(indicator, england.value)).toMatch(
      /^2,575,842 \(p\) \(Calculated from the local authority figures\)$/,
    );
    expect(item.references.find((r) => r.relation === "region")?.area.code).toBe("E12000001");
  });

  test("sums numerators and denominators for a percentage, and gives no total when an authority's value is suppressed", async ({
    query,
    stored,
    tidy,
  }) => {
    const codes = (
      await query<{
        code: string;
      }>(sql`select c.code from area_parents ap join areas c on c.id = ap.child_id join areas p on p.id = ap.parent_id
      where p.code = 'E12000001' and c.type = 'local-authority' and c.end_year is null order by c.code`)
    ).map((r) => r.code);
    expect(codes).toHaveLength(12);
    const lines = ["area_code,period,indicator,measure,value,numerator,denominator"];
    codes.forEach((code, i) => {
      const [num, den] = [100 + i * 10, 1000 + i * 37];
      lines.push(`${code},2020/21,fictional-rate-test,Percentage,${((num / den) * 100).toFixed(1)},${num},${den}`);
      lines.push(
        i === 3
          ? `${code},2021/22,fictional-rate-test,Percentage,[c],[c],[c]`
          : `${code},2021/22,fictional-rate-test,Percentage,10,${num},${den}`,
      );
    });
    const report = await tidy("rates.csv", `${lines.join("\n")}\n`);
    expect(report.errors).toEqual([]);
    expect(report.values).toBe(24);
    expect(report.warnings.map((w) => w.message).join("\n")).toMatch(
      /North East 2021\/22 \(fictional-rate-test\): no total calculated, 1 of 12 local authorities have no usable value/,
    );
    const values = await stored("fictional-rate-test");
    const total2020 = values.find((v) => v.code === "E12000001" && v.period === "2020/21")!;
    const num = codes.reduce((sum, _c, i) => sum + 100 + i * 10, 0);
    const den = codes.reduce((sum, _c, i) => sum + 1000 + i * 37, 0);
    expect(total2020).toMatchObject({ numerator: num, denominator: den, flags: FLAG.derived });
    expect(total2020.value).toBeCloseTo((num / den) * 100, 10);
    expect(values.find((v) => v.code === "E12000001" && v.period === "2021/22")).toMatchObject({
      value: null,
      flags: FLAG.missing | FLAG.derived,
    });
    // England has hundreds of other authorities without a value: no England total, never a partial sum.
    expect(values.filter((v) => v.code === "E92000001").every((v) => v.value === null)).toBe(true);
  });

  test("recalculates the totals when a later file corrects one authority, counting the others' stored values", async ({
    stored,
    tidy,
  }) => {
    const before = (await stored(SLUG)).filter((v) => v.period === "2021/22");
    const value = (code: string, list = before) => list.find((v) => v.code === code)!.value!;
    expect(value("E06000005")).toBe(6070);
    const report = await tidy(
      "correction.csv",
      "area_code,period,indicator,measure,value\nE06000005,2021/22 (p),cilif-relative-children-count,Count,6100\n",
    );
    expect(report.errors).toEqual([]);
    expect(report.counts.totalsCalculated).toBe(2);
    const after = (await stored(SLUG)).filter((v) => v.period === "2021/22");
    expect(value("E12000001", after)).toBe(value("E12000001") + 30);
    expect(value("E92000001", after)).toBe(value("E92000001") + 30);
    expect(value("W92000004", after)).toBe(value("W92000004"));
  });

  test("keeps a total the file supplies, and never replaces it with a calculated one later", async ({
    query,
    stored,
    tidy,
  }) => {
    const codes = (
      await query<{
        code: string;
      }>(sql`select c.code from area_parents ap join areas c on c.id = ap.child_id join areas p on p.id = ap.parent_id
      where p.code = 'E12000001' and c.type = 'local-authority' and c.end_year is null order by c.code`)
    ).map((r) => r.code);
    const rows = codes.map((code) => `${code},2022,fictional-count-test,Count,10`);
    const first = await tidy(
      "with-total.csv",
      `area_code,period,indicator,measure,value\nE12000001,2022,fictional-count-test,Count,125\n${rows.join("\n")}\n`,
    );
    expect(first.errors).toEqual([]);
    let northEast = (await stored("fictional-count-test")).find((v) => v.code === "E12000001")!;
    expect(northEast).toMatchObject({ value: 125, flags: 0 });
    const second = await tidy(
      "without-total.csv",
      `area_code,period,indicator,measure,value\n${codes.map((code) => `${code},2022,fictional-count-test,Count,11`).join("\n")}\n`,
    );
    expect(second.errors).toEqual([]);
    northEast = (await stored("fictional-count-test")).find((v) => v.code === "E12000001")!;
    expect(northEast).toMatchObject({ value: 125, flags: 0 });
  });
  test("a total the file supplies later takes the calculated one's place, unmarked, with the calculated one in the history", async ({
    query,
    stored,
    tidy,
  }) => {
    const codes = (
      await query<{ code: string }>(sql`select c.code from area_parents ap join areas c on c.id = ap.child_id
      join areas p on p.id = ap.parent_id where p.code = 'E12000001' and c.type = 'local-authority' and c.end_year is null`)
    ).map((r) => r.code);
    const rows = (value: number) => codes.map((code) => `${code},2023,fictional-count-later,Count,${value}`).join("\n");
    const first = await tidy("no-total.csv", `area_code,period,indicator,measure,value\n${rows(10)}\n`);
    expect(first.errors).toEqual([]);
    const calculated = (await stored("fictional-count-later")).find((v) => v.code === "E12000001")!;
    expect(calculated).toMatchObject({ value: 10 * codes.length, flags: FLAG.derived });
    const second = await tidy(
      "total.csv",
      `area_code,period,indicator,measure,value\nE12000001,2023,fictional-count-later,Count,999\n${rows(10)}\n`,
    );
    expect(second.errors).toEqual([]);
    expect(second.valuesReplaced).toBe(0);
    const published = (await stored("fictional-count-later")).find((v) => v.code === "E12000001")!;
    expect(published).toMatchObject({ value: 999, flags: 0 });
    const history = await query<{ value: number; flags: number; superseded: number }>(sql`select h.value, h.flags,
      h.superseded_by_batch_id as superseded from observation_history h join indicators i on i.id = h.indicator_id
      join areas a on a.id = h.area_id where i.slug = 'fictional-count-later' and a.code = 'E12000001'`);
    expect(history.map((h) => ({ value: Number(h.value), flags: Number(h.flags), superseded: h.superseded }))).toEqual([
      { value: 10 * codes.length, flags: FLAG.derived, superseded: second.batchId },
    ]);
  });
});
