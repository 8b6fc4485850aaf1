import type { ChartResult } from "../charts/index.ts";
import type { BlockInput } from "./schemas.ts";

/** A document figure from a chart or map: the SVG, its alt text and the same data as a table. */
export function figureFromChart(chart: ChartResult, options: { caption: string; note?: string }): BlockInput {
  return {
    type: "figure",
    caption: options.caption,
    svg: chart.svg,
    alt: chart.summary,
    table: chart.table,
    note: options.note,
    width: chart.width,
    height: chart.height,
  };
}
