/**
 * "Red-red" indicators (fingertipsR's idea): significantly worse than the nation and
 * significantly getting worse. Worse only by a 95% interval that excludes the nation's value
 * (the indicator's own confidence limits, or a Wilson interval from its numerator and
 * denominator); a quintile among areas is not a significance test and does not count. Getting
 * worse by the recent-trend test (recent-trend.ts). Both methods are named on the page.
 */
import type { ObservationValue } from "../indicators/index.ts";
import type { AreaProfile, IndicatorProfile } from "./profile-service.ts";
import { periodLabel, referenceText } from "./profile-view.ts";
import type { RecentTrend } from "./recent-trend.ts";

export interface RedRedIndicator {
  title: string;
  slug: string;
  unit: string;
  source: string;
  latest: ObservationValue;
  /** The values as people read them (unit, provisional), and their period. */
  latestText: string;
  comparatorText: string;
  period: string;
  comparatorName: string;
  comparator: ObservationValue;
  benchmarkMethod: string;
  benchmarkNote: string;
  trend: RecentTrend;
}

const SIGNIFICANT = new Set(["confidence intervals", "Wilson score interval"]);

function redRed(indicator: IndicatorProfile): RedRedIndicator | null {
  const nation = indicator.references.find((reference) => reference.relation === "nation");
  const latest = indicator.latest.observation;
  if (!nation?.value || !latest) return null;
  if (nation.benchmark.result !== "worse" || !SIGNIFICANT.has(nation.benchmark.method)) return null;
  if (indicator.recentTrend.result !== "getting worse") return null;
  return {
    title: indicator.indicator.title,
    slug: indicator.indicator.slug,
    unit: indicator.indicator.unit,
    source: [indicator.indicator.publisher, indicator.indicator.dataset].filter(Boolean).join(", "),
    latest,
    latestText: referenceText(indicator.indicator, latest),
    comparatorText: referenceText(indicator.indicator, nation.value),
    period: periodLabel(latest.periodCode),
    comparatorName: nation.area.name,
    comparator: nation.value,
    benchmarkMethod: nation.benchmark.method,
    benchmarkNote: nation.benchmark.note,
    trend: indicator.recentTrend,
  };
}

/** The profile's indicators that are significantly worse than the nation and getting worse. */
export function redRedIndicators(profile: AreaProfile): RedRedIndicator[] {
  return profile.indicators.flatMap((indicator) => redRed(indicator) ?? []);
}
