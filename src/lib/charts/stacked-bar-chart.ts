import { z } from "zod";
import { formatPoint, formatTick, joinNonEmpty } from "./format.ts";
import { headerOption, legendOption } from "./layout.ts";
import { commonChartSchema, pointSchema } from "./schemas.ts";
import { finishSvg, renderEChartsSvg, stableId } from "./svg.ts";
import { AXIS_COLOUR, GRID_COLOUR, SERIES_COLOURS, TEXT_COLOUR } from "./theme.ts";
import type { ChartResult, DataTable } from "./types.ts";

export const stackedBarChartSchema = commonChartSchema.extend({
  /** Period the bars cover, stated in the subtitle and the table caption, e.g. "2025/26 to 2027/28". */
  period: z.string().trim().min(1).max(60),
  categories: z.array(z.string().trim().min(1).max(40)).min(1).max(20),
  /** Series sharing a `stack` are drawn on one bar; different stacks stand side by side. */
  series: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(80),
        stack: z.string().trim().min(1).max(40),
        values: z.array(pointSchema),
        /** Hatched, so a series is told apart without colour (e.g. indicative money). */
        hatched: z.boolean().default(false),
      }),
    )
    .min(1)
    .max(8),
  categoryLabel: z.string().trim().min(1).max(40).default("Category"),
});
export type StackedBarChartInput = z.input<typeof stackedBarChartSchema>;

const hatch = {
  symbol: "rect",
  symbolSize: 1,
  dashArrayX: [1, 0],
  dashArrayY: [2, 5],
  rotation: Math.PI / 4,
  color: "rgba(255,255,255,0.6)",
};

/**
 * Vertical bars per category, with series stacked into one or more bars side by side: e.g. the
 * money a plan has beside the money it allocates, per financial year. Missing values are not drawn
 * (never as zero) and are marked in the table.
 */
export function stackedBarChart(rawInput: StackedBarChartInput): ChartResult {
  const input = stackedBarChartSchema.parse(rawInput);
  const header = headerOption({ ...input, subtitle: joinNonEmpty([input.subtitle, input.period], ". ") });
  const width = input.width;
  const height = input.height ?? header.height + 340;
  const option = {
    title: header.title,
    aria: { enabled: true, decal: { show: false } },
    legend: legendOption(
      header.height,
      input.series.map((series) => series.name),
    ),
    grid: { top: header.height + 64, left: 12, right: 24, bottom: 36, containLabel: true },
    xAxis: {
      type: "category",
      data: input.categories,
      name: input.categoryLabel,
      nameLocation: "middle",
      nameGap: 26,
      nameTextStyle: { color: TEXT_COLOUR, fontSize: 12 },
      axisLine: { lineStyle: { color: AXIS_COLOUR } },
      axisLabel: { color: TEXT_COLOUR, fontSize: 12, interval: 0 },
    },
    yAxis: {
      type: "value",
      axisLabel: { color: TEXT_COLOUR, fontSize: 12, formatter: (value: number) => formatTick(value, input.unit) },
      splitLine: { lineStyle: { color: GRID_COLOUR } },
    },
    series: input.series.map((series, index) => ({
      type: "bar",
      name: series.name,
      stack: series.stack,
      barMaxWidth: 40,
      itemStyle: {
        color: SERIES_COLOURS[index % SERIES_COLOURS.length],
        borderColor: "#ffffff",
        borderWidth: 1,
        decal: series.hatched ? hatch : { symbol: "none" },
      },
      data: input.categories.map((_, at) => {
        const value = series.values[at];
        return typeof value === "number" && value !== 0 ? value : null;
      }),
    })),
  };
  const table: DataTable = {
    caption: joinNonEmpty([input.title, input.period, input.source ? `Source: ${input.source}` : undefined], ". "),
    columns: [input.categoryLabel, ...input.series.map((series) => series.name)],
    rows: input.categories.map((category, at) => [
      category,
      ...input.series.map((series) => formatPoint(series.values[at], input.unit, input.decimals)),
    ]),
  };
  const summary = `Bar chart of ${input.title}, ${input.period}: ${input.categories.length} ${input.categoryLabel.toLowerCase()}${
    input.categories.length === 1 ? "" : "s"
  }, ${input.series.map((series) => series.name.toLowerCase()).join(", ")}.`;
  const svg = finishSvg(renderEChartsSvg(option, width, height), {
    id: stableId("stacked", input),
    title: input.title,
    description: summary,
  });
  return { svg, table, summary, width, height };
}
