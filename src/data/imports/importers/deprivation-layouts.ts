/**
 * The layouts of the English indices of deprivation, in every edition: IoD2015 and IoD2019 by
 * LSOA (2011), IoD2025 by LSOA (2021), told apart by the LSOA and authority columns' years
 * ("LSOA code (2011)", "Local Authority District code (2019)"). Files 1–7 (ranks, deciles,
 * scores, population denominators) and the underlying indicators file.
 */
import type { IndicatorDraft } from "../../indicators/index.ts";
import { boundedSlug, slugify } from "../cells.ts";
import { type CsvTable, normaliseHeader } from "../csv-table.ts";
import type { WideColumn, WideSpec } from "../wide-core.ts";

export const OGL = "Open Government Licence v3.0";

const IOD_URLS: Record<number, string> = {
  2015: "https://www.gov.uk/government/statistics/english-indices-of-deprivation-2015",
  2019: "https://www.gov.uk/government/statistics/english-indices-of-deprivation-2019",
  2025: "https://www.gov.uk/government/statistics/english-indices-of-deprivation-2025",
};

export function iodSource(release: number) {
  return {
    publisher: "Ministry of Housing, Communities and Local Government",
    dataset: `English Indices of Deprivation ${release}`,
    sourceUrl: IOD_URLS[release] ?? "https://www.gov.uk/government/collections/english-indices-of-deprivation",
    licence: OGL,
  };
}

export function humanise(column: string): string {
  const text = column.replace(/_/g, " ").replace(/\s+/g, " ").trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Index of Multiple Deprivation (IMD)" → imd; "Income" → income; "IMD 2019" → imd. */
export function domainSlug(name: string): string {
  const acronym = /\(([A-Z]{2,})\)/.exec(name)?.[1];
  if (acronym) return acronym.toLowerCase();
  const bare = name.replace(/\b(19|20)\d{2}\b/g, "").trim();
  return /^[A-Z]{2,}$/.test(bare) ? bare.toLowerCase() : slugify(bare);
}

/** The release a file belongs to: stated by the uploader, else told by its columns' years. */
export function iodRelease(table: CsvTable, given: number | undefined): { release: number; vintage: number } | null {
  const lsoa = table.header.map((h) => /^LSOA code \((\d{4})\)$/i.exec(h.trim())).find(Boolean);
  const indicators = table.header.map((h) => /^lsoa(\d{2})_code$/i.exec(h.trim())).find(Boolean);
  const vintage = lsoa ? Number(lsoa[1]) : indicators ? 2000 + Number(indicators[1]) : null;
  if (!vintage) return null;
  const lad = table.header.map((h) => /district code \((\d{4})\)$/i.exec(h.trim())).find(Boolean);
  const byLad: Record<string, number> = { "2013": 2015, "2015": 2015, "2019": 2019 };
  const release =
    given ?? (lad ? (byLad[lad[1]!] ?? (Number(lad[1]) >= 2023 ? 2025 : 2019)) : vintage >= 2021 ? 2025 : 2019);
  return { release, vintage };
}

/** Files 1–5, 7: "Income Deprivation Affecting Children Index (IDACI) Rank (where 1 is most deprived)". */
function rankColumns(table: CsvTable, release: number): WideColumn[] {
  const out: WideColumn[] = [];
  const source = iodSource(release);
  for (const column of table.header) {
    const m = /^(.*?)\s+(Rank|Decile|Score)\b(.*)$/i.exec(column);
    if (!m) continue;
    const name = m[1]!.trim();
    const measure = m[2]!.toLowerCase() as "rank" | "decile" | "score";
    const indicator: IndicatorDraft = {
      slug: boundedSlug(`iod${release}-${domainSlug(name)}-${measure}`),
      title: `${name} ${measure} (IoD${release})`,
      definition: `${column}. Ranks run from 1 (most deprived) across the ${table.rows.length.toLocaleString("en-GB")} LSOAs in England.`,
      ...source,
      unit: measure === "score" ? "score" : measure,
      polarity: measure === "score" ? "higher-is-worse" : "higher-is-better",
      tags: /\(IDACI\)/.test(name)
        ? { buildingBlocks: ["financial-support"], drivers: ["income-from-social-security"] }
        : { topics: ["deprivation"] },
    };
    out.push({ column, indicator });
  }
  return out;
}

/** File 6: population denominators, "Dependent Children aged 0-15: mid 2015 (excluding prisoners)". */
function denominatorColumns(table: CsvTable, release: number): WideColumn[] {
  const source = iodSource(release);
  return table.header
    .filter((column) => /excluding prisoners/i.test(column))
    .map((column) => {
      const name = column.split(":")[0]!.trim();
      const year = /mid[- ](\d{4})/i.exec(column)?.[1] ?? "";
      return {
        column,
        indicator: {
          slug: boundedSlug(`iod${release}-population-${slugify(name)}`),
          title: `${name} (IoD${release} denominator${year ? `, mid-${year}` : ""})`,
          definition: column,
          ...source,
          dataset: `${source.dataset}: File 6 population denominators`,
          unit: "count" as const,
          polarity: "neither" as const,
          tags: { topics: ["population"] },
        },
      };
    });
}

/** The underlying indicators file: lsoa11_code + one column per indicator. */
function indicatorColumns(table: CsvTable, codeColumn: string, release: number): WideColumn[] {
  const source = iodSource(release);
  return table.header
    .filter((column) => normaliseHeader(column) !== normaliseHeader(codeColumn) && column !== "")
    .map((column) => {
      const isCount = /numerator$/.test(column);
      const ratePer = /rate_per_1000/.test(column) ? 1000 : null;
      const indicator: IndicatorDraft = {
        slug: boundedSlug(
          `iod${release}-${slugify(column.replace(/_indicator(?=_|$)/, "").replace(/_component_of_[a-z_]+$/, ""))}`,
        ),
        title: `${humanise(column)} (IoD${release})`,
        definition: `IoD${release} underlying indicator "${column}".`,
        ...source,
        dataset: `${source.dataset}: underlying indicators`,
        unit: isCount ? "count" : ratePer ? "rate" : "score",
        ratePer,
        polarity: "higher-is-worse",
        tags: /idaci/.test(column)
          ? { buildingBlocks: ["financial-support"], drivers: ["income-from-social-security"] }
          : { topics: ["deprivation"] },
      };
      return { column, indicator };
    });
}

/** Picks the IoD file layout from its header row. */
export function iodLayout(table: CsvTable, period: string | undefined, release?: number): WideSpec | string {
  const edition = iodRelease(table, release);
  const lsoaColumn = table.header.find((h) => /^LSOA code \(\d{4}\)$/i.test(h.trim()));
  if (edition && lsoaColumn) {
    const denominators = denominatorColumns(table, edition.release);
    const ranks = rankColumns(table, edition.release);
    if (denominators.length > 0 || ranks.length > 0) {
      const year = /mid[- ](\d{4})/i.exec(denominators[0]?.column ?? "")?.[1];
      return {
        codeColumn: lsoaColumn,
        // Ranks are of the release; denominators of their mid-year estimate.
        period: period ?? (ranks.length === 0 && year ? year : String(edition.release)),
        columns: [...ranks, ...denominators],
        areaTypes: ["lsoa"],
        vintage: edition.vintage,
      };
    }
  }
  const indicatorsColumn = table.header.find((h) => /^lsoa\d{2}_code$/i.test(h.trim()));
  if (edition && indicatorsColumn) {
    return {
      codeColumn: indicatorsColumn,
      period: period ?? String(edition.release),
      columns: indicatorColumns(table, indicatorsColumn, edition.release),
      areaTypes: ["lsoa"],
      vintage: edition.vintage,
    };
  }
  return 'this is not an English indices of deprivation file this importer knows: expected an "LSOA code (2011)" or "LSOA code (2021)" column with rank, decile, score or population columns (Files 1–7), or an "lsoa11_code" column (underlying indicators)';
}
