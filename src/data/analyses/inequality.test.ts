import { describe, expect, it } from "vitest";
import { localGroups, slopeIndex } from "./inequality.ts";

const groups = (rates: (number | null)[], populations: (number | null)[]) =>
  rates.map((rate, i) => ({ label: `Group ${i + 1}`, rate, population: populations[i]! }));

/** Ordinary least squares on one row per person: the population-weighted line must be the same line. */
function slopeOverPeople(rates: number[], populations: number[]): number {
  const total = populations.reduce((a, b) => a + b, 0);
  const xs: number[] = [];
  const ys: number[] = [];
  let before = 0;
  populations.forEach((n, i) => {
    const ridit = (before + n / 2) / total;
    before += n;
    for (let person = 0; person < n; person++) {
      xs.push(ridit);
      ys.push(rates[i]!);
    }
  });
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
  }
  return sxy / sxx;
}

describe("slope and relative index of inequality", () => {
  it("a straight gradient over five equal quintiles: SII is the drop end to end, RII over the mean, no width", () => {
    // Worked by hand: ridits 0.1, 0.3, 0.5, 0.7, 0.9; the rate falls 10 per 0.2 of the scale, so
    // 50 across the whole scale; the mean is 30, so RII = 50 / 30; the points lie on the line.
    const result = slopeIndex(groups([50, 40, 30, 20, 10], [200, 200, 200, 200, 200]));
    if (!result.ok) throw new Error(result.problem);
    const r = result.index;
    expect(r.groups.map((g) => g.ridit)).toEqual([0.1, 0.3, 0.5, 0.7, 0.9].map((x) => expect.closeTo(x, 12)));
    expect(r.sii).toBeCloseTo(50, 10);
    expect(r.mean).toBeCloseTo(30, 10);
    expect(r.rii).toBeCloseTo(5 / 3, 10);
    expect(r.siiLower).toBeCloseTo(50, 8);
    expect(r.siiUpper).toBeCloseTo(50, 8);
  });

  it("unequal populations: the weighted line, its interval (t on 2 df) and RII, worked independently", () => {
    // Populations 100, 300, 400, 200 (shares .1 .3 .4 .2): ridits .05, .25, .6, .9. Rates 12, 10, 5, 4.
    // Weighted means: x̄ = .005 + .075 + .24 + .18 = .5; ȳ = 1.2 + 3 + 2 + .8 = 7.
    // Slope Σw(x−x̄)(y−ȳ) / Σw(x−x̄)² with w the shares: (x−x̄) = −.45, −.25, .1, .4; (y−ȳ) = 5, 3, −2, −3 → products weighted: −.225, −.225, −.08, −.24 = −.77;
    // Σw(x−x̄)² = .02025 + .01875 + .004 + .032 = .075 → slope −.77 / .075 = −10.2667, SII = 154/15.
    // Residuals from ŷ = 7 − 10.2667(x − .5): 12 − 11.6200 = .3800, 10 − 9.5667 = .4333, 5 − 5.9733 = −.9733,
    // 4 − 2.8933 = 1.1067; Σ4w·r² = 4(.01444 + .05633 + .37894 + .24495) = 2.77863; s² = 2.77863 / 2;
    // se = √(s² / (4 × .075)) = 2.1520; half-width = 4.303 × 2.1520 = 9.2601 (numpy's weighted fit agrees).
    const result = slopeIndex(groups([12, 10, 5, 4], [100, 300, 400, 200]));
    if (!result.ok) throw new Error(result.problem);
    const r = result.index;
    expect(r.groups.map((g) => g.ridit)).toEqual([0.05, 0.25, 0.6, 0.9].map((x) => expect.closeTo(x, 12)));
    expect(r.mean).toBeCloseTo(7, 10);
    expect(r.sii).toBeCloseTo(154 / 15, 8);
    expect(r.rii).toBeCloseTo(154 / 15 / 7, 8);
    expect(r.degreesOfFreedom).toBe(2);
    expect(r.siiUpper - r.sii).toBeCloseTo(4.303 * 2.1520016522, 5);
    expect(r.sii - r.siiLower).toBeCloseTo(4.303 * 2.1520016522, 5);
    expect(r.riiLower).toBeCloseTo(r.siiLower / 7, 10);
    // The same line as ordinary least squares over one row per person.
    expect(-slopeOverPeople([12, 10, 5, 4], [100, 300, 400, 200])).toBeCloseTo(r.sii, 8);
  });

  it("is negative when the rate is higher among the less deprived", () => {
    const result = slopeIndex(groups([1, 2, 3, 4, 5], [10, 10, 10, 10, 10]));
    expect(result.ok && result.index.sii).toBeCloseTo(-5, 10);
  });

  it("refuses, saying why, with a missing group, too few groups or a zero rate everywhere", () => {
    const missing = slopeIndex(groups([5, null, 3, 2, 1], [10, 10, 10, 10, 10]));
    expect(missing).toEqual({ ok: false, problem: expect.stringContaining("Group 2 has no value") });
    const few = slopeIndex(groups([5, 3, 1], [10, 10, 10]));
    expect(few).toEqual({ ok: false, problem: expect.stringContaining("only 3 deprivation groups") });
    const noPopulation = slopeIndex(groups([5, 3, 1, 2], [10, 0, 10, 10]));
    expect(noPopulation.ok).toBe(false);
    const zero = slopeIndex(groups([0, 0, 0, 0], [10, 10, 10, 10]));
    expect(zero).toEqual({ ok: false, problem: expect.stringContaining("zero in every group") });
  });

  it("splits small areas into local quintiles by national rank, most deprived first, sizes differing by at most one", () => {
    const areas = [9, 3, 7, 1, 5, 12, 2, 8, 4, 11, 6, 10].map((rank) => ({ rank }));
    const quintiles = localGroups(areas, 5);
    expect(quintiles.map((q) => q.map((a) => a.rank))).toEqual([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8],
      [9, 10],
      [11, 12],
    ]);
    expect(localGroups(areas.slice(0, 3), 5).length).toBe(3);
  });
});
