/** Turns an AreaOverview into what the page shows (a spine chart and a table per group) and the CSV. */
import { areaTypeLabels } from "../geography/index.ts";
import { renderCached, type SpineRow, spineChart } from "../../lib/charts/index.ts";
import {
  FLAG,
  type IndicatorRow,
  normaliseRule,
  type ObservationValue,
  SMALL_COUNT_NOTE,
} from "../indicators/index.ts";
import type { Benchmark } from "./analysis.ts";
import type { AreaOverview, OverviewRow } from "./overview-service.ts";
import { SPREAD_METHOD } from "./overview-stats.ts";
import { periodLabel, referenceText } from "./profile-view.ts";

const POLARITY_TEXT = {
  "higher-is-better": "Higher is better",
  "higher-is-worse": "Higher is worse",
  neither: "No better or worse",
} as const;

export const OVERVIEW_METHOD = [
  "Each indicator is shown for its newest period with a figure for the area; the region, the nation and the comparable areas are for the same period.",
  "Comparable areas are all areas of the same type in the same nation with a value for that period. Lowest, 25th percentile, median, 75th percentile and highest are of their values, the area included; suppressed and missing values are left out, never counted as zero, and no spread is shown with fewer than 5 values.",
  SPREAD_METHOD,
  "Compared with the nation by 95% intervals: better or worse when the area's interval (its confidence limits as published, or a Wilson score interval from its numerator and denominator for percentages) does not include the nation's value, similar when it does. Without an interval, or for counts (they follow population size) and indicators with no better or worse direction, the area is not compared and the reason is given.",
  "In the chart each row has its own scale: the nation's value is the centre line and the furthest value from it reaches the edge. Where an indicator has a better direction, better is to the right; where it has none, higher is to the right. Counts are drawn among the comparable areas only, centred on their median: a nation's or region's count is not on the scale of one area's. With no national value a row is centred on the median too, and has no centre line.",
];

function resultText(result: Benchmark): string {
  if (result.result === "not compared") return `Not compared: ${result.note}`;
  return `${result.result[0]!.toUpperCase()}${result.result.slice(1)} (${result.method})`;
}

function spreadTexts(row: OverviewRow): string[] {
  const s = row.spread;
  if (!s) return [`[x] Not shown: ${row.spreadNote}`, "[x]", "[x]", "[x]", "[x]"];
  return [s.min, s.q1, s.median, s.q3, s.max].map((v) => referenceText(row.indicator, { value: v, flags: 0 }));
}

function sourceOf(indicator: IndicatorRow): string {
  return [indicator.publisher, indicator.dataset].filter(Boolean).join(", ") || "Source not recorded";
}

function spineRow(row: OverviewRow): SpineRow {
  const s = row.spread;
  // A nation's or region's count is not on one area's scale: counts are drawn among comparable areas only.
  const count = row.indicator.unit === "count";
  return {
    label: row.indicator.title,
    centre: count ? null : (row.nation?.value ?? null),
    range: s ? { min: s.min, q1: s.q1, median: s.median, q3: s.q3, max: s.max } : null,
    area: row.area.value,
    region: count ? null : (row.region?.value ?? null),
    notDrawn: count
      ? "Not drawn: a count is set only among comparable areas; too few have a value"
      : "Not drawn: no national value, and too few comparable areas",
    result: row.comparison.result,
    higherIsBetter: row.polarity === "neither" ? null : row.polarity === "higher-is-better",
  };
}

function counts(rows: readonly OverviewRow[]): string {
  const n = (result: string) => rows.filter((r) => r.comparison.result === result).length;
  return `${n("better")} better, ${n("similar")} similar, ${n("worse")} worse and ${n("not compared")} not compared`;
}

export function overviewView(overview: AreaOverview) {
  const { area, region, nation } = overview;
  if (!area) return { area: null, groups: [], method: OVERVIEW_METHOD, withoutValues: overview.withoutValues };
  const typeLabel = (areaTypeLabels as Record<string, string>)[area.type] ?? area.type;
  const nationName = nation?.name ?? "the nation";
  const columns = [
    "Indicator",
    "Period",
    "Direction",
    area.name,
    region ? `${region.name} (region)` : "Region",
    `${nationName} (nation)`,
    "Lowest",
    "25th percentile",
    "Median",
    "75th percentile",
    "Highest",
    `${area.name} compared with ${nationName}`,
  ];
  const groups = overview.groups.map((group) => {
    const input = {
      title: `${group.name}: ${area.name} against ${region ? `${region.name}, ` : ""}${nationName} and comparable areas`,
      description: `${group.rows.length} indicator${group.rows.length === 1 ? "" : "s"} in their latest periods: ${counts(group.rows)} compared with ${nationName}. The table after the chart gives every value.`,
      rows: group.rows.map(spineRow),
    };
    const chart = renderCached("spine", [JSON.stringify(input)], () => spineChart(input));
    return {
      name: group.name,
      id: `group-${group.name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`,
      chart: { svg: chart.svg, summary: input.description },
      rows: group.rows.map((row) => ({
        cells: [
          row.indicator.title,
          periodLabel(row.periodCode),
          POLARITY_TEXT[row.polarity],
          referenceText(row.indicator, row.area),
          region ? referenceText(row.indicator, row.region) : "No region",
          nation ? referenceText(row.indicator, row.nation) : "No nation",
          ...spreadTexts(row),
          resultText(row.comparison),
        ],
        result: row.comparison.result,
        spreadAreas: row.spread?.areas ?? null,
      })),
      sources: group.rows.map((row) => ({
        title: row.indicator.title,
        source: sourceOf(row.indicator),
        url: row.indicator.sourceUrl,
        releaseDate: row.indicator.releaseDate,
      })),
    };
  });
  const smallCount = overview.groups.some((g) =>
    g.rows.some((row) => normaliseRule(row.indicator.disclosureRule) === "small-count"),
  );
  return {
    area: { code: area.code, name: area.name, type: typeLabel },
    /** Said when any row is under the small-count rule (overview-disclosure.ts). */
    disclosureNote: smallCount ? SMALL_COUNT_NOTE : null,
    regionName: region?.name ?? null,
    nationName,
    columns,
    groups,
    method: OVERVIEW_METHOD,
    withoutValues: overview.withoutValues,
  };
}

/** A value in the CSV: the number itself, or the marker for why there is none — never a blank read as 0. */
function csvValue(value: ObservationValue | null): number | string {
  if (!value) return "[x]";
  if (value.value === null) return (value.flags & FLAG.suppressed) !== 0 ? "[c]" : "[x]";
  return value.value;
}

export const OVERVIEW_CSV_HEADER = [
  "Group",
  "Indicator",
  "Unit",
  "Direction",
  "Period",
  "Area",
  "Area value",
  "Area value provisional",
  "Region",
  "Region value",
  "Nation",
  "Nation value",
  "Comparable areas with a value",
  "Lowest",
  "25th percentile",
  "Median",
  "75th percentile",
  "Highest",
  "Compared with nation",
  "Comparison method",
  "Comparison note",
  "Source",
];

export function overviewCsvRows(overview: AreaOverview): (string | number)[][] {
  const { area, region, nation } = overview;
  if (!area) return [];
  return overview.groups.flatMap((group) =>
    group.rows.map((row) => {
      const s = row.spread;
      return [
        group.name,
        row.indicator.title,
        row.indicator.unit === "rate" && row.indicator.ratePer
          ? `rate per ${row.indicator.ratePer}`
          : row.indicator.unit,
        POLARITY_TEXT[row.polarity],
        periodLabel(row.periodCode),
        area.name,
        csvValue(row.area),
        (row.area.flags & FLAG.provisional) !== 0 ? "yes" : "no",
        region?.name ?? "",
        region ? csvValue(row.region) : "",
        nation?.name ?? "",
        nation ? csvValue(row.nation) : "",
        s ? s.areas : "fewer than 5",
        ...(s ? [s.min, s.q1, s.median, s.q3, s.max] : ["[x]", "[x]", "[x]", "[x]", "[x]"]),
        row.comparison.result,
        row.comparison.method,
        row.comparison.note,
        sourceOf(row.indicator),
      ];
    }),
  );
}
