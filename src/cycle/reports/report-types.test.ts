import { describe, expect, it } from "vitest";
import { isReportingYear, reportTypesFor, selectableYears, yearBounds } from "./report-types.ts";

describe("reporting years", () => {
  it("runs from 1 April to 31 March and knows the following year", () => {
    expect(yearBounds("2025/26")).toEqual({ startYear: 2025, start: "2025-04-01", end: "2026-03-31", next: "2026/27" });
    expect(yearBounds("1999/00").next).toBe("2000/01");
  });

  it("accepts only consecutive years written 2025/26", () => {
    expect(isReportingYear("2025/26")).toBe(true);
    expect(isReportingYear("2025/27")).toBe(false);
    expect(isReportingYear("2025-26")).toBe(false);
    expect(() => yearBounds("2025/27")).toThrow();
  });

  it("offers the year due now, the next one and two earlier ones", () => {
    expect(selectableYears("2025/26")).toEqual(["2026/27", "2025/26", "2024/25", "2023/24"]);
  });
});

describe("report types by nation", () => {
  it("gives Scotland the LCPAR and everywhere else the strategy progress report", () => {
    expect(reportTypesFor("scotland")).toEqual(["lcpar", "strategic", "annual-update"]);
    expect(reportTypesFor("england")).toEqual(["progress", "strategic", "annual-update"]);
    expect(reportTypesFor("wales")[0]).toBe("progress");
  });
});
