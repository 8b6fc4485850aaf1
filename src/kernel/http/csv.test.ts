import { parse } from "csv-parse/sync";
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

  // The action plan's former writer: every formula trigger escaped, also in header and after quoting.
  it("escapes every trigger wherever it stands, and reads back to the same text", () => {
    const cells = ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "Safe = text", '=A1&"x"', "-"];
    const csv = toCsv(
      ["=header"],
      cells.map((cell) => [cell]),
    );
    const back = parse(csv, { relax_column_count: true }) as string[][];
    expect(back[0]).toEqual(["'=header"]);
    expect(back.slice(1).map((row) => row[0])).toEqual(
      cells.map((cell) => (cell === "Safe = text" ? cell : `'${cell}`)),
    );
    expect(csv).not.toMatch(/(^|,|\r\n)"?[=+\-@]/);
  });

  it("writes missing as empty, dates as ISO, booleans as words, odd numbers as text", () => {
    expect(toCsv(["a", "b", "c", "d", "e"], [[null, undefined, new Date("2026-04-01T10:00:00Z"), true, 0]])).toBe(
      "a,b,c,d,e\r\n,,2026-04-01T10:00:00.000Z,true,0\r\n",
    );
    expect(toCsv(["n"], [[Number.NaN], [-Infinity], [-0.5]])).toBe("n\r\nNaN\r\n'-Infinity\r\n-0.5\r\n");
  });

  it("quotes cells with spaces at either end so spreadsheets keep them", () => {
    expect(toCsv(["a"], [[" padded"], ["end "], ["mid dle"]])).toBe('a\r\n" padded"\r\n"end "\r\nmid dle\r\n');
  });
});
