/**
 * The inequality panel as it is shown: a chart by local quintile, its table, SII and RII with
 * their interval, period, source and method. `inequalityFigures` is plain data (the chart as its
 * input), so a needs-assessment panel can freeze it into a publication; the profile and the panel
 * draw it with `renderInequalityChart` and the same template macro (views/inequality-figures.njk).
 */
import {
  type ChartResult,
  type ComparisonChartInput,
  comparisonChart,
  type DataTable,
  formatValue,
  MARKER_NOTES,
  renderCached,
} from "../../lib/charts/index.ts";
import { type IndicatorRow, parsePeriod, SMALL_COUNT_NOTE } from "../indicators/index.ts";
import { SLOPE_INDEX_METHOD } from "./inequality.ts";
import type { InequalityOutcome, InequalityPanel } from "./inequality-panel.ts";

const periodLabel = (code: string) => parsePeriod(code)?.label ?? code;
const sourceOf = (row: IndicatorRow) =>
  [row.publisher, row.dataset].filter(Boolean).join(", ") || "Source not recorded";
const pct = (n: number) => formatValue(n, "percentage", 1);
const points = (n: number) => `${n.toLocaleString("en-GB", { maximumFractionDigits: 1, minimumFractionDigits: 1 })}`;
const ratio = (n: number) => n.toLocaleString("en-GB", { maximumFractionDigits: 2, minimumFractionDigits: 2 });

function rateCell(g: InequalityPanel["groups"][number]): string {
  if (g.suppressed) return "[c]";
  return g.rate === null ? "[x]" : pct(g.rate);
}

export interface InequalityFigures {
  title: string;
  periods: string;
  source: string;
  chart: ComparisonChartInput;
  table: DataTable;
  /** "SII 12.3 percentage points (95% CI …)", or why it is not shown. */
  sii: string | null;
  rii: string | null;
  problem: string | null;
  method: string;
  notes: string[];
}

export interface InequalityView extends Omit<InequalityFigures, "chart"> {
  chart: ChartResult | null;
  chartProblem: string | null;
}

/** Draws the chart of `inequalityFigures`; one that cannot be drawn leaves the table to say it all, and says so. */
export function renderInequalityChart(figures: InequalityFigures): InequalityView {
  const input = figures.chart;
  try {
    const chart = renderCached("inequality", [JSON.stringify(input)], () => comparisonChart(input));
    return { ...figures, chart, chartProblem: null };
  } catch (error) {
    const chartProblem = `The chart could not be drawn (${(error as Error).message}); the table has every figure.`;
    return { ...figures, chart: null, chartProblem };
  }
}

export function inequalityView(
  outcome: InequalityOutcome | undefined,
  areaName: string,
): { panel: InequalityView | null; problem: string | null } {
  if (!outcome?.panel) return { panel: null, problem: outcome?.problem ?? null };
  return { panel: renderInequalityChart(inequalityFigures(outcome.panel, areaName)), problem: null };
}

export function inequalityFigures(p: InequalityPanel, areaName: string): InequalityFigures {
  const periods = `${p.numerator.title}: ${periodLabel(p.periods.numerator)}; ${p.denominator.title}: ${periodLabel(p.periods.denominator)}; ranks: ${periodLabel(p.periods.rank)}`;
  const source = [...new Set([p.numerator, p.denominator, p.rankIndicator].map(sourceOf))].join("; ");
  const title = `${p.measure}, by deprivation quintile within ${areaName}`;
  const input: ComparisonChartInput = {
    title,
    subtitle: "Small areas ranked nationally and split into five local groups",
    period: periodLabel(p.periods.numerator),
    // The chart names the publishers; the table beside it names each dataset.
    source: [...new Set([p.numerator, p.denominator, p.rankIndicator].map((r) => r.publisher).filter(Boolean))]
      .join("; ")
      .slice(0, 200),
    unit: "percentage" as const,
    decimals: 1,
    width: 640,
    order: "input" as const,
    categoryLabel: "Local deprivation quintile",
    areas: p.groups.map((g) => ({
      name: `Quintile ${g.label}`,
      value: g.suppressed ? ("suppressed" as const) : g.rate,
    })),
  };
  const notes = [MARKER_NOTES.suppressed, MARKER_NOTES.missing];
  if (p.disclosureRule === "small-count") notes.unshift(SMALL_COUNT_NOTE);
  const left = p.groups.reduce((sum, g) => sum + g.withoutValue, 0);
  if (left)
    notes.push(
      `${left} small area${left === 1 ? " has" : "s have"} no published numerator or denominator and ${left === 1 ? "is" : "are"} left out of ${left === 1 ? "its" : "their"} group's rate (both counts), never counted as zero. Where these are small areas with few such children, as is usual, the rates of the groups they are in are overstated and the slope may be understated.`,
    );
  if (p.unranked)
    notes.push(`${p.unranked} of the ${p.smallAreas} small areas have no deprivation rank and are in no group.`);
  const table: DataTable = {
    caption: `${title}. ${periods}. Source: ${source}`,
    columns: [
      "Local deprivation quintile",
      "Small areas",
      "Small areas without a value (left out)",
      "Numerator",
      "Denominator",
      "Rate (%)",
    ],
    rows: p.groups.map((g) => [
      `Quintile ${g.label}`,
      String(g.smallAreas),
      String(g.withoutValue),
      g.suppressed ? "[c]" : g.numerator === null ? "[x]" : formatValue(g.numerator, "count"),
      g.denominator === null ? "[x]" : formatValue(g.denominator, "count"),
      rateCell(g),
    ]),
    notes,
  };
  const result = p.result;
  return {
    title,
    periods,
    source,
    chart: input,
    table,
    sii: result.ok
      ? `${points(result.index.sii)} percentage points (95% confidence interval ${points(result.index.siiLower)} to ${points(result.index.siiUpper)})`
      : null,
    rii: result.ok
      ? `${ratio(result.index.rii)} (95% confidence interval ${ratio(result.index.riiLower)} to ${ratio(result.index.riiUpper)}), relative to the overall rate of ${pct(result.index.mean)}`
      : null,
    problem: result.ok ? null : result.problem,
    method: `${SLOPE_INDEX_METHOD} Groups: the small areas of ${areaName} ranked by ${p.ranking} (1 = most deprived nationally) and split into five groups of as equal a number of small areas as can be; each group's rate is its summed numerator over its summed denominator.`,
    notes,
  };
}
