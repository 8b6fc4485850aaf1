/**
 * Pure analyses of stored indicator values: latest value, trend, rank, benchmark, decile
 * distribution. No database here, so every rule is unit-tested. Missing and suppressed values
 * are never treated as zero: they are skipped or reported, and never enter a sum or a rank.
 */
import { aggregateValues, FLAG, type ObservationValue, parsePeriod } from "../indicators/index.ts";

export type Polarity = "higher-is-worse" | "higher-is-better" | "neither";

/** The fields the analyses need; ObservationValue satisfies it. */
export type Value = Pick<
  ObservationValue,
  "periodCode" | "periodSortKey" | "value" | "numerator" | "denominator" | "ciLower" | "ciUpper" | "flags"
>;

export interface FlagLabels {
  provisional: boolean;
  suppressed: boolean;
  missing: boolean;
}

export function flagLabels(flags: number, value: number | null): FlagLabels {
  const suppressed = (flags & FLAG.suppressed) !== 0;
  return {
    provisional: (flags & FLAG.provisional) !== 0,
    suppressed,
    missing: !suppressed && (value === null || (flags & FLAG.missing) !== 0),
  };
}

function byPeriod(values: readonly Value[]): Value[] {
  return [...values].sort((a, b) => a.periodSortKey - b.periodSortKey);
}

export interface Latest<V extends Value = Value> {
  /** The newest period with a value; null when no period has one. */
  observation: V | null;
  /** The newest period of all, which may be suppressed or missing (then shown as such). */
  newestPeriod: V | null;
  flags: FlagLabels | null;
}

/** Latest value: the newest period that has a number; says too if a newer period is suppressed or missing. */
export function latestValue<V extends Value>(values: readonly V[]): Latest<V> {
  const sorted = byPeriod(values) as V[];
  const newest = sorted.at(-1) ?? null;
  const observation = [...sorted].reverse().find((v) => v.value !== null) ?? null;
  return { observation, newestPeriod: newest, flags: newest ? flagLabels(newest.flags, newest.value) : null };
}

export type Direction = "increasing" | "decreasing" | "no change" | "not enough data";
export type Judgement = "improving" | "worsening" | "no change" | "not judged";

export interface Change {
  from: string;
  to: string;
  direction: Direction;
  judgement: Judgement;
  /** Absolute and relative (%) change; relative is null when the base is 0. */
  difference: number | null;
  percent: number | null;
  /**
   * When the two periods are not next to each other in their series (a monthly series with
   * months missing between them): how many periods apart they are, so the change is read as such.
   */
  gap?: { periods: number; unit: "months" | "quarters" | "years" } | undefined;
}

const GAP_UNITS = {
  month: ["months", 1],
  quarter: ["quarters", 3],
  "financial-year": ["years", 12],
  "calendar-year": ["years", 12],
} as const;

/** How far apart two periods of the same kind are, in that kind's steps (1 = consecutive); null for other kinds. */
export function periodsApart(
  from: string,
  to: string,
): { periods: number; unit: "months" | "quarters" | "years" } | null {
  const a = parsePeriod(from);
  const b = parsePeriod(to);
  if (!a || !b || a.kind !== b.kind) return null;
  const unit = GAP_UNITS[a.kind as keyof typeof GAP_UNITS];
  if (!unit) return null;
  const months = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7));
  return { periods: Math.round((months(b.startDate) - months(a.startDate)) / unit[1]), unit: unit[0] };
}

export interface Trend {
  points: { periodCode: string; value: number | null; flags: FlagLabels }[];
  /** Latest compared with the first period with a value. */
  sinceFirst: Change | null;
  /** Latest compared with the previous period with a value. */
  sincePrevious: Change | null;
  /** The latest value is provisional, so the direction may change on revision. */
  provisional: boolean;
}

function judge(direction: Direction, polarity: Polarity): Judgement {
  if (direction === "no change") return "no change";
  if (direction === "not enough data" || polarity === "neither") return "not judged";
  const up = direction === "increasing";
  return up === (polarity === "higher-is-better") ? "improving" : "worsening";
}

/**
 * Direction of a change; within `tolerance` (relative, default 1%) of the earlier value counts as
 * "no change", so rounding noise in published figures is not reported as a trend.
 */
export function compareValues(from: Value, to: Value, polarity: Polarity, tolerance = 0.01): Change {
  const a = from.value;
  const b = to.value;
  if (a === null || b === null)
    return {
      from: from.periodCode,
      to: to.periodCode,
      direction: "not enough data",
      judgement: "not judged",
      difference: null,
      percent: null,
    };
  const difference = b - a;
  const percent = a === 0 ? null : (difference / Math.abs(a)) * 100;
  const threshold = Math.abs(a) * tolerance;
  const direction: Direction =
    Math.abs(difference) <= threshold ? "no change" : difference > 0 ? "increasing" : "decreasing";
  return {
    from: from.periodCode,
    to: to.periodCode,
    direction,
    judgement: judge(direction, polarity),
    difference,
    percent,
  };
}

export function trend(values: readonly Value[], polarity: Polarity, tolerance = 0.01): Trend {
  const sorted = byPeriod(values);
  const present = sorted.filter((v) => v.value !== null);
  const latest = present.at(-1);
  const first = present[0];
  const previous = present.at(-2);
  const sincePrevious = latest && previous ? compareValues(previous, latest, polarity, tolerance) : null;
  if (sincePrevious) {
    // Missing periods between them: the change spans the gap, and says so.
    const apart = periodsApart(previous!.periodCode, latest!.periodCode);
    if (apart && apart.periods > 1) sincePrevious.gap = apart;
  }
  return {
    points: sorted.map((v) => ({ periodCode: v.periodCode, value: v.value, flags: flagLabels(v.flags, v.value) })),
    sinceFirst: latest && first && first !== latest ? compareValues(first, latest, polarity, tolerance) : null,
    sincePrevious,
    provisional: latest ? (latest.flags & FLAG.provisional) !== 0 : false,
  };
}

export interface Rank {
  /** 1 = best by polarity (for "neither": 1 = highest value). */
  position: number;
  of: number;
  tied: number;
  /** Areas of the type without a value (missing or suppressed): left out of the ranking. */
  withoutValue: number;
  order: "lowest first" | "highest first";
}

/**
 * Standard competition ranking ("1224") among areas with a value. Null when the area itself has
 * no value: an area is never ranked on a missing figure.
 */
export function rankAmong(
  areaCode: string,
  values: readonly { areaCode: string; value: number | null }[],
  polarity: Polarity,
): Rank | null {
  const own = values.find((v) => v.areaCode === areaCode);
  if (!own || own.value === null) return null;
  const present = values.filter((v): v is { areaCode: string; value: number } => v.value !== null);
  const lowestFirst = polarity === "higher-is-worse";
  const ahead = present.filter((v) => (lowestFirst ? v.value < own.value! : v.value > own.value!)).length;
  const tied = present.filter((v) => v.value === own.value).length;
  return {
    position: ahead + 1,
    of: present.length,
    tied,
    withoutValue: values.length - present.length,
    order: lowestFirst ? "lowest first" : "highest first",
  };
}

/**
 * The same Rank from counts stored at import (peer_ranks): peers below, tied (the area
 * included), with a value, and without one. Polarity only picks which side counts as ahead.
 */
export function rankFromCounts(
  counts: { below: number; tied: number; ranked: number; unranked: number },
  polarity: Polarity,
): Rank {
  const lowestFirst = polarity === "higher-is-worse";
  const above = counts.ranked - counts.below - counts.tied;
  return {
    position: (lowestFirst ? counts.below : above) + 1,
    of: counts.ranked,
    tied: counts.tied,
    withoutValue: counts.unranked,
    order: lowestFirst ? "lowest first" : "highest first",
  };
}

export type BenchmarkResult = "better" | "similar" | "worse" | "not compared";

export interface Benchmark {
  result: BenchmarkResult;
  method: "confidence intervals" | "Wilson score interval" | "quintiles" | "none";
  /** Why the result is "not compared", or how it was reached. */
  note: string;
  quintile?: number;
}

/** 95% Wilson score interval for a proportion, as a percentage (PHE/Fingertips method). */
export function wilsonInterval(
  numerator: number,
  denominator: number,
  z = 1.959964,
): { lower: number; upper: number } | null {
  if (!(denominator > 0) || numerator < 0 || numerator > denominator) return null;
  const p = numerator / denominator;
  const z2 = z * z;
  const centre = p + z2 / (2 * denominator);
  const spread = z * Math.sqrt((p * (1 - p)) / denominator + z2 / (4 * denominator * denominator));
  const divisor = 1 + z2 / denominator;
  return { lower: ((centre - spread) / divisor) * 100, upper: ((centre + spread) / divisor) * 100 };
}

function interval(v: Value, unit: string): { lower: number; upper: number; method: Benchmark["method"] } | null {
  if (v.ciLower !== null && v.ciUpper !== null)
    return { lower: v.ciLower, upper: v.ciUpper, method: "confidence intervals" };
  if ((unit === "percentage" || unit === "proportion") && v.numerator !== null && v.denominator !== null) {
    const w = wilsonInterval(v.numerator, v.denominator);
    if (!w) return null;
    // Proportions stored 0–1 are compared on that scale.
    const scale = unit === "proportion" && v.value !== null && v.value <= 1 ? 0.01 : 1;
    return { lower: w.lower * scale, upper: w.upper * scale, method: "Wilson score interval" };
  }
  return null;
}

function direction(higher: boolean, polarity: Polarity): BenchmarkResult {
  if (polarity === "neither") return "not compared";
  return higher === (polarity === "higher-is-better") ? "better" : "worse";
}

/**
 * Fingertips-style comparison of an area with a benchmark (nation or region): by 95% confidence
 * interval overlap with the benchmark's value when limits exist or a Wilson interval can be made;
 * otherwise by the area's quintile among `peers` (areas of the same type): top fifth better,
 * bottom fifth worse. Counts are not benchmarked (they follow population size).
 */
export function benchmark(
  area: Value,
  reference: Value | null,
  options: {
    unit: string;
    polarity: Polarity;
    peers?: readonly { areaCode: string; value: number | null }[];
    areaCode?: string;
    rank?: Rank | null;
  },
): Benchmark {
  if (area.value === null) return { result: "not compared", method: "none", note: "no value for this area" };
  if (options.unit === "count")
    return { result: "not compared", method: "none", note: "counts depend on population size and are not benchmarked" };
  if (options.polarity === "neither")
    return { result: "not compared", method: "none", note: "this indicator has no better or worse direction" };
  const ci = interval(area, options.unit);
  if (ci && reference?.value != null) {
    const ref = reference.value;
    if (ref >= ci.lower && ref <= ci.upper)
      return { result: "similar", method: ci.method, note: "the benchmark lies within the 95% interval" };
    return {
      result: direction(ci.lower > ref, options.polarity),
      method: ci.method,
      note: "the 95% interval does not include the benchmark",
    };
  }
  // A rank already worked out (stored at import) saves ranking the peers again.
  if (options.rank !== undefined || (options.peers && options.areaCode)) {
    const rank =
      options.rank !== undefined ? options.rank : rankAmong(options.areaCode!, options.peers!, options.polarity);
    if (rank && rank.of >= 5) {
      const quintile = Math.min(5, Math.floor(((rank.position - 1) / rank.of) * 5) + 1);
      const result: BenchmarkResult = quintile === 1 ? "better" : quintile === 5 ? "worse" : "similar";
      return {
        result,
        method: "quintiles",
        quintile,
        note: `quintile ${quintile} of 5 among ${rank.of} areas (1 = best)`,
      };
    }
  }
  return {
    result: "not compared",
    method: "none",
    note: "no confidence interval, numerator and denominator, or enough areas to compare",
  };
}

export interface DecileDistribution {
  /** counts[0] is decile 1 (most deprived) … counts[9] decile 10. */
  counts: number[];
  areas: number;
  withoutDecile: number;
  /** Children living in areas in decile 1, and in deciles 1–2; null when any denominator is missing. */
  childrenMostDeprived10: number | null;
  childrenMostDeprived20: number | null;
  children: number | null;
}

/**
 * How many small areas fall in each national decile, and (with population denominators) how many
 * children live in the most deprived 10% and 20%. Children are summed with aggregateValues, so a
 * missing denominator makes the total missing rather than too small.
 */
export function decileDistribution(
  deciles: readonly { areaCode: string; value: number | null }[],
  population?: readonly Pick<ObservationValue, "areaCode" | "value" | "numerator" | "denominator" | "flags">[],
): DecileDistribution {
  const counts = Array.from({ length: 10 }, () => 0);
  let withoutDecile = 0;
  for (const d of deciles) {
    if (d.value === null || !Number.isInteger(d.value) || d.value < 1 || d.value > 10) withoutDecile++;
    else counts[d.value - 1]!++;
  }
  const result: DecileDistribution = {
    counts,
    areas: deciles.length,
    withoutDecile,
    childrenMostDeprived10: null,
    childrenMostDeprived20: null,
    children: null,
  };
  if (!population || population.length === 0) return result;
  const byCode = new Map(population.map((p) => [p.areaCode, p]));
  const sumFor = (codes: string[]) => {
    // No area in the band is a true zero (nobody lives there), not a missing figure.
    if (codes.length === 0) return 0;
    const parts = codes.map(
      (code) => byCode.get(code) ?? { value: null, numerator: null, denominator: null, flags: FLAG.missing },
    );
    return aggregateValues(parts, "count").value;
  };
  const present = deciles.filter((d) => d.value !== null);
  if (present.length < deciles.length) return result;
  result.children = sumFor(deciles.map((d) => d.areaCode));
  result.childrenMostDeprived10 = sumFor(present.filter((d) => d.value === 1).map((d) => d.areaCode));
  result.childrenMostDeprived20 = sumFor(present.filter((d) => d.value! <= 2).map((d) => d.areaCode));
  return result;
}
