import { describe, expect, it } from "vitest";
import { FLAG, type IndicatorRow } from "../indicators/index.ts";
import { referenceText } from "./profile-view.ts";

const indicator = { slug: "x", title: "X", unit: "count", ratePer: null } as unknown as IndicatorRow;

describe("referenceText", () => {
  it("labels a total calculated at import, and says why none was calculated", () => {
    expect(referenceText(indicator, null)).toBe("Not imported");
    expect(referenceText(indicator, { value: 2_575_842, flags: FLAG.derived | FLAG.provisional })).toBe(
      "2,575,842 (p) (Calculated from the local authority figures)",
    );
    expect(referenceText(indicator, { value: 1200, flags: 0 })).toBe("1,200");
    expect(referenceText(indicator, { value: null, flags: FLAG.derived | FLAG.missing })).toBe(
      "[x] Not calculated: not every local authority has a value for this period",
    );
  });
});
