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
import { findIndicator, type IndicatorTags } from "../../data/indicators/index.ts";
import { demoMeasurePercent, demoMeasures, demoMeasureSlug } from "./demo-measures-set.ts";

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

/**
 * One wide CSV per period: area code, count, percentage, child population, then each further
 * measure's numerator, percentage and denominator (demo-measures-set.ts). Deterministic.
 */
export function demoIndicatorFile(year: number): string {
  const p = year - FIRST_YEAR;
  const header = ["area_code,children_count,children_percent,children_population"];
  for (const measure of demoMeasures) header.push(`${measure.key}_n,${measure.key}_percent,${measure.key}_d`);
  const lines = [header.join(",")];
  for (const [k, area] of AREAS.entries()) {
    const population = Math.round(area.population * (1 + 0.003 * p));
    const percent = area.percent + p * 0.55 + Math.sin(p + k) * 0.6;
    const count = Math.round((percent / 100) * population);
    const cells =
      area.code === SUPPRESSED.code && year === SUPPRESSED.year
        ? [area.code, "[c]", "[c]", population]
        : [area.code, count, ((count / population) * 100).toFixed(1), population];
    for (const measure of demoMeasures) {
      const denominator = Math.round(population * measure.share);
      const numerator = Math.round((demoMeasurePercent(measure, area.code, p, k) / 100) * denominator);
      cells.push(numerator, ((numerator / denominator) * 100).toFixed(1), denominator);
    }
    lines.push(cells.join(","));
  }
  return `${lines.join("\n")}\n`;
}

interface DemoColumn {
  column: string;
  numeratorColumn?: string;
  denominatorColumn?: string;
  indicator: {
    slug: string;
    title: string;
    unit: "count" | "percentage";
    definition: string;
    polarity: "higher-is-worse" | "higher-is-better";
    tags: IndicatorTags;
  };
}

const lowIncome = { drivers: ["income-from-social-security"], buildingBlocks: ["financial-support"] } as const;
const columns: DemoColumn[] = [
  {
    column: "children_count",
    indicator: {
      slug: DEMO_COUNT_SLUG,
      title: "Children in relative low income families (Fictional demo data), count",
      unit: "count",
      definition: DEFINITION,
      polarity: "higher-is-worse",
      tags: { drivers: [...lowIncome.drivers], buildingBlocks: [...lowIncome.buildingBlocks] },
    },
  },
  {
    column: "children_percent",
    numeratorColumn: "children_count",
    denominatorColumn: "children_population",
    indicator: {
      slug: DEMO_PERCENT_SLUG,
      title: "Children in relative low income families (Fictional demo data), %",
      unit: "percentage",
      definition: DEFINITION,
      polarity: "higher-is-worse",
      tags: { drivers: [...lowIncome.drivers], buildingBlocks: [...lowIncome.buildingBlocks] },
    },
  },
  ...demoMeasures.map(
    (measure): DemoColumn => ({
      column: `${measure.key}_percent`,
      numeratorColumn: `${measure.key}_n`,
      denominatorColumn: `${measure.key}_d`,
      indicator: {
        slug: demoMeasureSlug(measure),
        title: measure.title,
        unit: "percentage",
        definition: `Fictional figures made up for the demonstration. ${measure.definition} Not official statistics.`,
        polarity: measure.polarity,
        tags: measure.tags,
      },
    }),
  ),
];

const mapping = (year: number) => ({
  codeColumn: "area_code",
  period: year === FIRST_YEAR + YEARS - 1 ? `${periodOf(year)} (p)` : periodOf(year),
  columns: columns.map((c) => ({
    ...c,
    indicator: {
      ...c.indicator,
      publisher: PUBLISHER,
      dataset: DATASET,
      licence: "Fictional demo data: no licence needed",
      disclosureRule: "none" as const,
    },
  })),
});

export const DEMO_FAMILY_TITLE = "Children in relative low income families by family type (Fictional demo data)";
/** The latest two years, each area's figure and its family types. */
const FAMILY_YEARS = [FIRST_YEAR + YEARS - 2, FIRST_YEAR + YEARS - 1];
const FAMILY_TYPES = [
  { label: "Lone parent", share: 0.38, ratio: 1.9 },
  { label: "Couple", share: 0.62, ratio: 0.45 },
];

/**
 * A tidy file with a family-type breakdown (so the profile's "by breakdown" chart shows): each
 * demo authority's percentage with numerator and denominator, then each family type's, whose
 * numerators and denominators add up to the area's. Invented, like everything here.
 */
export function demoFamilyTypeFile(): string {
  const lines = ["area_code,period,indicator,measure,value,numerator,denominator,breakdown,flag"];
  for (const year of FAMILY_YEARS) {
    const period = periodOf(year);
    const flag = year === FIRST_YEAR + YEARS - 1 ? "provisional" : "";
    for (const [k, area] of AREAS.entries()) {
      if (areaTypeOfCode(area.code) !== "local-authority") continue;
      const p = year - FIRST_YEAR;
      const population = Math.round(area.population * (1 + 0.003 * p));
      const parts = FAMILY_TYPES.map((type) => {
        const denominator = Math.round(population * type.share);
        const percent = (area.percent + p * 0.55 + Math.sin(p + k) * 0.6) * type.ratio;
        return { label: type.label, denominator, numerator: Math.round((percent / 100) * denominator) };
      });
      const numerator = parts.reduce((sum, part) => sum + part.numerator, 0);
      const denominator = parts.reduce((sum, part) => sum + part.denominator, 0);
      const row = (value: number, num: number, den: number, breakdown: string) =>
        `${area.code},${period},${DEMO_FAMILY_TITLE},percentage,${value.toFixed(1)},${num},${den},${breakdown},${flag}`;
      lines.push(row((numerator / denominator) * 100, numerator, denominator, ""));
      for (const part of parts)
        lines.push(
          row(
            (part.numerator / part.denominator) * 100,
            part.numerator,
            part.denominator,
            `Family type: ${part.label}`,
          ),
        );
    }
  }
  return `${lines.join("\n")}\n`;
}

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
  const family = await runImport(db, {
    importer: importerFor("tidy")!,
    file: sourceFromBytes("fictional-demo-family-type.csv", Buffer.from(demoFamilyTypeFile())),
    options: { publisher: PUBLISHER, dataset: DATASET, disclosure: "none" },
    dryRun: false,
    audit,
  });
  if (!family.ok)
    throw new Error(`demo family-type data did not import: ${family.errors.map((e) => e.message).join("; ")}`);
  return written + (family.valuesWritten ?? 0);
}
