/**
 * The slope index of inequality (SII) and relative index of inequality (RII) across deprivation
 * groups, as the Scottish Public Health Observatory defines them (ScotPHO, "Measuring
 * socio-economic inequalities in health: a practical guide", 2007, and Scottish Government,
 * "Monitoring health inequalities: background and methodology",
 * https://www.gov.scot/publications/monitoring-health-inequalities-background-and-methodology/):
 * the SII is the slope of the population-weighted least-squares line of each group's rate on the
 * group's relative rank on the deprivation scale (its ridit: the cumulative population share at
 * the group's midpoint, ordered from most to least deprived); the RII is the SII divided by the
 * population-weighted mean rate (the area's overall rate).
 *
 * Sign: the SII here is the fitted rate at the most deprived end minus that at the least deprived
 * end, so it is positive when the rate is higher among the more deprived (the way ScotPHO reports
 * it for a harm such as child poverty).
 *
 * 95% interval: the standard error of the weighted least-squares slope from the weighted residual
 * variance (weights scaled to sum to the number of groups), with the t distribution on (groups − 2)
 * degrees of freedom. It measures how far the groups stray from the line, not the sampling error
 * of each group's rate (PHE's Fingertips simulates that instead). The RII's interval is the
 * SII's divided by the mean rate, treating the mean as fixed. Pure, so every step is unit-tested.
 */
import { tCritical } from "./recent-trend.ts";

/** One deprivation group, ordered from most to least deprived; null when suppressed or missing. */
export interface InequalityGroupInput {
  label: string;
  rate: number | null;
  /** The group's population (the rate's denominator): its weight and its width on the scale. */
  population: number | null;
}

export interface InequalityGroup {
  label: string;
  rate: number;
  population: number;
  /** Relative rank: cumulative population share at the group's midpoint, 0 = most deprived. */
  ridit: number;
}

export interface SlopeIndex {
  sii: number;
  siiLower: number;
  siiUpper: number;
  rii: number;
  riiLower: number;
  riiUpper: number;
  /** The population-weighted mean rate the RII is relative to. */
  mean: number;
  groups: InequalityGroup[];
  degreesOfFreedom: number;
}

export type SlopeIndexResult = { ok: true; index: SlopeIndex } | { ok: false; problem: string };

/** Fewer groups than this give a line through too few points to say anything (and no interval below three). */
export const MIN_GROUPS = 4;

export const SLOPE_INDEX_METHOD =
  "Slope index of inequality (SII): the difference in the rate between the most and the least deprived ends of the deprivation scale, from a population-weighted least-squares line of each group's rate on its relative rank (the midpoint of its cumulative population share, most deprived first); positive when the rate is higher among the more deprived. Relative index of inequality (RII): the SII divided by the area's overall (population-weighted mean) rate, as ScotPHO defines it. 95% confidence interval from the weighted regression's residual variance (t distribution, groups − 2 degrees of freedom), so it reflects how far the groups stray from the line rather than the sampling error in each group's rate.";

export function slopeIndex(input: readonly InequalityGroupInput[]): SlopeIndexResult {
  const missing = input.filter((g) => g.rate === null || g.population === null || !(g.population > 0));
  // A group without a value cannot be left out: the others' ranks would shift to close the gap.
  if (missing.length)
    return {
      ok: false,
      problem: `Not calculated: ${missing.map((g) => g.label).join(", ")} ${missing.length === 1 ? "has" : "have"} no value or no population, and the slope needs every group.`,
    };
  if (input.length < MIN_GROUPS)
    return {
      ok: false,
      problem: `Not calculated: only ${input.length} deprivation group${input.length === 1 ? "" : "s"}, and the slope needs at least ${MIN_GROUPS}.`,
    };
  const total = input.reduce((sum, g) => sum + g.population!, 0);
  let cumulative = 0;
  const groups: InequalityGroup[] = input.map((g) => {
    const share = g.population! / total;
    const ridit = cumulative + share / 2;
    cumulative += share;
    return { label: g.label, rate: g.rate!, population: g.population!, ridit };
  });
  const k = groups.length;
  // Weights are population shares scaled to sum to k (analytic weights), so the residual variance is per group.
  const weights = groups.map((g) => (g.population / total) * k);
  const sumW = k;
  const meanX = groups.reduce((s, g, i) => s + weights[i]! * g.ridit, 0) / sumW;
  const mean = groups.reduce((s, g, i) => s + weights[i]! * g.rate, 0) / sumW;
  const sxx = groups.reduce((s, g, i) => s + weights[i]! * (g.ridit - meanX) ** 2, 0);
  const sxy = groups.reduce((s, g, i) => s + weights[i]! * (g.ridit - meanX) * (g.rate - mean), 0);
  const slope = sxy / sxx;
  const intercept = mean - slope * meanX;
  const residual = groups.reduce((s, g, i) => s + weights[i]! * (g.rate - (intercept + slope * g.ridit)) ** 2, 0);
  const degreesOfFreedom = k - 2;
  const standardError = Math.sqrt(residual / degreesOfFreedom / sxx);
  const half = tCritical(degreesOfFreedom) * standardError;
  // Ridit 0 is the most deprived end: the SII is the fall in the fitted rate across the scale.
  const sii = -slope;
  if (mean === 0)
    return {
      ok: false,
      problem: "Not calculated: the rate is zero in every group, so there is no gradient to measure.",
    };
  const index: SlopeIndex = {
    sii,
    siiLower: sii - half,
    siiUpper: sii + half,
    mean,
    rii: sii / mean,
    riiLower: (sii - half) / mean,
    riiUpper: (sii + half) / mean,
    groups,
    degreesOfFreedom,
  };
  return { ok: true, index };
}

/**
 * Splits small areas into `count` groups by their national deprivation rank (1 = most deprived),
 * as equal in number of small areas as they can be (the first groups take one more when they do
 * not divide evenly): "quintiles within the authority", most deprived first.
 */
export function localGroups<T extends { rank: number }>(areas: readonly T[], count: number): T[][] {
  const sorted = [...areas].sort((a, b) => a.rank - b.rank);
  const size = Math.floor(sorted.length / count);
  const extra = sorted.length % count;
  const out: T[][] = [];
  let start = 0;
  for (let i = 0; i < count; i++) {
    const length = size + (i < extra ? 1 : 0);
    out.push(sorted.slice(start, start + length));
    start += length;
  }
  return out.filter((group) => group.length > 0);
}
