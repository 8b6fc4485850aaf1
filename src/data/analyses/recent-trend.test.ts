import { describe, expect, it } from "vitest";
import { FLAG } from "../indicators/index.ts";
import type { Value } from "./analysis.ts";
import { cochranArmitage, leastSquaresSlope, recentTrend } from "./recent-trend.ts";

const value = (index: number, v: number | null, extra: Partial<Value> = {}): Value => ({
  periodCode: `${2016 + index}/${String(17 + index)}`,
  periodSortKey: 2016 + index,
  value: v,
  numerator: null,
  denominator: null,
  ciLower: null,
  ciUpper: null,
  flags: 0,
  ...extra,
});

/** Z² of Cochran–Armitage equals N·r², r the Pearson correlation of score and outcome over every person. */
function correlationStatistic(points: { numerator: number; denominator: number }[]): number {
  let n = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  points.forEach((p, index) => {
    const x = index + 1;
    n += p.denominator;
    sx += x * p.denominator;
    sxx += x * x * p.denominator;
    sy += p.numerator;
    syy += p.numerator;
    sxy += x * p.numerator;
  });
  const r = (sxy - (sx * sy) / n) / Math.sqrt((sxx - (sx * sx) / n) * (syy - (sy * sy) / n));
  return n * r * r;
}

describe("recent trend", () => {
  it("Cochran–Armitage agrees with N·r² computed over every person", () => {
    const points = [
      { numerator: 40, denominator: 200 },
      { numerator: 48, denominator: 210 },
      { numerator: 45, denominator: 190 },
      { numerator: 60, denominator: 205 },
      { numerator: 66, denominator: 200 },
    ];
    const test = cochranArmitage(points)!;
    expect(test.z ** 2).toBeCloseTo(correlationStatistic(points), 8);
    expect(test.z).toBeGreaterThan(0);
    expect(test.pValue).toBeLessThan(0.05);
    // p for |z| = 1.959964 is 0.05 by the normal tail.
    const flat = cochranArmitage(points.map((p) => ({ numerator: 50, denominator: p.denominator })))!;
    expect(flat.pValue).toBeGreaterThan(0.05);
  });

  it("least-squares slope and interval equal the worked example", () => {
    // y = 1,3,2,5,4: slope 8/10, residual SS 3.6, s² 1.2, SE √0.12, t(0.975, 3) = 3.182.
    const slope = leastSquaresSlope([1, 3, 2, 5, 4])!;
    expect(slope.estimate).toBeCloseTo(0.8, 10);
    expect(slope.lower).toBeCloseTo(0.8 - 3.182 * Math.sqrt(0.12), 10);
    expect(slope.upper).toBeCloseTo(0.8 + 3.182 * Math.sqrt(0.12), 10);
    const exact = leastSquaresSlope([2, 4, 6, 8, 10])!;
    expect([exact.estimate, exact.lower, exact.upper]).toEqual([2, 2, 2]);
  });

  it("uses the five latest periods with a value, skipping suppressed ones, and judges by polarity", () => {
    const rising = [10, 11, 12, 13, 14, 15, 16].map((v, i) => value(i, v));
    rising[6] = value(6, null, { flags: FLAG.suppressed });
    const worse = recentTrend(rising, "higher-is-worse", "rate");
    expect(worse.result).toBe("getting worse");
    expect(worse.method).toBe("least-squares slope");
    expect(worse.periods).toEqual(["2017/18", "2018/19", "2019/20", "2020/21", "2021/22"]);
    expect(recentTrend(rising, "higher-is-better", "rate").result).toBe("getting better");
    expect(recentTrend(rising, "neither", "rate").result).toBe("increasing");
    expect(recentTrend(rising.slice(0, 4), "higher-is-worse", "rate").result).toBe("not enough data");
    const noisy = [1, 3, 2, 5, 4].map((v, i) => value(i, v));
    expect(recentTrend(noisy, "higher-is-worse", "rate").result).toBe("no significant change");
  });

  it("tests proportions with numerators and denominators by Cochran–Armitage", () => {
    const values = [40, 48, 45, 60, 66].map((n, i) => value(i, (n / 200) * 100, { numerator: n, denominator: 200 }));
    const result = recentTrend(values, "higher-is-worse", "percentage");
    expect(result.method).toBe("Cochran–Armitage test for trend");
    expect(result.result).toBe("getting worse");
    expect(result.note).toContain("2016/17 to 2020/21");
  });
});
