import { formatValue, joinNonEmpty } from "./format.ts";
import { headerOption, legendOption } from "./layout.ts";
import { type StatusChartInput, statusChartSchema } from "./schemas.ts";
import { finishSvg, renderEChartsSvg, stableId } from "./svg.ts";
import { AXIS_COLOUR, FONT_FAMILY, GRID_COLOUR, STATUS_STYLE, TEXT_COLOUR } from "./theme.ts";
import type { ChartResult, DataTable } from "./types.ts";

/** ECharts decal patterns: status never relies on red/green alone. */
function decal(pattern: string | null): Record<string, unknown> | undefined {
  if (!pattern) return undefined;
  const colour = "rgba(255,255,255,0.55)";
  if (pattern === "diagonal")
    return {
      symbol: "rect",
      symbolSize: 1,
      dashArrayX: [1, 0],
      dashArrayY: [2, 5],
      rotation: Math.PI / 4,
      color: colour,
    };
  if (pattern === "dots")
    return {
      symbol: "circle",
      symbolSize: 0.6,
      dashArrayX: [[1, 7]],
      dashArrayY: [1, 7],
      color: "rgba(11,12,12,0.45)",
    };
  if (pattern === "cross")
    return {
      symbol: "rect",
      symbolSize: 1,
      dashArrayX: [1, 0],
      dashArrayY: [2, 5],
      rotation: -Math.PI / 4,
      color: colour,
    };
  return { symbol: "rect", symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [2, 6], color: "rgba(11,12,12,0.3)" };
}

/** Stacked horizontal bars of monitoring status counts (RAG, complete, not started) per group. */
export function statusChart(rawInput: StatusChartInput): ChartResult {
  const input = statusChartSchema.parse(rawInput);
  const statuses = input.statuses.filter((status) => input.groups.some((group) => group.counts[status] > 0));
  const header = headerOption(input);
  const width = input.width;
  const height = input.height ?? header.height + 90 + input.groups.length * 34;
  const drawn = [...input.groups].reverse();
  const option = {
    title: header.title,
    aria: { enabled: true, decal: { show: true } },
    legend: legendOption(
      header.height,
      statuses.map((status) => STATUS_STYLE[status]!.label),
    ),
    grid: { top: header.height + 36, left: 12, right: 24, bottom: 36, containLabel: true },
    xAxis: {
      type: "value",
      minInterval: 1,
      name: "Number of actions",
      nameLocation: "middle",
      nameGap: 26,
      nameTextStyle: { color: TEXT_COLOUR, fontSize: 12 },
      axisLabel: { color: TEXT_COLOUR, fontSize: 12 },
      splitLine: { lineStyle: { color: GRID_COLOUR } },
    },
    yAxis: {
      type: "category",
      data: drawn.map((group) => group.name),
      axisLine: { lineStyle: { color: AXIS_COLOUR } },
      axisTick: { show: false },
      axisLabel: { color: TEXT_COLOUR, fontSize: 12, width: 200, overflow: "truncate", interval: 0 },
    },
    series: statuses.map((status) => {
      const style = STATUS_STYLE[status]!;
      return {
        type: "bar",
        name: style.label,
        stack: "status",
        barMaxWidth: 24,
        itemStyle: {
          color: style.colour,
          borderColor: "#ffffff",
          borderWidth: 1,
          decal: decal(style.pattern) ?? { symbol: "none" },
        },
        label: {
          show: true,
          position: "inside",
          color: style.text,
          fontFamily: FONT_FAMILY,
          fontSize: 12,
          fontWeight: "bold",
          backgroundColor: style.colour,
          padding: [1, 3],
          formatter: (params: { value: number | null }) => (params.value ? String(params.value) : ""),
        },
        // Zero would still draw a hairline segment with its border; null draws nothing.
        data: drawn.map((group) => (group.counts[status] > 0 ? group.counts[status] : null)),
      };
    }),
  };
  const table: DataTable = {
    caption: joinNonEmpty([input.title, input.source ? `Source: ${input.source}` : undefined], ". "),
    columns: ["Group", ...statuses.map((status) => STATUS_STYLE[status]!.label), "Total"],
    rows: input.groups.map((group) => [
      group.name,
      ...statuses.map((status) => formatValue(group.counts[status], "count")),
      formatValue(
        statuses.reduce((sum, status) => sum + group.counts[status], 0),
        "count",
      ),
    ]),
  };
  const totals = statuses.map((status) => ({
    status,
    count: input.groups.reduce((sum, group) => sum + group.counts[status], 0),
  }));
  const all = totals.reduce((sum, entry) => sum + entry.count, 0);
  const groups = `${input.groups.length} group${input.groups.length === 1 ? "" : "s"}`;
  const summary =
    all === 0
      ? `Stacked bar chart of ${input.title} for ${groups}: nothing recorded.`
      : `Stacked bar chart of ${input.title} for ${groups}: ${all} in total, ${totals
          .map((entry) => `${entry.count} ${STATUS_STYLE[entry.status]!.label.toLowerCase()}`)
          .join(", ")}.`;
  const svg = finishSvg(renderEChartsSvg(option, width, height), {
    id: stableId("status", input),
    title: input.title,
    description: summary,
  });
  return { svg, table, summary, width, height };
}
