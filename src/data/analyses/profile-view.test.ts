import { describe, expect, it } from "vitest";
import { FLAG, type IndicatorRow, type ObservationValue } from "../indicators/index.ts";
import { benchmark, latestValue, trend } from "./analysis.ts";
import type { AreaProfile } from "./profile-service.ts";
import { profileView } from "./profile-view.ts";
import { recentTrend } from "./recent-trend.ts";

const indicator = {
  slug: "free-school-meals",
  title: "Pupils eligible for free school meals",
  unit: "rate",
  ratePer: 1000,
  polarity: "higher-is-worse",
  publisher: "DfE",
  dataset: "Schools, pupils and their characteristics",
  definition: "",
  sourceUrl: "",
  releaseDate: "2024-06-06",
} as unknown as IndicatorRow;

function obs(periodCode: string, sortKey: number, value: number | null, flags = 0): ObservationValue {
  return {
    indicatorSlug: indicator.slug,
    areaId: 1,
    areaCode: "E06000005",
    periodCode,
    periodSortKey: sortKey,
    breakdownId: 0,
    value,
    numerator: null,
    denominator: null,
    ciLower: null,
    ciUpper: null,
    flags,
    batchId: 1,
  };
}

function profile(position: number, tied: number, of = 309, unit = "rate"): AreaProfile {
  const values = [
    obs("2021/22", 1, 210.4),
    obs("2022/23", 2, 230.3, FLAG.provisional),
    obs("2023/24", 3, null, FLAG.suppressed),
  ];
  return {
    area: {
      id: 1,
      code: "E06000005",
      name: "Darlington",
      type: "local-authority",
      nation: "england",
    } as AreaProfile["area"],
    indicators: [
      {
        indicator: { ...indicator, unit },
        values,
        latest: latestValue(values),
        trend: trend(values, "higher-is-worse"),
        recentTrend: recentTrend(values, "higher-is-worse", unit),
        rank: { position, of, tied, withoutValue: 2, order: "lowest first" },
        references: [],
        neighbours: [],
        benchmark: benchmark(values[1]!, null, { unit: "rate", polarity: "higher-is-worse" }),
      },
    ],
    smallAreas: [],
    notes: [],
  };
}

describe("profileView", () => {
  it("formats the latest value with its unit, provisional marker and the suppressed newer period", () => {
    const [item] = profileView(profile(1, 1)).indicators;
    expect(item!.latestValue).toBe("230.3 per 1,000 (p)");
    expect(item!.latestPeriod).toBe("2022/23");
    expect(item!.latestFlags).toEqual(["provisional"]);
    expect(item!.newerGap).toBe("2023/24: suppressed");
    expect(item!.trend.sentences[0]).toBe("Up 19.9 (9.5%) since 2021/22 – worsening");
    expect(item!.trend.chart.table.rows.at(-1)).toEqual(["2023/24", "[c]"]);
  });
  it("words ranks with ordinals, ties and the areas left out", () => {
    expect(profileView(profile(11, 1)).indicators[0]!.rank).toBe(
      "11th of 309 local authorities in England, lowest first; 2 without a value not ranked",
    );
    expect(profileView(profile(21, 2)).indicators[0]!.rank).toMatch(/^21st \(tied with 1 other\) of 309/);
    expect(profileView(profile(112, 3)).indicators[0]!.rank).toMatch(/^112th \(tied with 2 others\)/);
    expect(profileView(profile(23, 1)).indicators[0]!.rank).toMatch(/^23rd of/);
  });
  it("does not rank among fewer than three areas", () => {
    expect(profileView(profile(1, 1, 1)).indicators[0]!.rank).toBe(
      "Not ranked: only Darlington has a value for this period",
    );
    expect(profileView(profile(2, 1, 2)).indicators[0]!.rank).toBe(
      "Not ranked: only 2 local authorities have a value for this period",
    );
    expect(profileView(profile(2, 1, 3)).indicators[0]!.rank).toMatch(/^2nd of 3 /);
  });
  it("words a change in a percentage in percentage points", () => {
    expect(profileView(profile(1, 1, 309, "percentage")).indicators[0]!.trend.sentences[0]).toBe(
      "Up 19.9 percentage points (9.5%) since 2021/22 – worsening",
    );
  });
  it("has nothing to show without an area", () => {
    expect(profileView({ area: null, indicators: [], smallAreas: [], notes: [] }).area).toBeNull();
  });
});
