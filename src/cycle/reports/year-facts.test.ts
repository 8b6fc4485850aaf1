import { describe, expect, it } from "vitest";
import type { ObservationValue } from "../../data/indicators/index.ts";
import type { StoreSeries } from "./report-data.ts";
import { hasValueInYear, indicatorsWithValuesInYear } from "./year-facts.ts";

const value = (periodCode: string, figure: number | null): ObservationValue => ({
  indicatorSlug: "x",
  areaId: 1,
  areaCode: "S12000046",
  periodCode,
  periodSortKey: 0,
  breakdownId: 0,
  value: figure,
  numerator: null,
  denominator: null,
  ciLower: null,
  ciUpper: null,
  flags: 0,
  batchId: 1,
});
const series = (...values: ObservationValue[]) => ({ indicator: {}, values }) as unknown as StoreSeries;

// Worked example for the 2026/27 reporting year (1 April 2026 to 31 March 2027).
const start = "2026-04-01";
const end = "2027-03-31";

describe("values in the reporting year", () => {
  it("counts a period overlapping the year, not one before or after it, nor a suppressed value", () => {
    expect(hasValueInYear(series(value("2026/27", 21.5)), start, end)).toBe(true);
    expect(hasValueInYear(series(value("2027 Q1", 3)), start, end)).toBe(true); // Jan–Mar 2027
    expect(hasValueInYear(series(value("2026", 3)), start, end)).toBe(true); // calendar 2026 overlaps
    expect(hasValueInYear(series(value("2025/26", 20), value("2027/28", 19)), start, end)).toBe(false);
    expect(hasValueInYear(series(value("2026-03", 3)), start, end)).toBe(false); // March 2026 ends before
    expect(hasValueInYear(series(value("2026/27", null)), start, end)).toBe(false);
    expect(hasValueInYear(undefined, start, end)).toBe(false);
  });

  it("counts each action indicator link whose series has a value in the year", () => {
    const store = new Map<string, StoreSeries>([
      ["poverty", series(value("2024/25", 24), value("2026/27", 22))],
      ["fsm", series(value("2025/26", 30))],
    ]);
    const links = [
      { indicatorRef: "poverty" },
      { indicatorRef: "poverty" },
      { indicatorRef: "fsm" },
      { indicatorRef: "none" },
    ];
    expect(indicatorsWithValuesInYear(links, store, start, end)).toBe(2);
  });
});
