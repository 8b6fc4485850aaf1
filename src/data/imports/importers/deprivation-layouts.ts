import type { IndicatorDraft } from "../../indicators/index.ts";
import { slugify } from "../cells.ts";
import { type CsvTable, normaliseHeader } from "../csv-table.ts";
import type { WideColumn, WideSpec } from "../wide-core.ts";

const OGL = "Open Government Licence v3.0";
const IOD = {
  publisher: "Ministry of Housing, Communities and Local Government",
  dataset: "English Indices of Deprivation 2019",
  sourceUrl: "https://www.gov.uk/government/statistics/english-indices-of-deprivation-2019",
  licence: OGL,
};
const SIMD = {
  publisher: "Scottish Government",
  dataset: "Scottish Index of Multiple Deprivation 2020",
  sourceUrl: "https://www.gov.scot/collections/scottish-index-of-multiple-deprivation-2020/",
  licence: OGL,
};

function humanise(column: string): string {
  const text = column.replace(/_/g, " ").replace(/\s+/g, " ").trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** IoD File 3-style rank/decile/score columns: "Income Deprivation Affecting Children Index (IDACI) Rank (where 1 is most deprived)". */
function iodRankColumns(table: CsvTable): WideColumn[] {
  const out: WideColumn[] = [];
  for (const column of table.header) {
    const m = /^(.*?)\s+(Rank|Decile|Score)\b(.*)$/i.exec(column);
    if (!m) continue;
    const name = m[1]!.trim();
    const measure = m[2]!.toLowerCase() as "rank" | "decile" | "score";
    const acronym = /\(([A-Z]{2,})\)/.exec(name)?.[1];
    const slug = `iod2019-${acronym ? acronym.toLowerCase() : slugify(name)}-${measure}`;
    const unit = measure === "score" ? "score" : measure;
    const indicator: IndicatorDraft = {
      slug,
      title: `${name} ${measure} (IoD2019)`,
      definition: `${column}. Ranks run from 1 (most deprived) across the ${table.rows.length.toLocaleString("en-GB")} LSOAs in England.`,
      ...IOD,
      unit,
      polarity: measure === "score" ? "higher-is-worse" : "higher-is-better",
      tags:
        acronym === "IDACI"
          ? { buildingBlocks: ["financial-support"], drivers: ["income-from-social-security"] }
          : { topics: ["deprivation"] },
    };
    out.push({ column, indicator });
  }
  return out;
}

/** File 6: population denominators, "Dependent Children aged 0-15: mid 2015 (excluding prisoners)". */
function iodDenominatorColumns(table: CsvTable): WideColumn[] {
  return table.header
    .filter((column) => /excluding prisoners/i.test(column))
    .map((column) => {
      const name = column.split(":")[0]!.trim();
      return {
        column,
        indicator: {
          slug: `iod2019-population-${slugify(name)}`.slice(0, 80),
          title: `${name} (IoD2019 denominator, mid-2015)`,
          definition: column,
          ...IOD,
          dataset: `${IOD.dataset}: File 6 population denominators`,
          unit: "count" as const,
          polarity: "neither" as const,
          tags: { topics: ["population"] },
        },
      };
    });
}

function iodIndicatorColumns(table: CsvTable, codeColumn: string): WideColumn[] {
  return table.header
    .filter((column) => normaliseHeader(column) !== normaliseHeader(codeColumn) && column !== "")
    .map((column) => {
      const isCount = /numerator$/.test(column);
      const ratePer = /rate_per_1000/.test(column) ? 1000 : null;
      const indicator: IndicatorDraft = {
        slug: `iod2019-${slugify(column.replace(/_indicator(?=_|$)/, "").replace(/_component_of_[a-z_]+$/, ""))}`.slice(
          0,
          80,
        ),
        title: `${humanise(column)} (IoD2019)`,
        definition: `IoD2019 underlying indicator "${column}".`,
        ...IOD,
        dataset: `${IOD.dataset}: underlying indicators`,
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
export function iodLayout(table: CsvTable, period: string | undefined): WideSpec | string {
  if (table.has("LSOA code (2011)")) {
    const denominators = iodDenominatorColumns(table);
    if (denominators.length > 0) {
      const year = /mid[- ](\d{4})/i.exec(denominators[0]!.column)?.[1] ?? "2015";
      return { codeColumn: "LSOA code (2011)", period: period ?? year, columns: denominators, areaTypes: ["lsoa"] };
    }
    const ranks = iodRankColumns(table);
    if (ranks.length > 0)
      return { codeColumn: "LSOA code (2011)", period: period ?? "2019", columns: ranks, areaTypes: ["lsoa"] };
  }
  if (table.has("lsoa11_code")) {
    return {
      codeColumn: "lsoa11_code",
      period: period ?? "2019",
      columns: iodIndicatorColumns(table, "lsoa11_code"),
      areaTypes: ["lsoa"],
    };
  }
  return 'this is not an IoD2019 file this importer knows: expected a "LSOA code (2011)" column with rank/decile/score or population columns (Files 1–6), or an "lsoa11_code" column (underlying indicators)';
}

const SIMD_RANK = /_(Rank|Vigintile|Decile|Quintile)$/i;

const SIMD_RATES: Record<string, { count: string; denominator: string; title: string }> = {
  income_rate: {
    count: "Income_count",
    denominator: "Total_population",
    title: "Income deprived (share of population)",
  },
  employment_rate: {
    count: "Employment_count",
    denominator: "Working_age_population",
    title: "Employment deprived (share of working-age population)",
  },
};

/** SIMD ranks file ("DZ", "SIMD2020v2_Rank" …) or indicators file ("dz11_code", "Income_rate" …). */
export function simdLayout(table: CsvTable, period: string | undefined): WideSpec | string {
  if (table.has("DZ") && table.header.some((c) => SIMD_RANK.test(c))) {
    const columns: WideColumn[] = table.header
      .filter((c) => SIMD_RANK.test(c) || /^(Population|Working_Age_Population)$/i.test(c))
      .map((column) => {
        const measure = SIMD_RANK.exec(column)?.[1]?.toLowerCase();
        const unit = measure === "rank" ? "rank" : measure ? "decile" : "count";
        const slug = measure ? slugify(column) : `simd2020v2-${slugify(column)}`;
        return {
          column,
          indicator: {
            slug,
            title: `${humanise(column)}`,
            definition: measure
              ? `${column}: 1 is the most deprived of Scotland's 6,976 data zones.`
              : `${column} (SIMD 2020v2 ranks file).`,
            ...SIMD,
            unit,
            polarity: measure ? ("higher-is-better" as const) : ("neither" as const),
            tags: { topics: ["deprivation"] },
          },
        };
      });
    return { codeColumn: "DZ", period: period ?? "2020", columns, areaTypes: ["lsoa"] };
  }
  if (table.has("dz11_code")) {
    const columns: WideColumn[] = table.header
      .filter((column) => normaliseHeader(column) !== "dz11_code" && column !== "")
      .map((column) => {
        const rate = SIMD_RATES[column.toLowerCase()];
        const isCount = /(_count|population)$/i.test(column);
        return {
          column,
          numeratorColumn: rate && table.has(rate.count) ? rate.count : undefined,
          denominatorColumn: rate && table.has(rate.denominator) ? rate.denominator : undefined,
          indicator: {
            slug: `simd2020-${slugify(column)}`,
            title: rate ? `${rate.title} (SIMD 2020)` : `${humanise(column)} (SIMD 2020 indicator)`,
            definition: `SIMD 2020 indicator "${column}".`,
            ...SIMD,
            unit: rate ? "proportion" : isCount ? "count" : "score",
            polarity: rate || /_count$/i.test(column) ? "higher-is-worse" : "neither",
            tags: rate
              ? {
                  drivers:
                    column.toLowerCase() === "income_rate"
                      ? ["income-from-social-security"]
                      : ["income-from-employment"],
                }
              : {},
          },
        };
      });
    return { codeColumn: "dz11_code", period: period ?? "2020", columns, areaTypes: ["lsoa"] };
  }
  return 'this is not a SIMD file this importer knows: expected a "DZ" column with SIMD ranks, or a "dz11_code" column (indicators)';
}
