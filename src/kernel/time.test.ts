import { describe, expect, it } from "vitest";
import {
  addDays,
  currentReportingYear,
  financialYearLabel,
  financialYearOf,
  financialYearStart,
  formatDate,
  formatDateTime,
  formatMonth,
  isFinancialYear,
  isoFromParts,
  londonDate,
  londonToday,
  parseDateText,
  partsFromIso,
  reportingYearChoices,
  reportingYearFrom,
} from "./time.ts";

describe("today and the date of an instant, in the UK", () => {
  it("is the London date, not the UTC one, in summer time", () => {
    // 23:30 UTC on 31 March 2026 is 00:30 BST on 1 April.
    expect(londonToday(new Date("2026-03-31T23:30:00Z"))).toBe("2026-04-01");
    expect(londonToday(new Date("2026-06-30T22:59:59Z"))).toBe("2026-06-30");
    expect(londonToday(new Date("2026-06-30T23:00:00Z"))).toBe("2026-07-01");
  });

  it("equals UTC in winter", () => {
    expect(londonToday(new Date("2026-01-01T00:30:00Z"))).toBe("2026-01-01");
    expect(londonToday(new Date("2025-12-31T23:59:59Z"))).toBe("2025-12-31");
  });

  it("keeps calendar dates as they are and converts instants", () => {
    expect(londonDate("2026-04-01")).toBe("2026-04-01");
    expect(londonDate("2026-05-01T23:15:00Z")).toBe("2026-05-02");
    expect(londonDate(new Date("2026-11-01T23:15:00Z"))).toBe("2026-11-01");
  });
});

describe("date formats", () => {
  it("shows a calendar date as that day, whatever the time zone", () => {
    expect(formatDate("2026-04-01")).toBe("1 April 2026");
    expect(formatDate("2025-12-31")).toBe("31 December 2025");
  });

  it("shows an instant as its UK date and time", () => {
    expect(formatDate(new Date("2026-06-30T23:30:00Z"))).toBe("1 July 2026");
    expect(formatDate("2026-06-30T23:30:00.000Z")).toBe("1 July 2026");
    expect(formatDateTime(new Date("2026-06-30T13:05:00Z"))).toBe("30 June 2026 at 14:05");
    expect(formatDateTime("2026-01-15T09:00:00Z")).toBe("15 January 2026 at 09:00");
  });

  it("gives an empty string for what is not a date", () => {
    for (const value of [null, undefined, "", "not a date", {}, new Date(Number.NaN)]) {
      expect(formatDate(value)).toBe("");
      expect(formatDateTime(value)).toBe("");
    }
  });

  it("names months", () => {
    expect(formatMonth(2024, 3)).toBe("March 2024");
    expect(formatMonth(2025, 12)).toBe("December 2025");
  });
});

describe("reading dates", () => {
  it("reads typed dates in the forms people write them", () => {
    expect(parseDateText("2026-03-31")).toBe("2026-03-31");
    expect(parseDateText("31/03/2026")).toBe("2026-03-31");
    expect(parseDateText("31-3-2026")).toBe("2026-03-31");
    expect(parseDateText(" 1.4.2026 ")).toBe("2026-04-01");
    expect(parseDateText("29/02/2024")).toBe("2024-02-29");
    for (const bad of ["", "31/02/2026", "29/02/2025", "2026-13-01", "1/1/1989", "1/1/2101", "tomorrow", "31/03/26"])
      expect(parseDateText(bad), bad).toBeNull();
  });

  it("reads and writes the three GOV.UK date fields", () => {
    expect(isoFromParts("7", "3", "2026")).toBe("2026-03-07");
    expect(isoFromParts("31", "4", "2026")).toBeNull();
    expect(isoFromParts("x", "4", "2026")).toBeNull();
    expect(isoFromParts("1", "4", "26")).toBeNull();
    expect(partsFromIso("2026-03-07")).toEqual({ day: "7", month: "3", year: "2026" });
    expect(partsFromIso(null)).toEqual({ day: "", month: "", year: "" });
  });

  it("adds days across months, years and the clock change", () => {
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30");
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });
});

describe("financial and reporting years", () => {
  it("places dates in financial years (1 April to 31 March)", () => {
    expect(financialYearOf("2026-03-31")).toBe("2025/26");
    expect(financialYearOf("2026-04-01")).toBe("2026/27");
    expect(financialYearOf("2099-06-01")).toBe("2099/00");
    expect(financialYearStart("2026-01-15")).toBe(2025);
    expect(financialYearLabel(1999)).toBe("1999/00");
    expect(isFinancialYear("2025/26")).toBe(true);
    expect(isFinancialYear("2025/27")).toBe(false);
    expect(isFinancialYear("2025-26")).toBe(false);
  });

  it("knows which year's report is due: the latest financial year that has ended", () => {
    expect(currentReportingYear("2026-11-23")).toBe("2025/26");
    expect(currentReportingYear("2027-03-31")).toBe("2025/26");
    expect(currentReportingYear("2027-04-01")).toBe("2026/27");
    expect(currentReportingYear("2000-01-15")).toBe("1998/99");
    expect(currentReportingYear("2099-05-01")).toBe("2098/99");
  });

  it("offers the year in progress, the one due now and earlier ones, with years already recorded", () => {
    expect(reportingYearChoices("2026-12-05")).toEqual(["2026/27", "2025/26", "2024/25", "2023/24", "2022/23"]);
    expect(reportingYearChoices("2026-12-05", ["2019/20", "2025/26", "2019/21"])).toEqual([
      "2026/27",
      "2025/26",
      "2024/25",
      "2023/24",
      "2022/23",
      "2019/20",
    ]);
  });

  it("reads a year from a query string, falling back to the year due now", () => {
    expect(reportingYearFrom("2026/27", "2026-12-05")).toBe("2026/27");
    expect(reportingYearFrom(undefined, "2026-12-05")).toBe("2025/26");
    expect(reportingYearFrom("2026/28", "2026-12-05")).toBe("2025/26");
    expect(reportingYearFrom(["2026/27"], "2026-12-05")).toBe("2025/26");
  });
});
