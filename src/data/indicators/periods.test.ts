import { describe, expect, it } from "vitest";
import { aggregateValues } from "./observations-service.ts";
import { parsePeriod, periodYear } from "./periods.ts";

describe("parsePeriod", () => {
  it("reads financial years in their usual spellings", () => {
    for (const text of ["2021/22", "2021-22", "2021/2022", " 2021 / 22 "]) {
      const period = parsePeriod(text)!;
      expect(period.code).toBe("2021/22");
      expect(period.kind).toBe("financial-year");
      expect(period.startDate).toBe("2021-04-01");
      expect(period.endDate).toBe("2022-03-31");
    }
    expect(parsePeriod("1999/00")!.code).toBe("1999/00");
    expect(periodYear(parsePeriod("2021/22")!)).toBe(2021);
  });

  it("reads calendar years, quarters, months and ranges, and sorts them in time order", () => {
    const codes = ["2021", "2021 Q2", "2021-03", "March 2021", "2019 to 2021", "2019-2021", "2020/21"];
    const parsed = codes.map((c) => parsePeriod(c)!);
    expect(parsed.map((p) => p.kind)).toEqual([
      "calendar-year",
      "quarter",
      "month",
      "month",
      "range",
      "range",
      "financial-year",
    ]);
    expect(parsed[2]!.code).toBe(parsed[3]!.code);
    const sorted = [...parsed].sort((a, b) => a.sortKey - b.sortKey).map((p) => p.code);
    expect(sorted.indexOf("2019-2021")).toBeLessThan(sorted.indexOf("2020/21"));
    expect(sorted.indexOf("2021")).toBeLessThan(sorted.indexOf("2021-03"));
    expect(sorted.indexOf("2021-03")).toBeLessThan(sorted.indexOf("2021 Q2"));
  });

  it("reads the month and quarter labels of Stat-Xplore, Nomis and ONS downloads", () => {
    for (const text of ["June 2023", "Jun 2023", "Jun-23", "Jun-2023", "2023 June", "202306", "2023-06"])
      expect(parsePeriod(text)?.code, text).toBe("2023-06");
    for (const text of ["Q1 2023", "2023 Q1", "Jan-Mar 2023", "Jan to Mar 2023", "Quarter ending March 2023"])
      expect(parsePeriod(text)?.code, text).toBe("2023 Q1");
    expect(parsePeriod("Feb-Apr 2023")).toBeNull();
    expect(parsePeriod("202313")).toBeNull();
  });

  it("refuses what is not a period", () => {
    for (const text of ["", "2021/23", "Year", "2021-13", "abc 2021", "21/22"]) expect(parsePeriod(text)).toBeNull();
  });
});

describe("aggregateValues", () => {
  it("sums counts and recomputes rates from numerators and denominators, never averaging", () => {
    expect(
      aggregateValues(
        [
          { value: 10, numerator: null, denominator: null, flags: 0 },
          { value: 5, numerator: null, denominator: null, flags: 1 },
        ],
        "count",
      ),
    ).toMatchObject({ value: 15, flags: 1 });
    const rate = aggregateValues(
      [
        { value: 50, numerator: 1, denominator: 2, flags: 0 },
        { value: 10, numerator: 9, denominator: 90, flags: 0 },
      ],
      "percentage",
    );
    expect(rate.value).toBeCloseTo((10 / 92) * 100);
    expect(rate.value).not.toBeCloseTo(30);
  });

  it("gives a missing total when any part is missing or a rate lacks its numerator", () => {
    expect(
      aggregateValues(
        [
          { value: null, numerator: null, denominator: null, flags: 2 },
          { value: 5, numerator: null, denominator: null, flags: 0 },
        ],
        "count",
      ).value,
    ).toBeNull();
    expect(
      aggregateValues([{ value: 12.5, numerator: null, denominator: null, flags: 0 }], "percentage").value,
    ).toBeNull();
    expect(aggregateValues([{ value: 3, numerator: null, denominator: null, flags: 0 }], "rank").value).toBeNull();
  });
});

describe("period years", () => {
  // Found by the import fuzz test: "8234" was a calendar year whose sort key overflowed the column.
  it("takes no year outside 1800–2199, whatever the form", () => {
    for (const code of ["8234", "0000", "9999/00", "1799", "2199/00", "Jun 9154", "9154 Q1", "1799-2001"])
      expect(parsePeriod(code), code).toBeNull();
    expect(parsePeriod("1800")?.sortKey).toBeLessThan(0);
    expect(parsePeriod("2198/99")?.sortKey).toBeLessThan(2 ** 31);
    expect(parsePeriod("2199")?.code).toBe("2199");
  });
});
