/**
 * An action's indicator measured against its plan: the straight-line trajectory from the
 * baseline to the target, and whether the latest value is on it. Pure: the service feeds it
 * values read from the indicator store.
 */

export type Polarity = "higher-is-better" | "higher-is-worse" | "neither";

export interface MeasurePlan {
  baseline: number;
  /** Last day of the baseline period (ISO date): the trajectory starts there. */
  baselineEnd: string;
  target: number | null;
  /** ISO date by which the target is to be met. */
  targetDate: string | null;
  polarity: Polarity;
}

export interface MeasurePoint {
  periodCode: string;
  /** Last day of the period (ISO date): a value describes the period up to then. */
  endDate: string;
  /** Null when missing or suppressed: never counted as a value. */
  value: number | null;
}

export type MeasureStatus = "on-track" | "off-track" | "no-new-data" | "not-measured";

export interface MeasureResult {
  status: MeasureStatus;
  /** Why the status is what it is, in plain words. */
  reason: string;
  /** The newest value after the baseline period, when there is one. */
  latest: MeasurePoint | null;
  /** The trajectory's value at the latest period's end. */
  expected: number | null;
}

const DAY = 86_400_000;
const days = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;

/**
 * The straight line from (baseline end, baseline) to (target date, target), read at `date`.
 * Before the baseline it is the baseline; after the target date it stays at the target (the
 * plan says nothing beyond it). Null without a target, or if the target date is not after the baseline.
 */
export function trajectoryAt(plan: MeasurePlan, date: string): number | null {
  if (plan.target === null || plan.targetDate === null) return null;
  const start = days(plan.baselineEnd);
  const span = days(plan.targetDate) - start;
  if (!(span > 0)) return null;
  const share = Math.min(1, Math.max(0, (days(date) - start) / span));
  return plan.baseline + share * (plan.target - plan.baseline);
}

/**
 * +1 when a higher value is better, -1 when lower is better. The indicator's polarity decides;
 * an indicator with none ("neither") takes the direction the target sets from the baseline.
 * Zero: no direction to judge by.
 */
export function improvementDirection(plan: MeasurePlan): 1 | -1 | 0 {
  if (plan.polarity === "higher-is-better") return 1;
  if (plan.polarity === "higher-is-worse") return -1;
  if (plan.target === null || plan.target === plan.baseline) return 0;
  return plan.target > plan.baseline ? 1 : -1;
}

/**
 * The rule:
 * - no value for a period ending after the baseline period → "no new data since the baseline";
 * - otherwise the latest such value is compared with the trajectory's value at the end of its
 *   period: on track when it is level with it or better (in the direction of improvement),
 *   off track when it is worse;
 * - without a target, or without a direction of improvement, there is nothing to judge against
 *   ("not measured"), though the latest value is still returned.
 * Missing and suppressed values (null) are skipped, never read as zero.
 */
export function measureStatus(plan: MeasurePlan, points: readonly MeasurePoint[]): MeasureResult {
  const after = points.filter((point) => point.value !== null && point.endDate > plan.baselineEnd);
  const latest = after.reduce<MeasurePoint | null>(
    (best, point) => (best === null || point.endDate > best.endDate ? point : best),
    null,
  );
  if (!latest) {
    return { status: "no-new-data", reason: "No new data since the baseline period", latest: null, expected: null };
  }
  const expected = trajectoryAt(plan, latest.endDate);
  if (expected === null) {
    return { status: "not-measured", reason: "No target to measure against", latest, expected };
  }
  const direction = improvementDirection(plan);
  if (direction === 0) {
    return {
      status: "not-measured",
      reason: "The indicator has no direction of improvement and the target equals the baseline",
      latest,
      expected,
    };
  }
  // Values read back from the database and the interpolation may differ in the last bits.
  const tolerance = 1e-9 * Math.max(1, Math.abs(expected));
  const ahead = direction * (latest.value! - expected) >= -tolerance;
  return {
    status: ahead ? "on-track" : "off-track",
    reason: ahead
      ? "Level with or better than the trajectory to the target"
      : "Worse than the trajectory to the target",
    latest,
    expected,
  };
}

export const measureStatusLabels: Record<MeasureStatus, string> = {
  "on-track": "On track",
  "off-track": "Off track",
  "no-new-data": "No new data since the baseline",
  "not-measured": "Not measured",
};
