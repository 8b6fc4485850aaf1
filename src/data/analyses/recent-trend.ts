/**
 * Is an indicator significantly getting better or worse over its most recent periods? The
 * method Fingertips uses for its "recent trend" (and fingertipsR for "red-red" lists): the five
 * most recent periods with a value; for proportions with numerators and denominators, the
 * Cochran–Armitage chi-squared test for trend; otherwise the least-squares slope of the values
 * on the period number, significant when its 95% confidence interval (t distribution, n − 2
 * degrees of freedom) excludes zero. Missing and suppressed periods are skipped, never zero.
 */
import { FLAG } from "../indicators/index.ts";
import type { Polarity, Value } from "./analysis.ts";

export type RecentTrendResult =
  | "getting worse"
  | "getting better"
  | "increasing"
  | "decreasing"
  | "no significant change"
  | "not enough data";

export interface RecentTrend {
  result: RecentTrendResult;
  method: "Cochran–Armitage test for trend" | "least-squares slope" | "none";
  /** The periods the test used, oldest first. */
  periods: string[];
  /** Two-sided p-value (Cochran–Armitage), or null. */
  pValue: number | null;
  /** The slope per period and its 95% interval (least squares), or null. */
  slope: { estimate: number; lower: number; upper: number } | null;
  note: string;
}

/** Fingertips' rule: a recent trend needs five periods. */
export const RECENT_TREND_PERIODS = 5;

/** t(0.975, df) for 1–30 degrees of freedom; beyond, the normal 1.96 is within 2%. */
const T_975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];
export const tCritical = (df: number): number => T_975[df - 1] ?? 1.96;

/** Standard normal upper tail, Abramowitz–Stegun 26.2.17 (error < 7.5e-8). */
function normalUpperTail(z: number): number {
  const x = Math.abs(z);
  const t = 1 / (1 + 0.2316419 * x);
  const density = Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);
  const tail =
    density * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return z >= 0 ? tail : 1 - tail;
}

function judged(increasing: boolean, polarity: Polarity): RecentTrendResult {
  if (polarity === "neither") return increasing ? "increasing" : "decreasing";
  return increasing === (polarity === "higher-is-better") ? "getting better" : "getting worse";
}

/** Cochran–Armitage for counts r of n in periods scored 1…k: Z and its two-sided p-value. */
export function cochranArmitage(points: readonly { numerator: number; denominator: number }[]): {
  z: number;
  pValue: number;
} | null {
  const total = points.reduce((sum, p) => sum + p.denominator, 0);
  const cases = points.reduce((sum, p) => sum + p.numerator, 0);
  if (!(total > 0)) return null;
  const pBar = cases / total;
  let statistic = 0;
  let sumNT = 0;
  let sumNT2 = 0;
  points.forEach((p, index) => {
    const score = index + 1;
    statistic += score * (p.numerator - p.denominator * pBar);
    sumNT += p.denominator * score;
    sumNT2 += p.denominator * score * score;
  });
  const variance = pBar * (1 - pBar) * (sumNT2 - (sumNT * sumNT) / total);
  if (!(variance > 0)) return null;
  const z = statistic / Math.sqrt(variance);
  return { z, pValue: 2 * normalUpperTail(Math.abs(z)) };
}

/** Least-squares slope of y on 0…k−1 with its 95% interval. */
export function leastSquaresSlope(ys: readonly number[]): { estimate: number; lower: number; upper: number } | null {
  const k = ys.length;
  if (k < 3) return null;
  const xMean = (k - 1) / 2;
  const yMean = ys.reduce((a, b) => a + b, 0) / k;
  let sxx = 0;
  let sxy = 0;
  ys.forEach((y, x) => {
    sxx += (x - xMean) ** 2;
    sxy += (x - xMean) * (y - yMean);
  });
  const estimate = sxy / sxx;
  const residuals = ys.reduce((sum, y, x) => sum + (y - (yMean + estimate * (x - xMean))) ** 2, 0);
  const standardError = Math.sqrt(residuals / (k - 2) / sxx);
  const half = tCritical(k - 2) * standardError;
  return { estimate, lower: estimate - half, upper: estimate + half };
}

/** The recent trend of an indicator's values (any order), judged by its polarity. */
export function recentTrend(values: readonly Value[], polarity: Polarity, unit: string): RecentTrend {
  const usable = [...values]
    .filter((v) => v.value !== null && (v.flags & (FLAG.suppressed | FLAG.missing)) === 0)
    .sort((a, b) => a.periodSortKey - b.periodSortKey)
    .slice(-RECENT_TREND_PERIODS);
  const periods = usable.map((v) => v.periodCode);
  if (usable.length < RECENT_TREND_PERIODS)
    return {
      result: "not enough data",
      method: "none",
      periods,
      pValue: null,
      slope: null,
      note: `a recent trend needs ${RECENT_TREND_PERIODS} periods with a value; there are ${usable.length}`,
    };
  const proportion = unit === "percentage" || unit === "proportion";
  if (proportion && usable.every((v) => v.numerator !== null && v.denominator !== null && v.denominator > 0)) {
    const test = cochranArmitage(
      usable.map((v) => ({ numerator: v.numerator as number, denominator: v.denominator as number })),
    );
    if (test) {
      const significant = test.pValue < 0.05;
      return {
        result: significant ? judged(test.z > 0, polarity) : "no significant change",
        method: "Cochran–Armitage test for trend",
        periods,
        pValue: test.pValue,
        slope: null,
        note: `chi-squared test for trend over ${periods[0]} to ${periods.at(-1)}: p = ${test.pValue < 0.001 ? "< 0.001" : test.pValue.toFixed(3)}`,
      };
    }
  }
  const slope = leastSquaresSlope(usable.map((v) => v.value as number))!;
  const significant = slope.lower > 0 || slope.upper < 0;
  return {
    result: significant ? judged(slope.estimate > 0, polarity) : "no significant change",
    method: "least-squares slope",
    periods,
    pValue: null,
    slope,
    note: `slope ${slope.estimate.toPrecision(3)} a period (95% interval ${slope.lower.toPrecision(3)} to ${slope.upper.toPrecision(3)}) over ${periods[0]} to ${periods.at(-1)}`,
  };
}
