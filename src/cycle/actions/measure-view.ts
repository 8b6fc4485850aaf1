/** What the action page and the dashboard show of a measure: figures with period and source, chart and table. */
import { formatDate } from "../../kernel/time.ts";
import {
  type ChartResult,
  chartDecimalsOf,
  chartUnitOf,
  formatValue,
  renderCached,
  trendChart,
  type TrendChartInput,
} from "../../lib/charts/index.ts";
import { measureStatusLabels, trajectoryAt } from "./measure.ts";
import type { Measure, StorePoint } from "./measure-service.ts";

/** Periods shown in the small chart: the baseline period on, or the last few without a baseline. */
const HISTORY = 8;

const tagClasses = {
  "on-track": "govuk-tag--green",
  "off-track": "govuk-tag--red",
  "no-new-data": "govuk-tag--grey",
  "not-measured": "govuk-tag--grey",
} as const;

function chartFor(measure: Measure): ChartResult | null {
  const { indicator, link, baselineEnd } = measure;
  if (!indicator) return null;
  const points: StorePoint[] = baselineEnd
    ? measure.points.filter((point) => point.endDate >= baselineEnd)
    : measure.points.slice(-HISTORY);
  if (points.length === 0) return null;
  const plan =
    link.baseline !== null && baselineEnd
      ? {
          baseline: link.baseline,
          baselineEnd,
          target: link.target,
          targetDate: link.targetDate,
          polarity: "neither" as const,
        }
      : null;
  const trajectory = plan && plan.target !== null ? points.map((point) => trajectoryAt(plan, point.endDate)) : null;
  const input: TrendChartInput = {
    title: `${indicator.title}, ${measure.areaName}`,
    subtitle: `${points[0]!.label} to ${points.at(-1)!.label}`,
    source: [indicator.publisher, indicator.dataset].filter(Boolean).join(", ") || undefined,
    unit: chartUnitOf(indicator.unit),
    decimals: chartDecimalsOf(indicator.unit),
    width: 560,
    height: 300,
    periods: points.map((point) => ({ label: point.label, provisional: point.provisional })),
    series: [
      {
        name: measure.areaName,
        values: points.map((point) => (point.suppressed ? ("suppressed" as const) : point.value)),
      },
      ...(trajectory ? [{ name: "Trajectory to target", values: trajectory }] : []),
    ],
    target:
      link.target !== null
        ? { value: link.target, label: link.targetDate ? `Target by ${formatDate(link.targetDate)}` : "Target" }
        : undefined,
  };
  // ~10 ms of ECharts on the event loop per chart: a dashboard seen again reuses its SVGs.
  return renderCached("trend", [JSON.stringify(input)], () => trendChart(input));
}

/** The view model of one measure (templates: actions/views/measure.njk). */
export function measureView(measure: Measure) {
  const { indicator, link, result } = measure;
  const unit = chartUnitOf(indicator?.unit ?? "score");
  const decimals = chartDecimalsOf(indicator?.unit ?? "");
  const show = (value: number) => formatValue(value, unit, decimals);
  const latestStored = [...measure.points].reverse().find((point) => point.value !== null) ?? null;
  return {
    id: link.id,
    actionId: link.actionId,
    // One measured for a locality says so in its name: the area's figure is not the locality's.
    title: link.localityId
      ? `${indicator?.title ?? link.label}, ${measure.areaName}`
      : (indicator?.title ?? link.label),
    inCatalogue: indicator !== null,
    source: indicator ? [indicator.publisher, indicator.dataset].filter(Boolean).join(", ") : "",
    sourceUrl: indicator?.sourceUrl ?? "",
    polarity: indicator?.polarity ?? "neither",
    baseline: link.baseline === null ? null : show(link.baseline),
    baselinePeriod: link.baselinePeriod,
    target: link.target === null ? null : show(link.target),
    targetDate: link.targetDate,
    latest: latestStored
      ? { value: show(latestStored.value!), period: latestStored.label, provisional: latestStored.provisional }
      : null,
    expected: result.expected === null ? null : show(result.expected),
    expectedPeriod: result.latest
      ? measure.points.find((p) => p.periodCode === result.latest!.periodCode)?.label
      : null,
    status: result.status,
    statusLabel: measureStatusLabels[result.status],
    statusClass: tagClasses[result.status],
    reason: result.reason,
    chart: chartFor(measure),
  };
}
export type MeasureView = ReturnType<typeof measureView>;
