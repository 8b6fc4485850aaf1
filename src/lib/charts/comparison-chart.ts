import { formatPoint, formatTick, formatValue, joinNonEmpty, numericOrNull } from "./format.ts";
import { headerOption } from "./layout.ts";
import { type ComparisonChartInput, comparisonChartSchema } from "./schemas.ts";
import { finishSvg, renderEChartsSvg, stableId } from "./svg.ts";
import {
  AXIS_COLOUR,
  BASE_BAR_COLOUR,
  BENCHMARK_DASHES,
  FONT_FAMILY,
  GRID_COLOUR,
  HIGHLIGHT_COLOUR,
  TEXT_COLOUR,
} from "./theme.ts";
import type { ChartResult, DataTable } from "./types.ts";
import { markerNotes } from "./trend-chart.ts";

type Area = ReturnType<typeof comparisonChartSchema.parse>["areas"][number];

function sortAreas(areas: Area[], order: "desc" | "asc" | "input"): Area[] {
  if (order === "input") return areas;
  // Areas without a value go last whatever the order, so the ranking reads top-down.
  return [...areas].sort((a, b) => {
    const av = numericOrNull(a.value);
    const bv = numericOrNull(b.value);
    if (av === null && bv === null) return a.name.localeCompare(b.name);
    if (av === null) return 1;
    if (bv === null) return -1;
    return order === "desc" ? bv - av || a.name.localeCompare(b.name) : av - bv || a.name.localeCompare(b.name);
  });
}

/**
 * Ranked horizontal bars. The selected area is highlighted by colour, an outline, a bold axis
 * label and "(selected)"; benchmarks (nation, region) are labelled reference lines with
 * different dash patterns; confidence intervals are drawn as error bars.
 */
export function comparisonChart(rawInput: ComparisonChartInput): ChartResult {
  const input = comparisonChartSchema.parse(rawInput);
  const { unit, decimals } = input;
  const areas = sortAreas(input.areas, input.order);
  const isSelected = (area: Area) =>
    input.selected !== undefined && (area.code === input.selected || area.name === input.selected);
  const width = input.width;
  const header = headerOption({ ...input, subtitle: joinNonEmpty([input.subtitle, input.period], ", ") });
  const benchmarkLegendHeight = input.benchmarks.length > 0 ? 24 : 0;
  const rowHeight = areas.length > 20 ? 20 : 28;
  const height = input.height ?? header.height + benchmarkLegendHeight + 50 + areas.length * rowHeight;
  // ECharts draws the first category at the bottom; reverse so the ranking reads top-down.
  const drawn = [...areas].reverse();
  const hasIntervals = areas.some((area) => area.lower !== undefined && area.upper !== undefined);
  // Our own truncation (Arial 12px ≈ 6.3px a character) so the "(selected)" marker always survives.
  const labelWidth = Math.round(Math.min(280, width * 0.36));
  const shorten = (text: string, chars: number) =>
    text.length <= chars ? text : `${text.slice(0, Math.max(1, chars - 1)).trimEnd()}…`;
  const maxChars = Math.floor(labelWidth / 6.3);
  const labels = drawn.map((area) =>
    isSelected(area) ? `${shorten(area.name, maxChars - 12)} (selected)` : shorten(area.name, maxChars),
  );

  const series: Record<string, unknown>[] = [
    {
      type: "bar",
      name: input.title,
      barMaxWidth: 22,
      data: drawn.map((area) => {
        const value = numericOrNull(area.value);
        const selected = isSelected(area);
        return {
          value,
          itemStyle: selected
            ? { color: HIGHLIGHT_COLOUR, borderColor: TEXT_COLOUR, borderWidth: 1.5 }
            : { color: BASE_BAR_COLOUR },
          label: { show: false },
        };
      }),
      markLine: input.benchmarks.length
        ? {
            symbol: "none",
            silent: true,
            data: input.benchmarks.map((benchmark, index) => ({
              xAxis: benchmark.value,
              name: benchmark.name,
              lineStyle: { color: TEXT_COLOUR, width: 1.5, type: BENCHMARK_DASHES[index % BENCHMARK_DASHES.length] },
              label: { show: false },
            })),
          }
        : undefined,
    },
  ];
  // Value labels sit after the bar or its error bar, so they never overprint a whisker; areas
  // without a value get their marker ("[c]", "[x]") at zero instead of an empty row.
  series.push({
    type: "scatter",
    name: "labels",
    silent: true,
    symbolSize: 0,
    z: 6,
    data: drawn.map((area, index) => {
      const value = numericOrNull(area.value);
      const end = value === null ? 0 : Math.max(value, area.upper ?? value);
      return {
        value: [end, index],
        label: {
          show: true,
          position: "right",
          distance: 4,
          backgroundColor: "#ffffff",
          padding: [1, 2],
          fontFamily: FONT_FAMILY,
          fontSize: 12,
          fontWeight: isSelected(area) ? "bold" : "normal",
          color: TEXT_COLOUR,
          formatter: () =>
            value === null
              ? `${formatPoint(area.value, unit, decimals)} ${area.value === "suppressed" ? "suppressed" : "not available"}`
              : formatPoint(area.value, unit, decimals),
        },
      };
    }),
  });
  if (hasIntervals) {
    series.push({
      type: "custom",
      name: "95% confidence interval",
      z: 5,
      silent: true,
      data: drawn.map((area, index) =>
        typeof area.value === "number" && area.lower !== undefined && area.upper !== undefined
          ? [index, area.lower, area.upper]
          : [index, null, null],
      ),
      renderItem: (
        _params: unknown,
        api: { value: (i: number) => number | null; coord: (p: [number, number]) => [number, number] },
      ) => {
        const lower = api.value(1);
        const upper = api.value(2);
        if (lower === null || upper === null || Number.isNaN(lower)) return null;
        const a = api.coord([lower, api.value(0)!]);
        const b = api.coord([upper, api.value(0)!]);
        const style = { stroke: TEXT_COLOUR, lineWidth: 1.5 };
        return {
          type: "group",
          children: [
            { type: "line", shape: { x1: a[0], y1: a[1], x2: b[0], y2: b[1] }, style },
            { type: "line", shape: { x1: a[0], y1: a[1] - 5, x2: a[0], y2: a[1] + 5 }, style },
            { type: "line", shape: { x1: b[0], y1: b[1] - 5, x2: b[0], y2: b[1] + 5 }, style },
          ],
        };
      },
    });
  }
  const values = areas
    .flatMap((area) => [numericOrNull(area.value), area.upper ?? null])
    .concat(input.benchmarks.map((b) => b.value));
  const maxValue = Math.max(0, ...values.filter((v): v is number => v !== null));
  const benchmarkKey = input.benchmarks.map((benchmark, index) => ({
    type: "group",
    left: 12 + index * 200,
    top: header.height + 2,
    children: [
      {
        type: "line",
        shape: { x1: 0, y1: 8, x2: 28, y2: 8 },
        style: {
          stroke: TEXT_COLOUR,
          lineWidth: 1.5,
          lineDash:
            BENCHMARK_DASHES[index % BENCHMARK_DASHES.length] === "solid"
              ? null
              : BENCHMARK_DASHES[index % BENCHMARK_DASHES.length],
        },
      },
      {
        type: "text",
        x: 34,
        y: 2,
        style: {
          text: `${benchmark.name}: ${formatValue(benchmark.value, unit, decimals)}`,
          fontFamily: FONT_FAMILY,
          fontSize: 12,
          fill: TEXT_COLOUR,
        },
      },
    ],
  }));

  const option = {
    title: header.title,
    graphic: benchmarkKey,
    grid: { top: header.height + benchmarkLegendHeight + 12, left: 12, right: 64, bottom: 28, containLabel: true },
    xAxis: {
      type: "value",
      min: 0,
      max: niceCeiling(maxValue),
      name: input.unitLabel,
      nameLocation: "middle",
      nameGap: 26,
      axisLabel: { color: TEXT_COLOUR, fontSize: 12, formatter: (value: number) => formatTick(value, unit) },
      splitLine: { lineStyle: { color: GRID_COLOUR } },
      axisLine: { show: true, lineStyle: { color: AXIS_COLOUR } },
    },
    yAxis: {
      type: "category",
      data: labels,
      axisLine: { lineStyle: { color: AXIS_COLOUR } },
      axisTick: { show: false },
      axisLabel: {
        color: TEXT_COLOUR,
        fontSize: 12,
        interval: 0,
        width: labelWidth,
        rich: { bold: { fontWeight: "bold", fontSize: 12 } },
        formatter: (value: string, index: number) =>
          isSelected(drawn[index]!) ? `{bold|${value.replace(/[{}|]/g, "")}}` : value,
      },
    },
    series,
  };

  const table: DataTable = {
    caption: joinNonEmpty([input.title, input.period, input.source ? `Source: ${input.source}` : undefined], ". "),
    columns: [
      input.categoryLabel,
      `Value (${input.period})`,
      ...(hasIntervals ? ["95% CI lower", "95% CI upper"] : []),
    ],
    rows: [
      ...areas.map((area) => [
        isSelected(area) ? `${area.name} (selected)` : area.name,
        formatPoint(area.value, unit, decimals),
        ...(hasIntervals
          ? [area.lower, area.upper].map((v) => (v === undefined ? "" : formatValue(v, unit, decimals)))
          : []),
      ]),
      ...input.benchmarks.map((benchmark) => [
        `${benchmark.name} (benchmark)`,
        formatValue(benchmark.value, unit, decimals),
        ...(hasIntervals ? ["", ""] : []),
      ]),
    ],
    notes: markerNotes(
      areas.map((area) => area.value),
      / \(p\)/.test(input.period),
    ),
  };
  const summary = comparisonSummary(input, areas, isSelected);
  const svg = finishSvg(renderEChartsSvg(option, width, height), {
    id: stableId("comparison", input),
    title: input.title,
    description: summary,
  });
  return { svg, table, summary, width, height };
}

/** A round axis maximum just above the largest value, CI or benchmark. */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(value));
  const nice = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((m) => m * step >= value)!;
  return nice * step;
}

function comparisonSummary(
  input: ReturnType<typeof comparisonChartSchema.parse>,
  ranked: Area[],
  isSelected: (a: Area) => boolean,
): string {
  const { unit, decimals } = input;
  const withValues = ranked.filter((area) => typeof area.value === "number");
  const parts = [`Bar chart comparing ${input.title} across ${ranked.length} areas in ${input.period}`];
  const selected = ranked.find(isSelected);
  if (selected && typeof selected.value === "number") {
    const rank = withValues.indexOf(selected) + 1;
    const order = input.order === "asc" ? "lowest" : "highest";
    parts.push(
      `${selected.name} is ${formatValue(selected.value, unit, decimals)}, ranked ${rank} of ${withValues.length} (1 = ${order})`,
    );
  } else if (selected) {
    parts.push(`${selected.name} has no published value`);
  }
  if (withValues.length > 1 && input.order !== "input") {
    const top = withValues[0]!;
    const bottom = withValues[withValues.length - 1]!;
    parts.push(
      `values range from ${formatPoint(bottom.value, unit, decimals)} (${bottom.name}) to ${formatPoint(top.value, unit, decimals)} (${top.name})`,
    );
  }
  for (const benchmark of input.benchmarks)
    parts.push(`${benchmark.name} ${formatValue(benchmark.value, unit, decimals)}`);
  return `${parts.join("; ")}.`;
}
