import { formatPoint, formatTick, formatValue, joinNonEmpty, numericOrNull } from "./format.ts";
import { headerOption, legendOption } from "./layout.ts";
import { type Point, trendChartSchema, type TrendChartInput } from "./schemas.ts";
import { finishSvg, renderEChartsSvg, stableId } from "./svg.ts";
import {
  AXIS_COLOUR,
  FONT_FAMILY,
  GRID_COLOUR,
  SECONDARY_TEXT,
  SERIES_COLOURS,
  SERIES_SYMBOLS,
  TEXT_COLOUR,
} from "./theme.ts";
import { type ChartResult, type DataTable, MARKER_NOTES } from "./types.ts";

function periodLabel(period: { label: string; provisional: boolean }): string {
  return period.provisional ? `${period.label} (p)` : period.label;
}

function firstAndLast(values: Point[]): { first: number; last: number; firstIndex: number; lastIndex: number } | null {
  let firstIndex = -1;
  let lastIndex = -1;
  values.forEach((value, index) => {
    if (typeof value === "number") {
      if (firstIndex < 0) firstIndex = index;
      lastIndex = index;
    }
  });
  if (firstIndex < 0) return null;
  return { first: values[firstIndex] as number, last: values[lastIndex] as number, firstIndex, lastIndex };
}

/**
 * Line chart over periods. Provisional periods get a dashed segment and hollow markers plus "(p)"
 * on the axis; missing and suppressed values leave gaps (connectNulls off), never zeros.
 */
export function trendChart(rawInput: TrendChartInput): ChartResult {
  const input = trendChartSchema.parse(rawInput);
  const { periods, unit, decimals } = input;
  for (const series of input.series) {
    if (series.values.length !== periods.length) {
      throw new Error(`Series "${series.name}" has ${series.values.length} values for ${periods.length} periods`);
    }
  }
  const width = input.width;
  const height = input.height ?? 380;
  const provisional = periods.map((period) => period.provisional);
  const anyProvisional = provisional.some(Boolean);
  const header = headerOption(input);
  const showLegend = input.series.length > 1;
  const gridTop = header.height + (showLegend ? 30 : 0) + 16;

  const echartsSeries: Record<string, unknown>[] = [];
  input.series.forEach((series, index) => {
    const colour = SERIES_COLOURS[index % SERIES_COLOURS.length];
    const symbol = SERIES_SYMBOLS[index % SERIES_SYMBOLS.length]!;
    const numbers = series.values.map(numericOrNull);
    const common = { type: "line", name: series.name, connectNulls: false, showAllSymbol: true, symbolSize: 8, z: 3 };
    echartsSeries.push({
      ...common,
      symbol,
      itemStyle: { color: colour },
      lineStyle: { color: colour, width: 2.5 },
      data: numbers.map((value, i) => (provisional[i] ? null : value)),
      markLine:
        index === 0 && input.target
          ? {
              symbol: "none",
              silent: true,
              lineStyle: { color: TEXT_COLOUR, type: [6, 4], width: 1.5 },
              label: {
                formatter: `${input.target.label}: ${formatValue(input.target.value, unit, decimals)}`,
                position: "insideEndTop",
                fontFamily: FONT_FAMILY,
                fontSize: 12,
                color: TEXT_COLOUR,
              },
              data: [{ yAxis: input.target.value }],
            }
          : undefined,
    });
    if (anyProvisional) {
      // The dashed series starts at the last final point so the line stays continuous.
      echartsSeries.push({
        ...common,
        symbol: `empty${symbol[0]!.toUpperCase()}${symbol.slice(1)}`,
        itemStyle: { color: colour, borderWidth: 2 },
        lineStyle: { color: colour, width: 2.5, type: [6, 4] },
        data: numbers.map((value, i) => {
          if (provisional[i]) return value;
          if (provisional[i + 1] && value !== null) return { value, symbol: "none" };
          return null;
        }),
      });
    }
  });

  const allNumbers = input.series
    .flatMap((series) => series.values.map(numericOrNull))
    .filter((v): v is number => v !== null);
  const target = input.target?.value;
  const option = {
    title: header.title,
    legend: showLegend
      ? legendOption(
          header.height,
          input.series.map((series) => series.name),
        )
      : { show: false },
    grid: { top: gridTop, left: 20, right: 44, bottom: anyProvisional ? 44 : 20, containLabel: true },
    xAxis: {
      type: "category",
      boundaryGap: false,
      data: periods.map(periodLabel),
      axisLine: { lineStyle: { color: AXIS_COLOUR } },
      axisTick: { alignWithLabel: true },
      axisLabel: { color: TEXT_COLOUR, fontSize: 12, fontFamily: FONT_FAMILY, interval: 0, hideOverlap: true },
    },
    yAxis: {
      type: "value",
      name: input.unitLabel,
      nameTextStyle: { color: SECONDARY_TEXT, fontSize: 12, align: "left" },
      min: allNumbers.some((v) => v < 0) ? undefined : 0,
      max:
        target !== undefined
          ? (extent: { max: number }) => (target > extent.max ? target * 1.1 : undefined)
          : undefined,
      axisLabel: { color: TEXT_COLOUR, fontSize: 12, formatter: (value: number) => formatTick(value, unit) },
      splitLine: { lineStyle: { color: GRID_COLOUR } },
    },
    graphic: anyProvisional
      ? [
          {
            type: "text",
            left: 16,
            bottom: 8,
            style: {
              text: "(p) provisional: dashed line, hollow markers",
              fontFamily: FONT_FAMILY,
              fontSize: 12,
              fill: SECONDARY_TEXT,
            },
          },
        ]
      : [],
    series: echartsSeries,
  };

  const table: DataTable = {
    caption: joinNonEmpty([input.title, input.source ? `Source: ${input.source}` : undefined], ". "),
    columns: ["Period", ...input.series.map((series) => series.name)],
    rows: periods.map((period, i) => [
      periodLabel(period),
      ...input.series.map((series) => formatPoint(series.values[i], unit, decimals)),
    ]),
    notes: markerNotes(
      input.series.flatMap((series) => series.values),
      anyProvisional,
    ),
  };
  const summary = trendSummary(input);
  const id = stableId("trend", input);
  const svg = finishSvg(renderEChartsSvg(option, width, height), { id, title: input.title, description: summary });
  return { svg, table, summary, width, height };
}

export function markerNotes(values: Point[], provisional: boolean): string[] {
  const notes: string[] = [];
  if (provisional) notes.push(MARKER_NOTES.provisional);
  if (values.includes("suppressed")) notes.push(MARKER_NOTES.suppressed);
  if (values.includes(null)) notes.push(MARKER_NOTES.missing);
  return notes;
}

function trendSummary(input: ReturnType<typeof trendChartSchema.parse>): string {
  const { periods, unit, decimals } = input;
  const label = (i: number) => periods[i]!.label + (periods[i]!.provisional ? " (provisional)" : "");
  const parts = input.series.map((series) => {
    const ends = firstAndLast(series.values);
    if (!ends) return `${series.name}: no values available`;
    if (ends.firstIndex === ends.lastIndex)
      return `${series.name} ${formatValue(ends.first, unit, decimals)} in ${label(ends.firstIndex)}`;
    const direction = ends.last > ends.first ? "rose" : ends.last < ends.first ? "fell" : "was unchanged";
    return `${series.name} ${direction} from ${formatValue(ends.first, unit, decimals)} in ${label(ends.firstIndex)} to ${formatValue(ends.last, unit, decimals)} in ${label(ends.lastIndex)}`;
  });
  const gaps = input.series.reduce((n, series) => n + series.values.filter((v) => typeof v !== "number").length, 0);
  const target = input.target
    ? ` against a target of ${formatValue(input.target.value, unit, decimals)} (${input.target.label})`
    : "";
  const gapText = gaps > 0 ? `, with ${gaps} value${gaps === 1 ? "" : "s"} missing or suppressed shown as gaps` : "";
  return `Line chart of ${input.title}: ${parts.join("; ")}${target}${gapText}.`;
}
