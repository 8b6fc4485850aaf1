/**
 * The Scottish and Welsh indices as published:
 * - SIMD ranks files of any edition ("SIMD2020v2_Rank", "SIMD2020_Employment_Domain_Rank",
 *   "Overall_SIMD16_rank" …): each column keeps its own edition in its identifier, so 2020v2
 *   (revised income and overall ranks) is never mixed with 2020; deciles worked out from the
 *   overall rank when the file has none; and the SIMD indicators file (dz11_code …).
 * - WIMD scores or ranks by LSOA ("WIMD 2019", "Income" …; header cells often carry trailing
 *   spaces): ranks and deciles worked out from the scores when the file has only scores.
 */
import type { IndicatorDraft } from "../../indicators/index.ts";
import { boundedSlug, slugify } from "../cells.ts";
import { type CsvTable, normaliseHeader } from "../csv-table.ts";
import type { WideColumn, WideSpec } from "../wide-core.ts";
import { humanise, OGL } from "./deprivation-layouts.ts";

function simdSource(edition: string) {
  const year = edition.slice(0, 4);
  return {
    publisher: "Scottish Government",
    dataset: `Scottish Index of Multiple Deprivation ${edition}`,
    sourceUrl: `https://www.gov.scot/collections/scottish-index-of-multiple-deprivation-${year}/`,
    licence: OGL,
  };
}

const SIMD_MEASURE = /(rank|vigintile|decile|quintile)$/i;
const SIMD_TOKEN = /SIMD_?(\d{4}|\d{2})(v\d+)?/i;

/** "SIMD2020v2_Rank" → 2020v2; "Overall_SIMD16_rank" → 2016; null when the column names no edition. */
function simdEdition(column: string): string | null {
  const m = SIMD_TOKEN.exec(column);
  if (!m) return null;
  const year = m[1]!.length === 2 ? `20${m[1]}` : m[1]!;
  return `${year}${(m[2] ?? "").toLowerCase()}`;
}

const DZ_COLUMNS = ["DZ", "Data_Zone", "DataZone", "Data Zone", "DZ2011_Code", "dz11_code"];

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

export function simdLayout(table: CsvTable, period: string | undefined, edition?: string): WideSpec | string {
  const dz = DZ_COLUMNS.find((c) => table.has(c) && normaliseHeader(c) !== "dz11_code");
  const ranked = table.header.filter((c) => SIMD_MEASURE.test(c.trim()));
  if (dz && ranked.length > 0) {
    const fileEdition = edition ?? ranked.map(simdEdition).find(Boolean) ?? "2020";
    const columns: WideColumn[] = table.header
      .filter((c) => SIMD_MEASURE.test(c.trim()) || /^(total_?)?(population|working_age_population)$/i.test(c.trim()))
      .map((column) => {
        const measure = SIMD_MEASURE.exec(column.trim())?.[1]?.toLowerCase();
        const own = simdEdition(column) ?? fileEdition;
        // "SIMD2020v2_Income_Domain_Rank" → simd2020v2-income-domain-rank; "Overall_SIMD16_rank" → simd2016-rank.
        // Public Health Scotland's lookup says "SIMD2020V2CountryDecile" for gov.scot's "SIMD2020v2_Decile":
        // the same measure, so the same identifier (its within-board and council deciles stay apart).
        const rest = slugify(
          column
            .replace(SIMD_TOKEN, "")
            .replace(/_?20\d\d_?/g, "_")
            .replace(/^_?Country(?=(Vigintile|Decile|Quintile)$)/i, ""),
        ).replace(/^overall-/, "");
        return {
          column,
          indicator: {
            slug: `simd${own}-${rest}`,
            title: `${humanise(column)} (SIMD ${own})`,
            definition: measure
              ? `${column}: 1 is the most deprived of Scotland's ${table.rows.length.toLocaleString("en-GB")} data zones (SIMD ${own}).`
              : `${column} (SIMD ${own} ranks file).`,
            ...simdSource(own),
            unit: measure === "rank" ? "rank" : measure ? "decile" : "count",
            polarity: measure ? ("higher-is-better" as const) : ("neither" as const),
            tags: { topics: ["deprivation"] },
          } satisfies IndicatorDraft,
        };
      });
    return { codeColumn: dz, period: period ?? fileEdition.slice(0, 4), columns, areaTypes: ["lsoa"], vintage: 2011 };
  }
  const code = table.header.find((h) => /^dz\d{2}_code$/i.test(h.trim()));
  if (code) {
    const fileEdition = edition ?? "2020";
    const columns: WideColumn[] = table.header
      .filter((column) => normaliseHeader(column) !== normaliseHeader(code) && column !== "")
      .map((column) => {
        const rate = SIMD_RATES[column.toLowerCase()];
        const isCount = /(_count|population)$/i.test(column);
        return {
          column,
          numeratorColumn: rate && table.has(rate.count) ? rate.count : undefined,
          denominatorColumn: rate && table.has(rate.denominator) ? rate.denominator : undefined,
          indicator: {
            slug: boundedSlug(`simd${fileEdition}-${slugify(column)}`),
            title: rate ? `${rate.title} (SIMD ${fileEdition})` : `${humanise(column)} (SIMD ${fileEdition} indicator)`,
            definition: `SIMD ${fileEdition} indicator "${column}".`,
            ...simdSource(fileEdition),
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
          } satisfies IndicatorDraft,
        };
      });
    const vintage = 2000 + Number(/(\d{2})_code$/i.exec(code)![1]);
    return { codeColumn: code, period: period ?? fileEdition.slice(0, 4), columns, areaTypes: ["lsoa"], vintage };
  }
  return 'this is not a SIMD file this importer knows: expected a data zone column ("DZ", "Data_Zone") with SIMD ranks, or a "dz11_code" column (indicators)';
}

export interface WimdLayout extends WideSpec {
  release: number;
  /** True when the file gives ranks, false for scores (then ranks and deciles are worked out). */
  ranks: boolean;
}

const WIMD_DOMAINS = [
  "income",
  "employment",
  "health",
  "education",
  "access to services",
  "housing",
  "community safety",
  "physical environment",
];

export function wimdLayout(table: CsvTable, period: string | undefined, release?: number): WimdLayout | string {
  const code = table.header.find((h) => /^lsoa code( \(\d{4}\))?$/i.test(h.trim()));
  const overall = table.header.find((h) => /^wimd ?(\d{4})\b/i.test(h.trim()));
  if (!code || !overall)
    return 'this is not a WIMD file this importer knows: expected an "LSOA code" column and a "WIMD 2019" (or later) column';
  const year = release ?? Number(/(\d{4})/.exec(overall)![1]);
  const domains = table.header.filter((h) => WIMD_DOMAINS.some((d) => normaliseHeader(h).startsWith(d)));
  // Ranks: said so in the header, or whole numbers 1 … n, each once.
  const sample = table.rows.map((r) => r.cells[table.header.indexOf(overall)]?.trim() ?? "");
  const whole = sample.every((v) => /^\d+$/.test(v));
  const ranks =
    /rank/i.test(overall) ||
    (whole && new Set(sample).size === sample.length && Math.max(...sample.map(Number)) <= sample.length);
  const measure = ranks ? "rank" : "score";
  const source = {
    publisher: "Welsh Government",
    dataset: `Welsh Index of Multiple Deprivation ${year}`,
    sourceUrl: "https://www.gov.wales/welsh-index-multiple-deprivation",
    licence: OGL,
  };
  const columns: WideColumn[] = [overall, ...domains].map((column) => {
    const name = column === overall ? "" : `${slugify(column.replace(/\b(score|rank)\b/gi, ""))}-`;
    const label =
      column === overall ? `WIMD ${year} overall` : `WIMD ${year} ${humanise(column.trim()).toLowerCase()} domain`;
    return {
      column,
      indicator: {
        slug: boundedSlug(`wimd${year}-${name}${measure}`),
        title: `${label} ${measure}`,
        definition: ranks
          ? `${column.trim()}: rank of the LSOA in Wales, 1 the most deprived (WIMD ${year}).`
          : `${column.trim()}: the LSOA's WIMD ${year} score, higher is more deprived; scores are published to one decimal place.`,
        ...source,
        unit: measure,
        polarity: ranks ? "higher-is-better" : "higher-is-worse",
        tags: { topics: ["deprivation"] },
      } satisfies IndicatorDraft,
    };
  });
  return {
    codeColumn: code,
    period: period ?? String(year),
    columns,
    areaTypes: ["lsoa"],
    vintage: year >= 2025 ? 2021 : 2011,
    release: year,
    ranks,
  };
}
