/**
 * The local authority summaries of the English indices (IoD2019 File 10 by district, File 11
 * by upper tier; IoD2015 and IoD2025 alike): per authority and per domain the average rank, the
 * average score, the proportion of its LSOAs in the most deprived 10% nationally, extent, local
 * concentration, and the rank of each ("IMD - Average rank", "Income - Rank of extent" …). The
 * proportion in the most deprived 10% is the same indicator as the one worked out from the LSOA
 * deciles (deprivation-derived.ts), so the published figure takes its place.
 */
import type { IndicatorDraft } from "../../indicators/index.ts";
import type { CsvTable } from "../csv-table.ts";
import type { WideColumn, WideSpec } from "../wide-core.ts";
import { domainSlug, iodSource } from "./deprivation-layouts.ts";
import { shareSlug } from "./deprivation-derived.ts";
import { boundedSlug } from "../cells.ts";

const MEASURES: { test: RegExp; slug: string; unit: IndicatorDraft["unit"]; polarity: IndicatorDraft["polarity"] }[] = [
  {
    test: /^rank of proportion of lsoas in most deprived 10% nationally$/i,
    slug: "rank-of-proportion-most-deprived-10",
    unit: "rank",
    polarity: "higher-is-better",
  },
  {
    test: /^proportion of lsoas in most deprived 10% nationally$/i,
    slug: "proportion-most-deprived-10",
    unit: "proportion",
    polarity: "higher-is-worse",
  },
  { test: /^rank of average rank$/i, slug: "rank-of-average-rank", unit: "rank", polarity: "higher-is-better" },
  { test: /^average rank$/i, slug: "average-rank", unit: "score", polarity: "higher-is-better" },
  { test: /^rank of average score$/i, slug: "rank-of-average-score", unit: "rank", polarity: "higher-is-better" },
  { test: /^average score$/i, slug: "average-score", unit: "score", polarity: "higher-is-worse" },
  { test: /^rank of extent$/i, slug: "rank-of-extent", unit: "rank", polarity: "higher-is-better" },
  { test: /^extent$/i, slug: "extent", unit: "proportion", polarity: "higher-is-worse" },
  {
    test: /^rank of local concentration$/i,
    slug: "rank-of-local-concentration",
    unit: "rank",
    polarity: "higher-is-better",
  },
  { test: /^local concentration$/i, slug: "local-concentration", unit: "score", polarity: "higher-is-better" },
];

export function iodSummaryLayout(table: CsvTable, period: string | undefined, release?: number): WideSpec | string {
  const code = table.header.find((h) => /^(upper tier )?local authority district code \(\d{4}\)$/i.test(h.trim()));
  const columns: WideColumn[] = [];
  const year = code ? Number(/\((\d{4})\)/.exec(code)![1]) : 0;
  const edition = release ?? (year === 2013 || year === 2015 ? 2015 : year >= 2023 ? 2025 : 2019);
  const source = iodSource(edition);
  for (const column of table.header) {
    const m = /^(.+?)\s+-\s+(.+)$/.exec(column.trim());
    if (!m) continue;
    const measure = MEASURES.find((candidate) => candidate.test.test(m[2]!.trim()));
    if (!measure) continue;
    const domain = domainSlug(m[1]!.trim());
    const slug =
      measure.slug === "proportion-most-deprived-10"
        ? shareSlug(`iod${edition}-${domain}-decile`)
        : `iod${edition}-${domain}-${measure.slug}`;
    columns.push({
      column,
      indicator: {
        slug: boundedSlug(slug),
        title:
          measure.slug === "proportion-most-deprived-10"
            ? `${m[1]!.trim()} (IoD${edition}): share of LSOAs in the most deprived 10% nationally`
            : `${m[1]!.trim()} (IoD${edition}): ${m[2]!.trim().toLowerCase()}`,
        definition: `${column.trim()}, from the IoD${edition} local authority summaries (rank 1 is the most deprived authority).`,
        ...source,
        dataset: `${source.dataset}: local authority summaries`,
        unit: measure.unit,
        polarity: measure.polarity,
        tags: { topics: ["deprivation"] },
      },
    });
  }
  if (!code || columns.length === 0)
    return 'this is not an indices of deprivation local authority summary this importer knows: expected a "Local Authority District code (2019)" column and columns like "IMD - Average rank"';
  return {
    codeColumn: code,
    period: period ?? String(edition),
    columns,
    areaTypes: ["local-authority", "county"],
  };
}
