import { describe, expect, it } from "vitest";
import { vintageYear } from "./parent-totals.ts";

describe("vintageYear", () => {
  it("picks the latest year in which most of the file's authorities were current", () => {
    // Today's authorities back-cast to every period (as Stat-Xplore does): two ended in 2022, one began in 2021.
    const children = [
      { start: null, end: null },
      { start: null, end: 2022 },
      { start: null, end: 2022 },
      { start: 2021, end: null },
    ];
    expect(vintageYear(children)).toBe(2022);
  });

  it("prefers the boundary set that most of the file's authorities belong to", () => {
    const mixed = [
      { start: null, end: 2018 },
      { start: null, end: 2018 },
      { start: 2019, end: null },
      { start: null, end: null },
    ];
    // 2018: three current (two predecessors + the unchanged one); 2019 on: two. The boundary set with most coverage wins.
    expect(vintageYear(mixed)).toBe(2018);
  });
});
