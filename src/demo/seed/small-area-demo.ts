/**
 * The first demo partnership's small areas and localities: Darlington's real LSOAs (loaded through
 * the real `lsoa-lookup` importer from the embedded list), a fictional small-area percentage in four
 * years (through the `tidy` importer, open data like the rest of the demo set, with the thinly
 * populated villages' counts under 10 suppressed at source as `[c]`), and three named localities made
 * through the localities service, as a lead would make them. Every figure is invented and every
 * locality's name says "(fictional)"; the same inputs always give the same values.
 */
import type { AuditContext } from "../../kernel/audit/audit.ts";
import type { Db } from "../../kernel/db/database.ts";
import { seededRandom } from "../../kernel/random.ts";
import { importerFor, runImport, sourceFromBytes } from "../../data/imports/index.ts";
import { findIndicator } from "../../data/indicators/index.ts";
import { partnershipLocalities, saveLocality } from "../../data/localities/index.ts";
import { DARLINGTON_SMALL_AREAS } from "./darlington-small-areas.ts";

export const DEMO_SMALL_AREA_TITLE = "Children in low income families by small area (Fictional demo data)";
/** The tidy importer's slug of the title and measure. */
export const DEMO_SMALL_AREA_SLUG = "children-in-low-income-families-by-small-area-fictional-demo-data-percentage";
export const DEMO_SMALL_AREA_AUTHORITY = "E06000005";

const PUBLISHER = "Fictional demo data";
const DATASET = "Child Poverty Action Hub demo indicators (fictional, not official statistics)";
const YEARS = [2020, 2021, 2022, 2023];
const periodOf = (year: number) => `${year}/${String((year + 1) % 100).padStart(2, "0")}`;

/**
 * Each MSOA's (1 to 15) made-up share of children in low income families: wide differences, as
 * between real neighbourhoods. The villages (MSOA 15) are thinly affected: some of their small
 * areas have counts under 10, suppressed at source as [c]. They are in no locality, so every
 * locality's figure can be worked out (a locality with a [c] small area would have none).
 */
const MSOA_LEVEL = [0.09, 0.22, 0.3, 0.33, 0.2, 0.18, 0.1, 0.36, 0.34, 0.12, 0.09, 0.38, 0.35, 0.24, 0.03];

/** The localities: MSOAs 1–6 (north), 7–11 (centre and west), 12–14 (south and east); not the villages (15). */
export const DEMO_LOCALITIES = [
  {
    name: "North locality (fictional)",
    description: "Fictional demo locality: the small areas north of the town centre.",
    msoas: [1, 2, 3, 4, 5, 6],
    perYear: -0.07,
  },
  {
    name: "Town centre and west locality (fictional)",
    description: "Fictional demo locality: the town centre and the western suburbs.",
    msoas: [7, 8, 9, 10, 11],
    perYear: 0.03,
  },
  {
    name: "South and east locality (fictional)",
    description: "Fictional demo locality: the south and east of the town (the villages are in no locality).",
    msoas: [12, 13, 14],
    perYear: 0.01,
  },
];

/** The lookup in the ONS layout (LSOA → ward → authority). */
export function demoSmallAreaLookup(): string {
  const rows = DARLINGTON_SMALL_AREAS.map(
    (area, i) => `${i + 1},${area.code},${area.name},${area.wardCode},${area.wardName},E06000005,Darlington`,
  );
  return `FID,LSOA11CD,LSOA11NM,WD19CD,WD19NM,LAD19CD,LAD19NM\n${rows.join("\n")}\n`;
}

/**
 * Every small area's percentage with numerator and denominator in each year, and the region's and
 * nation's for comparison (the authority's own figure is added up from its small areas at import).
 */
export function demoSmallAreaFile(): string {
  const rand = seededRandom(16_011);
  const children = DARLINGTON_SMALL_AREAS.map(() => 140 + Math.floor(rand() * 260));
  const spread = DARLINGTON_SMALL_AREAS.map(() => 0.75 + rand() * 0.5);
  const lines = ["area_code,period,indicator,measure,value,numerator,denominator,breakdown,flag"];
  for (const [y, year] of YEARS.entries()) {
    const flag = y === YEARS.length - 1 ? "provisional" : "";
    const row = (code: string, numerator: number, denominator: number) =>
      `${code},${periodOf(year)},${DEMO_SMALL_AREA_TITLE},percentage,${((numerator / denominator) * 100).toFixed(1)},${numerator},${denominator},,${flag}`;
    for (const [i, area] of DARLINGTON_SMALL_AREAS.entries()) {
      const trend = DEMO_LOCALITIES.find((locality) => locality.msoas.includes(area.msoa))?.perYear ?? 0;
      const share = MSOA_LEVEL[area.msoa - 1]! * spread[i]! * (1 + trend * y) * (1 + (rand() - 0.5) * 0.08);
      const denominator = Math.round(children[i]! * (1 + 0.01 * y));
      const numerator = Math.max(1, Math.round(share * denominator));
      // Counts under 10 are suppressed at source, as published small-area statistics are.
      if (numerator < 10)
        lines.push(`${area.code},${periodOf(year)},${DEMO_SMALL_AREA_TITLE},percentage,[c],,,,${flag}`);
      else lines.push(row(area.code, numerator, denominator));
    }
    lines.push(row("E12000001", Math.round(480_000 * (0.24 + 0.004 * y)), 480_000));
    lines.push(row("E92000001", Math.round(10_600_000 * (0.185 + 0.003 * y)), 10_600_000));
  }
  return `${lines.join("\n")}\n`;
}

async function load(db: Db, audit: AuditContext, kind: string, name: string, content: string, options = {}) {
  const report = await runImport(db, {
    importer: importerFor(kind)!,
    file: sourceFromBytes(name, Buffer.from(content)),
    options,
    dryRun: false,
    audit,
  });
  if (!report.ok) throw new Error(`demo ${name} did not import: ${report.errors.map((e) => e.message).join("; ")}`);
}

/** Darlington's small areas and their fictional values, unless already there. */
export async function seedSmallAreaDemo(db: Db, audit: AuditContext): Promise<void> {
  if (await findIndicator(db, DEMO_SMALL_AREA_SLUG)) return;
  await load(db, audit, "lsoa-lookup", "darlington-lsoa-lookup.csv", demoSmallAreaLookup());
  await load(db, audit, "tidy", "fictional-demo-small-areas.csv", demoSmallAreaFile(), {
    publisher: PUBLISHER,
    dataset: DATASET,
    disclosure: "none",
  });
}

/** The partnership's three localities, unless it has localities already. Returns them by name. */
export async function seedLocalitiesDemo(db: Db, audit: AuditContext, partnership: { id: string; areaCode: string }) {
  if (partnership.areaCode !== DEMO_SMALL_AREA_AUTHORITY) return [];
  if ((await partnershipLocalities(db, partnership.id)).length === 0)
    for (const locality of DEMO_LOCALITIES) {
      const codes = DARLINGTON_SMALL_AREAS.filter((area) => locality.msoas.includes(area.msoa)).map((a) => a.code);
      await saveLocality(
        db,
        audit,
        partnership,
        { name: locality.name, description: locality.description, codes: codes.join(" "), areas: [] },
        null,
      );
    }
  return partnershipLocalities(db, partnership.id);
}
