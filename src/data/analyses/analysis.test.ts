import { describe, expect, it } from "vitest";
import { FLAG } from "../indicators/index.ts";
import {
  benchmark,
  compareValues,
  decileDistribution,
  latestValue,
  type Polarity,
  rankAmong,
  rankFromCounts,
  trend,
  type Value,
  wilsonInterval,
} from "./analysis.ts";

function v(periodCode: string, sortKey: number, value: number | null, extra: Partial<Value> = {}): Value {
  return {
    periodCode,
    periodSortKey: sortKey,
    value,
    numerator: null,
    denominator: null,
    ciLower: null,
    ciUpper: null,
    flags: value === null ? FLAG.missing : 0,
    ...extra,
  };
}

describe("latestValue", () => {
  it("takes the newest period with a value, whatever the input order, and labels its flags", () => {
    const latest = latestValue([
      v("2021/22", 3, 6070, { flags: FLAG.provisional }),
      v("2019/20", 1, 6316),
      v("2020/21", 2, 6989),
    ]);
    expect(latest.observation?.periodCode).toBe("2021/22");
    expect(latest.observation?.value).toBe(6070);
    expect(latest.flags).toEqual({ provisional: true, suppressed: false, missing: false });
  });
  it("never reads a suppressed or missing newest period as zero; reports it and falls back", () => {
    const latest = latestValue([v("2020", 1, 12), v("2021", 2, null, { flags: FLAG.suppressed })]);
    expect(latest.observation?.value).toBe(12);
    expect(latest.newestPeriod?.periodCode).toBe("2021");
    expect(latest.flags).toEqual({ provisional: false, suppressed: true, missing: false });
    expect(latestValue([v("2021", 2, null)]).observation).toBeNull();
    expect(latestValue([]).observation).toBeNull();
  });
});

describe("trend", () => {
  const series = [
    v("2014/15", 1, 4229),
    v("2015/16", 2, 4318),
    v("2016/17", 3, null),
    v("2021/22", 9, 6070, { flags: FLAG.provisional }),
  ];
  it("compares the latest with the first and with the previous value, skipping missing periods", () => {
    const t = trend(series, "higher-is-worse");
    expect(t.sinceFirst).toMatchObject({
      from: "2014/15",
      to: "2021/22",
      direction: "increasing",
      judgement: "worsening",
      difference: 1841,
    });
    expect(t.sinceFirst!.percent).toBeCloseTo(43.53, 2);
    expect(t.sincePrevious).toMatchObject({ from: "2015/16", direction: "increasing" });
    expect(t.provisional).toBe(true);
    expect(t.points.map((p) => p.value)).toEqual([4229, 4318, null, 6070]);
    expect(t.points[2]!.flags.missing).toBe(true);
  });
  it("calls a change within the tolerance no change, and judges direction by polarity", () => {
    expect(compareValues(v("a", 1, 100), v("b", 2, 100.9), "higher-is-worse").direction).toBe("no change");
    expect(compareValues(v("a", 1, 100), v("b", 2, 102), "higher-is-better").judgement).toBe("improving");
    expect(compareValues(v("a", 1, 100), v("b", 2, 98), "higher-is-better").judgement).toBe("worsening");
    expect(compareValues(v("a", 1, 100), v("b", 2, 98), "neither").judgement).toBe("not judged");
    expect(compareValues(v("a", 1, 0), v("b", 2, 5), "neither")).toMatchObject({
      direction: "increasing",
      percent: null,
    });
  });
  it("says how far apart the latest and the previous figure are when periods between have none", () => {
    const monthly = [v("2022-05", 1, 120), v("2022-06", 2, null), v("2023-04", 12, 150)];
    const t = trend(monthly, "higher-is-worse");
    expect(t.sincePrevious).toMatchObject({ from: "2022-05", to: "2023-04", gap: { periods: 11, unit: "months" } });
    expect(trend([v("2023-03", 1, 1), v("2023-04", 2, 2)], "neither").sincePrevious!.gap).toBeUndefined();
    expect(trend(series, "higher-is-worse").sincePrevious!.gap).toEqual({ periods: 6, unit: "years" });
  });
  it("has no change to report with a single value", () => {
    const t = trend([v("2020", 1, 5), v("2021", 2, null)], "higher-is-worse");
    expect(t.sinceFirst).toBeNull();
    expect(t.sincePrevious).toBeNull();
  });
});

describe("rankAmong", () => {
  const areas = [
    { areaCode: "A", value: 10 },
    { areaCode: "B", value: 20 },
    { areaCode: "C", value: 20 },
    { areaCode: "D", value: 30 },
    { areaCode: "E", value: null },
  ];
  it("ranks best first by polarity, with ties sharing a position", () => {
    expect(rankAmong("A", areas, "higher-is-worse")).toEqual({
      position: 1,
      of: 4,
      tied: 1,
      withoutValue: 1,
      order: "lowest first",
    });
    expect(rankAmong("C", areas, "higher-is-worse")).toMatchObject({ position: 2, tied: 2 });
    expect(rankAmong("D", areas, "higher-is-worse")!.position).toBe(4);
    expect(rankAmong("D", areas, "higher-is-better")!.position).toBe(1);
    expect(rankAmong("B", areas, "higher-is-better")).toMatchObject({ position: 2, tied: 2, order: "highest first" });
  });
  it("does not rank an area without a value", () => {
    expect(rankAmong("E", areas, "higher-is-worse")).toBeNull();
    expect(rankAmong("Z", areas, "higher-is-worse")).toBeNull();
  });
});

describe("benchmark", () => {
  const pct = { unit: "percentage", polarity: "higher-is-worse" as const };
  it("uses confidence-interval overlap when limits exist", () => {
    const england = v("2022", 1, 20);
    expect(benchmark(v("2022", 1, 25, { ciLower: 22, ciUpper: 28 }), england, pct)).toMatchObject({
      result: "worse",
      method: "confidence intervals",
    });
    expect(benchmark(v("2022", 1, 15, { ciLower: 12, ciUpper: 18 }), england, pct).result).toBe("better");
    expect(benchmark(v("2022", 1, 22, { ciLower: 19, ciUpper: 25 }), england, pct).result).toBe("similar");
    expect(benchmark(v("2022", 1, 25, { ciLower: 20, ciUpper: 28 }), england, pct).result).toBe("similar");
    expect(
      benchmark(v("2022", 1, 25, { ciLower: 22, ciUpper: 28 }), england, { ...pct, polarity: "higher-is-better" })
        .result,
    ).toBe("better");
  });
  it("makes a Wilson interval from numerator and denominator for proportions", () => {
    const w = wilsonInterval(30, 100)!;
    expect(w.lower).toBeCloseTo(21.92, 1);
    expect(w.upper).toBeCloseTo(39.6, 1);
    expect(wilsonInterval(1, 0)).toBeNull();
    const england = v("2022", 1, 20);
    expect(benchmark(v("2022", 1, 30, { numerator: 30, denominator: 100 }), england, pct)).toMatchObject({
      result: "worse",
      method: "Wilson score interval",
    });
    expect(benchmark(v("2022", 1, 24, { numerator: 12, denominator: 50 }), england, pct).result).toBe("similar");
  });
  it("falls back to quintiles among peers, best fifth better and worst fifth worse", () => {
    const peers = Array.from({ length: 10 }, (_, i) => ({ areaCode: `P${i}`, value: i + 1 }));
    const opts = { unit: "rate", polarity: "higher-is-worse" as const, peers };
    expect(benchmark(v("2022", 1, 1), null, { ...opts, areaCode: "P0" })).toMatchObject({
      result: "better",
      method: "quintiles",
      quintile: 1,
    });
    expect(benchmark(v("2022", 1, 5), null, { ...opts, areaCode: "P4" })).toMatchObject({
      result: "similar",
      quintile: 3,
    });
    expect(benchmark(v("2022", 1, 10), null, { ...opts, areaCode: "P9" })).toMatchObject({
      result: "worse",
      quintile: 5,
    });
  });
  it("does not compare missing values, counts or indicators without a direction", () => {
    expect(benchmark(v("2022", 1, null), v("2022", 1, 20), pct).result).toBe("not compared");
    expect(
      benchmark(v("2022", 1, 5, { ciLower: 1, ciUpper: 9 }), v("2022", 1, 20), {
        unit: "count",
        polarity: "higher-is-worse",
      }).result,
    ).toBe("not compared");
    expect(
      benchmark(v("2022", 1, 25, { ciLower: 22, ciUpper: 28 }), v("2022", 1, 20), {
        unit: "percentage",
        polarity: "neither",
      }).result,
    ).toBe("not compared");
    expect(benchmark(v("2022", 1, 25), null, pct).result).toBe("not compared");
  });
});

describe("decileDistribution", () => {
  const deciles = [
    { areaCode: "L1", value: 1 },
    { areaCode: "L2", value: 1 },
    { areaCode: "L3", value: 2 },
    { areaCode: "L4", value: 10 },
  ];
  const pop = (code: string, value: number | null) => ({
    areaCode: code,
    value,
    numerator: null,
    denominator: null,
    flags: value === null ? FLAG.missing : 0,
  });
  it("counts small areas per decile and sums children in the most deprived 10% and 20%", () => {
    const d = decileDistribution(deciles, [pop("L1", 100), pop("L2", 150), pop("L3", 200), pop("L4", 50)]);
    expect(d.counts).toEqual([2, 1, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(d).toMatchObject({
      areas: 4,
      withoutDecile: 0,
      childrenMostDeprived10: 250,
      childrenMostDeprived20: 450,
      children: 500,
    });
  });
  it("leaves children unknown when a denominator is missing, never counting it as zero", () => {
    const d = decileDistribution(deciles, [pop("L1", 100), pop("L2", null), pop("L3", 200), pop("L4", 50)]);
    expect(d.childrenMostDeprived10).toBeNull();
    expect(d.childrenMostDeprived20).toBeNull();
    expect(d.children).toBeNull();
    expect(decileDistribution(deciles, [pop("L1", 100)]).childrenMostDeprived20).toBeNull();
  });
  it("reports areas without a decile and works without denominators", () => {
    const d = decileDistribution([...deciles, { areaCode: "L5", value: null }]);
    expect(d.withoutDecile).toBe(1);
    expect(d.children).toBeNull();
    expect(decileDistribution([{ areaCode: "L4", value: 10 }], [pop("L4", 50)]).childrenMostDeprived10).toBe(0);
  });
});

describe("rankFromCounts", () => {
  it("gives rankAmong's rank from the counts stored at import, for every polarity, ties and missing values", () => {
    // Values 0–5 over 40 areas: many ties; every seventh without a value.
    const areas = Array.from({ length: 40 }, (_, i) => ({
      areaCode: `A${i}`,
      value: i % 7 === 3 ? null : (i * 5) % 6,
    }));
    for (const own of areas.filter((a) => a.value !== null)) {
      const present = areas.filter((a) => a.value !== null);
      const counts = {
        below: present.filter((a) => a.value! < own.value!).length,
        tied: present.filter((a) => a.value === own.value).length,
        ranked: present.length,
        unranked: areas.length - present.length,
      };
      for (const polarity of ["higher-is-worse", "higher-is-better", "neither"] as Polarity[]) {
        expect(rankFromCounts(counts, polarity)).toEqual(rankAmong(own.areaCode, areas, polarity));
      }
    }
  });

  it("lets benchmark use a stored rank for quintiles instead of ranking peers", () => {
    const area = {
      periodCode: "2023",
      periodSortKey: 1,
      value: 10,
      numerator: null,
      denominator: null,
      ciLower: null,
      ciUpper: null,
      flags: 0,
    };
    const rank = rankFromCounts({ below: 0, tied: 1, ranked: 10, unranked: 0 }, "higher-is-worse");
    expect(benchmark(area, null, { unit: "rate", polarity: "higher-is-worse", rank })).toMatchObject({
      result: "better",
      method: "quintiles",
      quintile: 1,
    });
    expect(benchmark(area, null, { unit: "rate", polarity: "higher-is-worse", rank: null }).method).toBe("none");
  });
});
