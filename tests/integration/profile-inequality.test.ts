/**
 * Inequality by deprivation on the area profile, from what the real importers store: the shared
 * IoD 2019 files (File 3 ranks, File 6 denominators, the underlying indicators) cut down to
 * Darlington's LSOAs, and the LSOA lookup cut down to Darlington and Hartlepool, imported through
 * the real importers. The quintiles and rates are checked against the raw files read here.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { expect } from "vitest";
import { loadInequality } from "../../src/data/analyses/inequality-panel.ts";
import { inequalityView } from "../../src/data/analyses/inequality-view.ts";
import { findAreaByCode } from "../../src/data/geography/index.ts";
import { importerFor, runImport, sourceFromBytes } from "../../src/data/imports/index.ts";
import { listIndicators } from "../../src/data/indicators/index.ts";
import type { Executor } from "../../src/kernel/db/database.ts";
import { appTest as test } from "../helpers/app-test.ts";
import { describeWithSharedData, importSharedData, SHARED_DATA_DIR } from "../helpers/shared-data-dir.ts";
import type { TestClient } from "../helpers/test-app.ts";

const at = (...parts: string[]) => path.join(SHARED_DATA_DIR, ...parts);
const FILES = {
  lookup: at("geography", "lsoa11-ward19-lad19-lookup.csv"),
  file3: at("deprivation", "iod2019-file3-idaci-idaopi-lsoa11.csv"),
  file6: at("deprivation", "iod2019-file6-population-denominators-lsoa11.csv"),
  indicators: at("deprivation", "iod2019-indicators-lsoa11.csv"),
};
const DARLINGTON = "E06000005";

function table(file: string): string[][] {
  return parse(readFileSync(file, "utf8").replace(/^\uFEFF/, ""), { relax_column_count: true, skip_empty_lines: true });
}

/** The file's header and the rows whose `column` is in `keep`, as CSV bytes. */
function cut(rows: string[][], column: number, keep: (value: string) => boolean): Buffer {
  return Buffer.from(stringify([rows[0]!, ...rows.slice(1).filter((r) => keep(r[column]!))]));
}

async function importCut(db: Executor, kind: string, name: string, bytes: Buffer) {
  const report = await runImport(db, {
    importer: importerFor(kind)!,
    file: sourceFromBytes(name, bytes),
    options: {},
    dryRun: false,
    audit: { actorUserId: null, actorLabel: "inequality-test" },
  });
  expect(report.errors, name).toEqual([]);
}

const decode = (html: string) =>
  html
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"');

let reader: TestClient;
const ids: Record<string, string> = {};
/** Darlington's LSOAs from the raw files: IMD rank, IDACI numerator, children aged 0–15. */
const raw: { code: string; rank: number; numerator: number; children: number }[] = [];

describeWithSharedData(...Object.values(FILES))("inequality by deprivation on the area profile", () => {
  test.beforeAll(async ({ db, signIn, fixtures }) => {
    const wanted = new Set(["geography-topology", "ltla-lookup", "code-changes", "statxplore"]);
    for (const { step, report } of await importSharedData(db, (s) => wanted.has(s.kind), "inequality-test"))
      expect(report.errors, step.file).toEqual([]);
    const lookup = table(FILES.lookup);
    const lad = lookup[0]!.indexOf("LAD19CD");
    const darlington = new Set(lookup.filter((r) => r[lad] === DARLINGTON).map((r) => r[1]!));
    await importCut(
      db,
      "lsoa-lookup",
      "lsoa-lookup.csv",
      cut(lookup, lad, (v) => v === DARLINGTON || v === "E06000001"),
    );
    const file3 = table(FILES.file3);
    const file6 = table(FILES.file6);
    const indicators = table(FILES.indicators);
    await importCut(
      db,
      "iod",
      "iod2019-file3.csv",
      cut(file3, 0, (v) => darlington.has(v)),
    );
    await importCut(
      db,
      "iod",
      "iod2019-file6.csv",
      cut(file6, 0, (v) => darlington.has(v)),
    );
    await importCut(
      db,
      "iod",
      "iod2019-indicators.csv",
      cut(indicators, 0, (v) => darlington.has(v)),
    );

    const rankColumn = file3[0]!.findIndex((h) => /IMD\) Rank/.test(h));
    const childColumn = file6[0]!.findIndex((h) => /^Dependent Children aged 0-15/.test(h));
    const numColumn = indicators[0]!.indexOf("income_deprivation_affecting_children_index_idaci_numerator");
    const children = new Map(file6.slice(1).map((r) => [r[0]!, Number(r[childColumn])]));
    // "NA" (not published) stays NaN here: the hub leaves such a small area out of its group's rate.
    const numerators = new Map(indicators.slice(1).map((r) => [r[0]!, Number(r[numColumn])]));
    for (const r of file3.slice(1))
      if (darlington.has(r[0]!))
        raw.push({
          code: r[0]!,
          rank: Number(r[rankColumn]),
          numerator: numerators.get(r[0]!)!,
          children: children.get(r[0]!)!,
        });
    expect(raw.length).toBeGreaterThan(50);

    const org = await fixtures.organisation("Inequality Test Council");
    for (const [name, nation, code, area] of [
      ["Darlington Partnership", "england", DARLINGTON, "Darlington"],
      ["Hartlepool Partnership", "england", "E06000001", "Hartlepool"],
      ["Anglesey Partnership", "wales", "W06000001", "Isle of Anglesey"],
    ] as const)
      ids[code] = (await fixtures.partnership(name, nation, code, area)).id;
    await fixtures.user("ineq-viewer@example.org", org.id, {
      roles: Object.values(ids).map((id) => [id, "viewer"] as [string, "viewer"]),
    });
    reader = await signIn("ineq-viewer@example.org");
  }, 300_000);

  test("groups Darlington's LSOAs into local quintiles by IMD rank and sums IDACI numerators over children, as the raw files give", async ({
    db,
  }) => {
    const area = (await findAreaByCode(db, DARLINGTON))!;
    const catalogue = new Map((await listIndicators(db, null)).map((row) => [row.slug, row]));
    const { panel, problem } = await loadInequality(db, area, catalogue);
    expect(problem).toBeNull();
    // Independently: sort by rank, five groups of ⌊n/5⌋ (the first n mod 5 take one more).
    const sorted = [...raw].sort((a, b) => a.rank - b.rank);
    const base = Math.floor(sorted.length / 5);
    const expected: { n: number; left: number; num: number; den: number }[] = [];
    let start = 0;
    for (let i = 0; i < 5; i++) {
      const size = base + (i < sorted.length % 5 ? 1 : 0);
      const members = sorted.slice(start, start + size);
      start += size;
      const published = members.filter((m) => Number.isFinite(m.numerator));
      expected.push({
        n: members.length,
        left: members.length - published.length,
        num: published.reduce((s, m) => s + m.numerator, 0),
        den: published.reduce((s, m) => s + m.children, 0),
      });
    }
    expect(panel!.groups.map((g) => g.smallAreas)).toEqual(expected.map((e) => e.n));
    // The file has "NA" numerators for some of Darlington's LSOAs: each is left out, never a zero.
    expect(expected.reduce((s, e) => s + e.left, 0)).toBeGreaterThan(0);
    expect(panel!.groups.map((g) => g.withoutValue)).toEqual(expected.map((e) => e.left));
    panel!.groups.forEach((g, i) => {
      expect(g.numerator).toBeCloseTo(expected[i]!.num, 6);
      expect(g.denominator).toBeCloseTo(expected[i]!.den, 6);
      expect(g.rate).toBeCloseTo((expected[i]!.num / expected[i]!.den) * 100, 8);
    });
    // Deprived quintiles have far more income-deprived children: a positive slope with an interval.
    const view = inequalityView({ panel: panel!, problem: null }, "Darlington");
    expect(view.panel!.table.rows.length).toBe(5);
    expect(panel!.result.ok).toBe(true);
    if (!panel!.result.ok) return;
    const overall = expected.reduce((s, e) => s + e.num, 0) / expected.reduce((s, e) => s + e.den, 0);
    expect(panel!.result.index.mean).toBeCloseTo(overall * 100, 8);
    expect(panel!.result.index.sii).toBeGreaterThan(0);
    expect(panel!.result.index.siiLower).toBeLessThan(panel!.result.index.sii);
  });

  test("the profile shows the section with its SII, RII, chart, table, periods, source and method", async () => {
    const res = await reader.get(`/partnerships/${ids[DARLINGTON]}/profile`);
    expect(res.statusCode).toBe(200);
    const html = decode(res.body);
    const start = html.indexOf('id="inequality"');
    expect(start).toBeGreaterThan(0);
    const section = html.slice(start, html.indexOf("</section>", start));
    expect(section).toMatch(/data-sii>\d+\.\d percentage points \(95% confidence interval -?\d+\.\d to \d+\.\d\)/);
    expect(section).toMatch(/data-rii>\d\.\d\d \(95% confidence interval/);
    expect(section).toContain("<svg");
    expect(section).toContain("Quintile 1 (most deprived)");
    expect(section).toContain("Quintile 5 (least deprived)");
    expect(section).toContain("Ministry of Housing, Communities and Local Government");
    expect(section).toContain("ScotPHO");
    expect(section).toMatch(/<caption[^>]*>Children aged 0–15 living in income-deprived families/);
  });

  test("says why there is no slope: no ranked small areas (Hartlepool), and Wales (no counts)", async () => {
    const hartlepool = decode((await reader.get(`/partnerships/${ids.E06000001}/profile`)).body);
    expect(hartlepool).toMatch(
      /data-inequality-problem>No inequality slope: 0 of the \d+ small areas of Hartlepool have a deprivation rank, and at least 10 are needed/,
    );
    expect(hartlepool).not.toContain("data-sii");
    const anglesey = decode((await reader.get(`/partnerships/${ids.W06000001}/profile`)).body);
    expect(anglesey).toContain("data-inequality-problem>No inequality slope: the Welsh Index of Multiple Deprivation");
  });
});
