/**
 * A small, clearly fictional indicator dataset for the demo partnerships' areas, their region
 * and nations, so profiles, needs-assessment panels, report indicator progress and the API have
 * something to show on a fresh `npm run demo` without ../shared. Loaded through the real `wide`
 * importer (one file per period, each an import batch with its audit entry); every title and the
 * publisher say "Fictional demo data". Eight financial years, the last provisional, and one
 * suppressed value. Skipped when the dataset is already there, so running the demo again changes nothing.
 */
import type { AuditContext } from "../../kernel/audit/audit.ts";
import type { Db } from "../../kernel/db/database.ts";
import {
  areaTypeOfCode,
  insertMissingAreas,
  linkParents,
  nationOfCode,
  tiersOfCode,
} from "../../data/geography/index.ts";
import { importerFor, runImport, sourceFromBytes } from "../../data/imports/index.ts";
import { findIndicator } from "../../data/indicators/index.ts";

export const DEMO_COUNT_SLUG = "demo-children-low-income-count";
export const DEMO_PERCENT_SLUG = "demo-children-low-income-percentage";

const PUBLISHER = "Fictional demo data";
const DATASET = "Child Poverty Action Hub demo indicators (fictional, not official statistics)";
const DEFINITION =
  "Fictional figures made up for the demonstration: children under 16 in families with less than 60% of median income before housing costs. Not official statistics; import the real Stat-Xplore file for real figures.";

/** Real codes and names (so maps and lookups line up); every figure below is invented. */
const AREAS = [
  { code: "E92000001", name: "England", population: 10_600_000, percent: 18.5 },
  { code: "E12000001", name: "North East", population: 480_000, percent: 24.0 },
  { code: "E06000005", name: "Darlington", population: 19_000, percent: 21.0 },
  { code: "S92000003", name: "Scotland", population: 900_000, percent: 17.0 },
  { code: "S12000042", name: "Dundee City", population: 24_000, percent: 22.0 },
  { code: "W92000004", name: "Wales", population: 560_000, percent: 19.5 },
  { code: "W06000011", name: "Swansea", population: 42_000, percent: 20.0 },
];
const LINKS = [
  { child: "E12000001", parent: "E92000001", relation: "nation" },
  { child: "E06000005", parent: "E12000001", relation: "region" },
  { child: "E06000005", parent: "E92000001", relation: "nation" },
  { child: "S12000042", parent: "S92000003", relation: "nation" },
  { child: "W06000011", parent: "W92000004", relation: "nation" },
];
const FIRST_YEAR = 2016;
const YEARS = 8;
/** The one suppressed value: Dundee City in 2019/20. */
const SUPPRESSED = { code: "S12000042", year: 2019 };

const periodOf = (year: number) => `${year}/${String((year + 1) % 100).padStart(2, "0")}`;

/** One wide CSV per period: area code, count, percentage, child population. Deterministic. */
export function demoIndicatorFile(year: number): string {
  const p = year - FIRST_YEAR;
  const lines = ["area_code,children_count,children_percent,children_population"];
  for (const [k, area] of AREAS.entries()) {
    const population = Math.round(area.population * (1 + 0.003 * p));
    const percent = area.percent + p * 0.55 + Math.sin(p + k) * 0.6;
    const count = Math.round((percent / 100) * population);
    if (area.code === SUPPRESSED.code && year === SUPPRESSED.year) lines.push(`${area.code},[c],[c],${population}`);
    else lines.push(`${area.code},${count},${((count / population) * 100).toFixed(1)},${population}`);
  }
  return `${lines.join("\n")}\n`;
}

const mapping = (year: number) => ({
  codeColumn: "area_code",
  period: year === FIRST_YEAR + YEARS - 1 ? `${periodOf(year)} (p)` : periodOf(year),
  columns: [
    {
      column: "children_count",
      indicator: {
        slug: DEMO_COUNT_SLUG,
        title: "Children in relative low income families (Fictional demo data), count",
        unit: "count" as const,
      },
    },
    {
      column: "children_percent",
      indicator: {
        slug: DEMO_PERCENT_SLUG,
        title: "Children in relative low income families (Fictional demo data), %",
        unit: "percentage" as const,
      },
      numeratorColumn: "children_count",
      denominatorColumn: "children_population",
    },
  ].map((c) => ({
    ...c,
    indicator: {
      ...c.indicator,
      definition: DEFINITION,
      publisher: PUBLISHER,
      dataset: DATASET,
      licence: "Fictional demo data: no licence needed",
      polarity: "higher-is-worse" as const,
      disclosureRule: "none" as const,
      tags: { drivers: ["income-from-social-security" as const], buildingBlocks: ["financial-support" as const] },
    },
  })),
});

/** Loads the fictional dataset unless it is already there. Returns the number of values written. */
export async function seedIndicatorDemo(db: Db, audit: AuditContext): Promise<number> {
  if (await findIndicator(db, DEMO_PERCENT_SLUG)) return 0;
  // Real areas are left as they are when the geography has been imported; only missing ones are added.
  await insertMissingAreas(
    db,
    AREAS.map((a) => ({
      code: a.code,
      name: a.name,
      type: areaTypeOfCode(a.code)!,
      nation: nationOfCode(a.code),
      ...tiersOfCode(a.code),
      startYear: null,
      endYear: null,
    })),
  );
  await linkParents(db, LINKS);
  let written = 0;
  for (let year = FIRST_YEAR; year < FIRST_YEAR + YEARS; year++) {
    const report = await runImport(db, {
      importer: importerFor("wide")!,
      file: sourceFromBytes(
        `fictional-demo-indicators-${periodOf(year).replace("/", "-")}.csv`,
        Buffer.from(demoIndicatorFile(year)),
      ),
      options: { mapping: mapping(year) },
      dryRun: false,
      audit,
    });
    if (!report.ok)
      throw new Error(
        `demo indicator data for ${periodOf(year)} did not import: ${report.errors.map((e) => e.message).join("; ")}`,
      );
    written += report.valuesWritten ?? 0;
  }
  return written;
}
