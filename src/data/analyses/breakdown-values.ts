/**
 * Values by breakdown (family type, age, sex …): for each indicator, each dimension's values in
 * its own latest period, beside the area's figure for that period, as a chart and its table.
 * Read from the area's values already fetched (valuesForArea: released values only), for the
 * indicators in the reader's catalogue only, with the indicator's disclosure rule applied to the
 * breakdown and the total as one additive set (counts), so a withheld cell cannot be worked out.
 */
import type { Executor } from "../../kernel/db/database.ts";
import {
  type ChartResult,
  type ComparisonChartInput,
  comparisonChart,
  type DataTable,
  formatValue,
  MARKER_NOTES,
  renderCached,
} from "../../lib/charts/index.ts";
import {
  applyDisclosure,
  breakdownLabels,
  cellFor,
  FLAG,
  type IndicatorRow,
  normaliseRule,
  type ObservationValue,
  parsePeriod,
  SMALL_COUNT_NOTE,
  shownFor,
} from "../indicators/index.ts";

export interface BreakdownSet {
  dimension: string;
  periodCode: string;
  /** The area's figure (no breakdown) in the same period, when there is one. */
  total: BreakdownCell | null;
  rows: BreakdownCell[];
  disclosureRule: "none" | "small-count";
}

export interface BreakdownCell {
  label: string;
  value: number | null;
  suppressed: boolean;
  provisional: boolean;
}

/** By indicator slug: its breakdown dimensions, each in its latest period. */
export async function loadBreakdowns(
  db: Executor,
  values: readonly ObservationValue[],
  catalogue: ReadonlyMap<string, IndicatorRow>,
): Promise<Map<string, BreakdownSet[]>> {
  const broken = values.filter((v) => v.breakdownId !== 0 && catalogue.has(v.indicatorSlug));
  if (broken.length === 0) return new Map();
  const labels = await breakdownLabels(
    db,
    broken.map((v) => v.breakdownId),
  );
  const out = new Map<string, BreakdownSet[]>();
  const groups = new Map<string, ObservationValue[]>();
  for (const v of broken) {
    const dimension = labels.get(v.breakdownId)?.dimension;
    if (!dimension) continue;
    const key = `${v.indicatorSlug}\u0000${dimension}`;
    groups.set(key, [...(groups.get(key) ?? []), v]);
  }
  for (const [key, list] of groups) {
    const [slug, dimension] = key.split("\u0000") as [string, string];
    const indicator = catalogue.get(slug)!;
    const latest = Math.max(...list.map((v) => v.periodSortKey));
    const inPeriod = list.filter((v) => v.periodSortKey === latest);
    const periodCode = inPeriod[0]!.periodCode;
    const total = values.find((v) => v.indicatorSlug === slug && v.breakdownId === 0 && v.periodCode === periodCode);
    const rule = normaliseRule(indicator.disclosureRule);
    const keyOf = (v: ObservationValue) => String(v.breakdownId);
    const cells = [...inPeriod, ...(total ? [total] : [])].map((v) =>
      cellFor(rule, indicator.unit, {
        key: keyOf(v),
        value: v.value,
        numerator: v.numerator,
        suppressedAtSource: (v.flags & FLAG.suppressed) !== 0,
      }),
    );
    // Counts by one dimension add up to the total (other units do not, so they stand alone).
    const disclosed = applyDisclosure(
      rule,
      cells,
      indicator.unit === "count" ? [{ ...(total ? { total: keyOf(total) } : {}), parts: inPeriod.map(keyOf) }] : [],
    );
    const cell = (v: ObservationValue, label: string): BreakdownCell => {
      const shown = shownFor(indicator.unit, disclosed.get(keyOf(v))!, v.value);
      return {
        label,
        value: shown.suppressed ? null : shown.shown,
        suppressed: shown.suppressed,
        provisional: (v.flags & FLAG.provisional) !== 0,
      };
    };
    const set: BreakdownSet = {
      dimension,
      periodCode,
      total: total ? cell(total, "All") : null,
      rows: inPeriod
        .map((v) => cell(v, labels.get(v.breakdownId)!.label))
        .sort((a, b) => a.label.localeCompare(b.label, "en-GB", { numeric: true })),
      disclosureRule: rule,
    };
    out.set(slug, [...(out.get(slug) ?? []), set]);
  }
  for (const sets of out.values()) sets.sort((a, b) => a.dimension.localeCompare(b.dimension));
  return out;
}

const text = (indicator: IndicatorRow, c: BreakdownCell) => {
  if (c.suppressed) return "[c]";
  if (c.value === null) return "[x]";
  const unit = indicator.unit === "percentage" ? "percentage" : indicator.unit === "rate" ? "rate" : "count";
  const shown = indicator.unit === "score" ? c.value.toLocaleString("en-GB") : formatValue(c.value, unit);
  return c.provisional ? `${shown} (p)` : shown;
};

/** A breakdown set's table, and its bar chart's input (for rates, percentages and counts), ready to render or to freeze. */
export function breakdownTable(indicator: IndicatorRow, set: BreakdownSet, areaName: string) {
  const period = parsePeriod(set.periodCode)?.label ?? set.periodCode;
  const dimension = set.dimension.charAt(0).toUpperCase() + set.dimension.slice(1);
  const source = [indicator.publisher, indicator.dataset].filter(Boolean).join(", ") || "Source not recorded";
  const title = `${indicator.title} by ${set.dimension.toLowerCase()}, ${areaName}`;
  const rows = [...set.rows, ...(set.total ? [set.total] : [])];
  const notes = [MARKER_NOTES.suppressed, MARKER_NOTES.missing, MARKER_NOTES.provisional];
  if (set.disclosureRule === "small-count") notes.unshift(SMALL_COUNT_NOTE);
  const table: DataTable = {
    caption: `${title}, ${period}. Source: ${source}`,
    columns: [dimension, "Value"],
    rows: rows.map((c) => [c.label, text(indicator, c)]),
    notes,
  };
  const unit =
    indicator.unit === "percentage" || indicator.unit === "rate" || indicator.unit === "count" ? indicator.unit : null;
  const chart: ComparisonChartInput | null = unit
    ? {
        title: title.slice(0, 200),
        period,
        source: source.slice(0, 200),
        unit,
        width: 640,
        order: "input",
        categoryLabel: dimension.slice(0, 40),
        areas: set.rows.map((c) => ({ name: c.label.slice(0, 100), value: c.suppressed ? "suppressed" : c.value })),
        // The area's own figure as a labelled reference line, for rates and percentages (a total count dwarfs its parts).
        benchmarks:
          unit !== "count" && set.total?.value != null && !set.total.suppressed
            ? [{ name: `${areaName} (all)`.slice(0, 80), value: set.total.value }]
            : [],
      }
    : null;
  const id = `${indicator.slug}-by-${set.dimension.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return { id, title, period, source, table, chart };
}

/** Draws a breakdown chart (kept by its input); a chart that cannot be drawn leaves the table to say it all. The profile, a panel and its document draw it so. */
export function renderBreakdownChart(input: ComparisonChartInput | null): ChartResult | null {
  if (!input) return null;
  try {
    return renderCached("breakdown", [JSON.stringify(input)], () => comparisonChart(input));
  } catch {
    return null;
  }
}

/** A breakdown set as the profile shows it: the chart drawn, and its table. */
export function breakdownView(indicator: IndicatorRow, set: BreakdownSet, areaName: string) {
  const view = breakdownTable(indicator, set, areaName);
  return { ...view, chart: renderBreakdownChart(view.chart) };
}
