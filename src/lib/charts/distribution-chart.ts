import { formatValue, joinNonEmpty } from "./format.ts";
import { headerOption } from "./layout.ts";
import { type DistributionChartInput, distributionChartSchema } from "./schemas.ts";
import { finishSvg, renderEChartsSvg, stableId } from "./svg.ts";
import { AXIS_COLOUR, BASE_BAR_COLOUR, FONT_FAMILY, GRID_COLOUR, SECONDARY_TEXT, TEXT_COLOUR } from "./theme.ts";
import type { ChartResult, DataTable } from "./types.ts";

/** Column chart of counts by category, e.g. how many of an authority's LSOAs fall in each national decile. */
export function distributionChart(rawInput: DistributionChartInput): ChartResult {
  const input = distributionChartSchema.parse(rawInput);
  const width = input.width;
  const height = input.height ?? 360;
  const header = headerOption(input);
  const total = input.categories.reduce((sum, category) => sum + category.count, 0);
  const even = total / input.categories.length;
  const option = {
    title: header.title,
    grid: {
      top: header.height + (input.yAxisLabel ? 40 : 24),
      left: 16,
      right: input.showEvenSpread ? 64 : 24,
      bottom: input.xAxisLabel ? 44 : 20,
      containLabel: true,
    },
    xAxis: {
      type: "category",
      data: input.categories.map((category) => category.label),
      name: input.xAxisLabel,
      nameLocation: "middle",
      nameGap: 30,
      nameTextStyle: { color: TEXT_COLOUR, fontSize: 13 },
      axisLine: { lineStyle: { color: AXIS_COLOUR } },
      axisTick: { alignWithLabel: true },
      axisLabel: { color: TEXT_COLOUR, fontSize: 12, interval: 0 },
    },
    yAxis: {
      type: "value",
      minInterval: 1,
      name: input.yAxisLabel,
      nameTextStyle: { color: SECONDARY_TEXT, fontSize: 12, align: "left" },
      axisLabel: { color: TEXT_COLOUR, fontSize: 12 },
      splitLine: { lineStyle: { color: GRID_COLOUR } },
    },
    series: [
      {
        type: "bar",
        name: input.title,
        barMaxWidth: 48,
        itemStyle: { color: BASE_BAR_COLOUR },
        label: {
          show: true,
          position: "top",
          color: TEXT_COLOUR,
          fontFamily: FONT_FAMILY,
          fontSize: 12,
          backgroundColor: "#ffffff",
          padding: [0, 2],
        },
        data: input.categories.map((category) => category.count),
        markLine:
          input.showEvenSpread && total > 0
            ? {
                symbol: "none",
                silent: true,
                lineStyle: { color: TEXT_COLOUR, type: [6, 4], width: 1.5 },
                label: {
                  // Outside the plot, to the right, so it never sits on a column.
                  formatter: `Even\nspread:\n${formatValue(even, "count", even % 1 === 0 ? 0 : 1)}`,
                  position: "end",
                  lineHeight: 14,
                  backgroundColor: "#ffffff",
                  color: TEXT_COLOUR,
                  fontSize: 12,
                  fontFamily: FONT_FAMILY,
                },
                data: [{ yAxis: even }],
              }
            : undefined,
      },
    ],
  };
  const table: DataTable = {
    caption: joinNonEmpty([input.title, input.source ? `Source: ${input.source}` : undefined], ". "),
    columns: [input.xAxisLabel ?? "Category", input.yAxisLabel ?? "Count", "Share of total"],
    rows: input.categories.map((category) => [
      category.label,
      formatValue(category.count, "count"),
      total > 0 ? formatValue((100 * category.count) / total, "percentage") : "[x]",
    ]),
  };
  const counts = input.categories
    .map((category) => `${category.label}: ${formatValue(category.count, "count")}`)
    .join(", ");
  const summary =
    total === 0
      ? `Column chart of ${input.title}: no items to show.`
      : `Column chart of ${input.title}: ${formatValue(total, "count")} in total; by ${input.xAxisLabel ?? "category"}, ${counts}.`;
  const svg = finishSvg(renderEChartsSvg(option, width, height), {
    id: stableId("distribution", input),
    title: input.title,
    description: summary,
  });
  return { svg, table, summary, width, height };
}
