/** Charts: ECharts rendered on the server to accessible SVG, each with its data table and summary. */
export { chartsDomain } from "./domain.ts";
export { trendChart } from "./trend-chart.ts";
export { comparisonChart } from "./comparison-chart.ts";
export { distributionChart } from "./distribution-chart.ts";
export { statusChart } from "./status-chart.ts";
export { type StackedBarChartInput, stackedBarChart } from "./stacked-bar-chart.ts";
export { SPINE_MARKERS, type SpineChartInput, type SpineResult, type SpineRow, spineChart } from "./spine-chart.ts";
export { chartDecimalsOf, chartUnitOf, formatValue, formatPoint } from "./format.ts";
export { escapeXml } from "./svg.ts";
export {
  trendChartSchema,
  comparisonChartSchema,
  distributionChartSchema,
  statusChartSchema,
  type TrendChartInput,
  type ComparisonChartInput,
  type DistributionChartInput,
  type StatusChartInput,
  type Point,
  type Unit,
} from "./schemas.ts";
export { type ChartResult, type DataTable, SUPPRESSED_MARK, MISSING_MARK, MARKER_NOTES } from "./types.ts";
export { FONT_FAMILY } from "./theme.ts";
export { isRenderCached, renderCached, seedRenderCache } from "./render-cache.ts";
