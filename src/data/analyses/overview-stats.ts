/**
 * The figures of the indicators overview, pure so they are tested against direct computation:
 * the spread of comparable areas' values (lowest, quartiles, highest) and the area's comparison
 * with the nation. Suppressed and missing values are left out of the spread, never read as 0.
 */
import { quantileSorted } from "d3-array";
import type { ObservationValue } from "../indicators/index.ts";
import { type Benchmark, benchmark, type Polarity } from "./analysis.ts";

export interface Spread {
  /** Areas with a value (suppressed and missing ones are not counted). */
  areas: number;
  /** Areas of the type in the nation with a row for the period but no value. */
  withoutValue: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

/** Fewer areas than this and quartiles describe nothing: no spread is shown. */
export const MIN_AREAS_FOR_SPREAD = 5;

export const SPREAD_METHOD =
  "Percentiles by linear interpolation between the ordered values of the areas with a value (the method of R's and Excel's PERCENTILE.INC, type 7).";

/** The spread of `values`, or null with fewer than MIN_AREAS_FOR_SPREAD values. */
export function spreadOf(values: readonly (number | null)[]): Spread | null {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (present.length < MIN_AREAS_FOR_SPREAD) return null;
  return {
    areas: present.length,
    withoutValue: values.length - present.length,
    min: present[0]!,
    q1: quantileSorted(present, 0.25)!,
    median: quantileSorted(present, 0.5)!,
    q3: quantileSorted(present, 0.75)!,
    max: present.at(-1)!,
  };
}

/**
 * The area against the nation by 95% intervals only (the indicator's own confidence limits, or a
 * Wilson interval from its numerator and denominator), as the red-red list judges: a quintile
 * among areas is not a significance test, so without an interval the result is "not compared"
 * with the reason.
 */
export function compareWithNation(
  area: ObservationValue | null,
  nation: ObservationValue | null,
  options: { unit: string; polarity: Polarity },
): Benchmark {
  if (!area || area.value === null)
    return { result: "not compared", method: "none", note: "the area has no value for this period" };
  if (options.unit !== "count" && options.polarity !== "neither" && (!nation || nation.value === null))
    return { result: "not compared", method: "none", note: "no national value for this period" };
  const result = benchmark(area, nation, options);
  if (result.method === "none" && options.unit !== "count" && options.polarity !== "neither")
    return {
      ...result,
      note: "no confidence interval, and no numerator and denominator to make a Wilson interval from",
    };
  return result;
}
