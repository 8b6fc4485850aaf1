import { describe, expect, it } from "vitest";
import { safeCell, toCsv } from "./csv.ts";

describe("CSV export", () => {
  it("neutralises formula triggers", () => {
    for (const bad of ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx"])
      expect(safeCell(bad).startsWith("'")).toBe(true);
    expect(safeCell("Northshire")).toBe("Northshire");
  });

  it("quotes commas, quotes and newlines; keeps numbers", () => {
    expect(
      toCsv(
        ["a", "b"],
        [
          ['=HYPERLINK("x")', -5],
          ["one, two", "line\nbreak"],
        ],
      ),
    ).toBe('a,b\r\n"\'=HYPERLINK(""x"")",-5\r\n"one, two","line\nbreak"\r\n');
  });
});
