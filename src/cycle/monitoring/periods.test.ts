import { describe, expect, it } from "vitest";
import {
  formatPeriod,
  parsePeriod,
  periodEnd,
  periodKey,
  periodOf,
  periodStart,
  selectablePeriods,
  shiftPeriod,
} from "./periods.ts";

describe("reporting periods", () => {
  it("places dates in quarters of the financial year", () => {
    expect(formatPeriod(periodOf(new Date("2025-04-01T00:00:00Z")))).toBe("2025/26 Q1");
    expect(formatPeriod(periodOf(new Date("2025-09-30T12:00:00Z")))).toBe("2025/26 Q2");
    expect(formatPeriod(periodOf(new Date("2025-12-31T12:00:00Z")))).toBe("2025/26 Q3");
    expect(formatPeriod(periodOf(new Date("2026-03-31T12:00:00Z")))).toBe("2025/26 Q4");
    expect(formatPeriod(periodOf(new Date("1999-01-15T12:00:00Z")))).toBe("1998/99 Q4");
    expect(formatPeriod(periodOf(new Date("2099-05-01T12:00:00Z")))).toBe("2099/00 Q1");
  });

  it("parses, shifts and bounds periods", () => {
    expect(parsePeriod("2025/26 Q3")).toEqual({ startYear: 2025, quarter: 3 });
    expect(parsePeriod("2025/27 Q3")).toBeNull();
    expect(parsePeriod("2025/26 Q5")).toBeNull();
    expect(formatPeriod(shiftPeriod({ startYear: 2025, quarter: 4 }, 1))).toBe("2026/27 Q1");
    expect(formatPeriod(shiftPeriod({ startYear: 2025, quarter: 1 }, -1))).toBe("2024/25 Q4");
    expect(periodStart({ startYear: 2025, quarter: 4 })).toBe("2026-01-01");
    expect(periodEnd({ startYear: 2025, quarter: 4 })).toBe("2026-03-31");
    expect(periodEnd({ startYear: 2025, quarter: 1 })).toBe("2025-06-30");
    expect(periodKey("2025/26 Q4")).toBeLessThan(periodKey("2026/27 Q1"));
    expect(selectablePeriods(new Date("2025-05-01T00:00:00Z"))).toEqual([
      "2024/25 Q1",
      "2024/25 Q2",
      "2024/25 Q3",
      "2024/25 Q4",
      "2025/26 Q1",
      "2025/26 Q2",
    ]);
  });
});
