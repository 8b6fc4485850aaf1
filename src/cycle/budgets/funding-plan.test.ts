import { describe, expect, it } from "vitest";
import { computeFundingPlan, fundingShare, runsIn, yearsBetween } from "./funding-plan.ts";

const pounds = (value: number) => value * 100;

// Worked by hand (in pounds) before the code was run:
// A flexible 2025/26–2027/28 brings 100,000 (c), 100,000 (c), 50,000 (i).
//   2025/26: allocated 80,000 → 20,000 carried into 2026/27.
//   2026/27: available 120,000, allocated 70,000 + 60,000 = 130,000 → shortfall 10,000, nothing carried.
//   2027/28: available 50,000, allocated 30,000 → 20,000 lapses (its last year).
// B ring-fenced 2026/27–2027/28 brings 40,000 (c) each year.
//   2026/27: allocated 30,000 → 10,000 lapses; 2027/28: nothing allocated → 40,000 lapses.
const streams = [
  {
    id: "A",
    name: "Whole family wellbeing",
    flexibility: "flexible" as const,
    firstYear: "2025/26",
    lastYear: "2027/28",
    years: [
      { financialYear: "2025/26", amountPence: pounds(100_000), status: "committed" as const },
      { financialYear: "2026/27", amountPence: pounds(100_000), status: "committed" as const },
      { financialYear: "2027/28", amountPence: pounds(50_000), status: "indicative" as const },
    ],
  },
  {
    id: "B",
    name: "Employability grant",
    flexibility: "ring-fenced" as const,
    firstYear: "2026/27",
    lastYear: "2027/28",
    years: [
      { financialYear: "2026/27", amountPence: pounds(40_000), status: "committed" as const },
      { financialYear: "2027/28", amountPence: pounds(40_000), status: "committed" as const },
    ],
  },
];
const allocations = [
  { streamId: "A", actionId: "X", financialYear: "2025/26", amountPence: pounds(80_000), status: "committed" as const },
  { streamId: "A", actionId: "X", financialYear: "2026/27", amountPence: pounds(70_000), status: "committed" as const },
  {
    streamId: "A",
    actionId: "Y",
    financialYear: "2026/27",
    amountPence: pounds(60_000),
    status: "indicative" as const,
  },
  {
    streamId: "A",
    actionId: "Y",
    financialYear: "2027/28",
    amountPence: pounds(30_000),
    status: "indicative" as const,
  },
  { streamId: "B", actionId: "Z", financialYear: "2026/27", amountPence: pounds(30_000), status: "committed" as const },
];
const actions = [
  { id: "X", label: "X", startDate: "2025-06-01", endDate: "2027-03-31" },
  { id: "Y", label: "Y", startDate: "2026-04-01", endDate: "2028-03-31" },
  { id: "Z", label: "Z", startDate: "2026-04-01", endDate: null },
  { id: "V", label: "V", startDate: "2024-01-01", endDate: "2025-05-01" },
  { id: "W", label: "W", startDate: null, endDate: null },
];

describe("computeFundingPlan", () => {
  const plan = computeFundingPlan({ streams, allocations, actions, contributionFunded: new Set(["V 2025/26"]) });

  it("spans every year any stream covers", () => {
    expect(plan.years).toEqual(["2025/26", "2026/27", "2027/28"]);
    expect(yearsBetween("2024/25", "2024/25")).toEqual(["2024/25"]);
  });

  it("carries a flexible stream's unallocated money forward within its years and lapses it after", () => {
    const [y1, y2, y3] = plan.streams[0]!.years;
    expect([y1!.available, y1!.allocated, y1!.carriedOut, y1!.lapsed]).toEqual([
      pounds(100_000),
      pounds(80_000),
      pounds(20_000),
      0,
    ]);
    expect([y2!.carriedIn, y2!.available, y2!.allocated, y2!.shortfall, y2!.carriedOut]).toEqual([
      pounds(20_000),
      pounds(120_000),
      pounds(130_000),
      pounds(10_000),
      0,
    ]);
    expect([y2!.allocatedCommitted, y2!.allocatedIndicative]).toEqual([pounds(70_000), pounds(60_000)]);
    expect([y3!.carriedIn, y3!.indicativeIncome, y3!.available, y3!.lapsed, y3!.carriedOut]).toEqual([
      0,
      pounds(50_000),
      pounds(50_000),
      pounds(20_000),
      0,
    ]);
  });

  it("lapses a ring-fenced stream's unallocated money every year", () => {
    const [y1, y2] = plan.streams[1]!.years;
    expect([y1!.lapsed, y1!.carriedOut, y2!.carriedIn, y2!.lapsed]).toEqual([pounds(10_000), 0, 0, pounds(40_000)]);
  });

  it("totals each year across streams", () => {
    const figures = plan.totals.map((row) => [
      row.income,
      row.carriedIn,
      row.available,
      row.allocated,
      row.carriedOut,
      row.lapsed,
      row.shortfall,
    ]);
    expect(figures).toEqual([
      [pounds(100_000), 0, pounds(100_000), pounds(80_000), pounds(20_000), 0, 0],
      [pounds(140_000), pounds(20_000), pounds(160_000), pounds(160_000), 0, pounds(10_000), pounds(10_000)],
      [pounds(90_000), 0, pounds(90_000), pounds(30_000), 0, pounds(60_000), 0],
    ]);
    expect(plan.totals[2]!.committedIncome).toBe(pounds(40_000));
    expect(plan.totals[2]!.indicativeIncome).toBe(pounds(50_000));
  });

  it("names the over-allocated year and the action-years with no funding", () => {
    expect(plan.overAllocated).toEqual([
      { streamId: "A", streamName: "Whole family wellbeing", financialYear: "2026/27", shortfall: pounds(10_000) },
    ]);
    // V ran into 2025/26 and a contribution funds it then; Z runs on with nothing in 2027/28.
    expect(plan.unfundedActions).toEqual([{ actionId: "Z", label: "Z", financialYear: "2027/28" }]);
    expect(plan.undatedActions).toBe(1);
  });

  it("is empty without streams", () => {
    const empty = computeFundingPlan({ streams: [], allocations: [], actions });
    expect([empty.years, empty.totals, empty.unfundedActions]).toEqual([[], [], []]);
  });
});

describe("runsIn", () => {
  it("places an action in each financial year its dates touch", () => {
    const action = { id: "a", label: "a", startDate: "2026-03-31", endDate: "2026-04-01" };
    expect(["2024/25", "2025/26", "2026/27", "2027/28"].map((year) => runsIn(action, year))).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });
});

describe("fundingShare", () => {
  const single = {
    flexibility: "flexible" as const,
    firstYear: "2026/27",
    lastYear: "2026/27",
    years: [{ financialYear: "2026/27", amountPence: pounds(10_000), status: "committed" as const }],
  };
  it("counts flexible and multi-year money against everything recorded for the year", () => {
    // 2026/27: A 100,000 (flexible, 3 years) + B 40,000 (ring-fenced, 2 years) + single 10,000 (flexible, 1 year)
    // + a 25,000 contribution = 175,000; flexible 110,000; multi-year 140,000.
    expect(fundingShare([...streams, single], [pounds(25_000)], "2026/27")).toEqual({
      totalPence: pounds(175_000),
      flexiblePence: pounds(110_000),
      multiYearPence: pounds(140_000),
    });
  });
  it("is null when nothing is recorded for the year", () => {
    expect(fundingShare(streams, [], "2030/31")).toBeNull();
  });
});
