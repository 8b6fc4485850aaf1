import { describe, expect, it } from "vitest";
import { FLAG, type ObservationValue } from "../indicators/index.ts";
import { compareWithNation, spreadOf } from "./overview-stats.ts";

function value(v: number | null, extra: Partial<ObservationValue> = {}): ObservationValue {
  return {
    indicatorSlug: "x",
    areaId: 1,
    areaCode: "E06000005",
    periodCode: "2023/24",
    periodSortKey: 202300,
    breakdownId: 0,
    value: v,
    numerator: null,
    denominator: null,
    ciLower: null,
    ciUpper: null,
    flags: v === null ? FLAG.suppressed : 0,
    batchId: 1,
    ...extra,
  };
}

describe("spreadOf", () => {
  it("gives lowest, quartiles by linear interpolation, median and highest, leaving out missing values", () => {
    // Sorted: 1 2 3 4 10 → positions (n−1)p: 1 → 2, 2 → 3, 3 → 4.
    expect(spreadOf([10, null, 3, 1, 4, 2])).toEqual({
      areas: 5,
      withoutValue: 1,
      min: 1,
      q1: 2,
      median: 3,
      q3: 4,
      max: 10,
    });
    // Six values: 25th at position 1.25 between 2 and 4 → 2.5; median between 4 and 6 → 5; 75th at 3.75 → 7.5.
    expect(spreadOf([0, 2, 4, 6, 8, 10])).toMatchObject({ q1: 2.5, median: 5, q3: 7.5 });
  });

  it("shows no spread for fewer than five values, and never counts a missing one as zero", () => {
    expect(spreadOf([1, 2, 3, 4, null, null])).toBeNull();
    expect(spreadOf([5, 6, 7, 8, 9, null])!.min).toBe(5);
  });
});

describe("compareWithNation", () => {
  const options = { unit: "percentage", polarity: "higher-is-worse" as const };
  it("compares by the area's confidence limits, then a Wilson interval, and says why not otherwise", () => {
    expect(compareWithNation(value(30, { ciLower: 28, ciUpper: 32 }), value(24), options)).toMatchObject({
      result: "worse",
      method: "confidence intervals",
    });
    expect(compareWithNation(value(30, { ciLower: 20, ciUpper: 32 }), value(24), options).result).toBe("similar");
    // 150 of 1,000 = 15%, Wilson 95% about 12.9–17.4: better than 24% when higher is worse.
    expect(compareWithNation(value(15, { numerator: 150, denominator: 1000 }), value(24), options)).toMatchObject({
      result: "better",
      method: "Wilson score interval",
    });
    // Higher is better flips the judgement.
    expect(
      compareWithNation(value(15, { numerator: 150, denominator: 1000 }), value(24), {
        ...options,
        polarity: "higher-is-better",
      }).result,
    ).toBe("worse");
    expect(compareWithNation(value(30), value(24), options)).toMatchObject({
      result: "not compared",
      note: "no confidence interval, and no numerator and denominator to make a Wilson interval from",
    });
  });

  it("does not compare a suppressed area, a missing nation, counts or indicators with no direction", () => {
    expect(compareWithNation(value(null), value(24), options).note).toBe("the area has no value for this period");
    expect(compareWithNation(value(30, { ciLower: 28, ciUpper: 32 }), null, options).note).toBe(
      "no national value for this period",
    );
    expect(compareWithNation(value(30), value(24), { unit: "count", polarity: "higher-is-worse" }).note).toMatch(
      /counts depend on population size/,
    );
    expect(
      compareWithNation(value(30, { ciLower: 28, ciUpper: 32 }), value(24), { ...options, polarity: "neither" }).note,
    ).toMatch(/no better or worse direction/);
  });
});
