import { describe, expect, it } from "vitest";
import { ObservationBuffer } from "./observation-buffer.ts";

describe("ObservationBuffer", () => {
  it("keeps missing numbers as null (never zero) and real zeros as zero, past its first capacity", () => {
    const buffer = new ObservationBuffer(2);
    const indicator = buffer.indicatorRef("a");
    const period = buffer.periodRef("2019");
    for (let i = 0; i < 5; i++)
      buffer.push({
        indicator,
        period,
        area: 10 + i,
        value: i === 1 ? null : i * 0.5,
        numerator: i === 2 ? 0 : undefined,
        flags: i === 1 ? 16 : 0,
      });
    expect(buffer.length).toBe(5);
    expect([...buffer.area]).toEqual([10, 11, 12, 13, 14]);
    expect(buffer.at("value", 0)).toBe(0);
    expect(buffer.at("value", 1)).toBeNull();
    expect(buffer.at("value", 4)).toBe(2);
    expect(buffer.at("numerator", 2)).toBe(0);
    expect(buffer.at("numerator", 3)).toBeNull();
    expect([...buffer.flags]).toEqual([0, 16, 0, 0, 0]);
  });

  it("refuses NaN, which it uses for missing", () => {
    const buffer = new ObservationBuffer();
    expect(() => buffer.push({ indicator: 0, period: 0, area: 1, value: Number.NaN, flags: 0 })).toThrow(RangeError);
  });

  it("reorders every column together and shares the references", async () => {
    const buffer = new ObservationBuffer();
    const a = buffer.indicatorRef("a");
    const b = buffer.indicatorRef("b");
    const period = buffer.periodRef("2020");
    buffer.push({ indicator: a, period, area: 3, value: 1.5, flags: 0 });
    buffer.push({ indicator: b, period, area: 1, value: null, flags: 2, breakdown: buffer.breakdownRef("age", "0-4") });
    buffer.push({ indicator: a, period, area: 2, value: 7, ciLower: 6, ciUpper: 8, flags: 1 });
    const copy = await buffer.reorder(Int32Array.from([1, 2, 0]));
    expect([...copy.area]).toEqual([1, 2, 3]);
    expect([...copy.indicator]).toEqual([b, a, a]);
    expect([copy.at("value", 0), copy.at("value", 1), copy.at("value", 2)]).toEqual([null, 7, 1.5]);
    expect([copy.at("ciLower", 1), copy.at("ciUpper", 1)]).toEqual([6, 8]);
    expect([...copy.flags]).toEqual([2, 1, 0]);
    expect(copy.breakdownKeys[copy.breakdown[0]!]).toBe("age\u00000-4");
    expect(copy.indicatorSlugs).toEqual(["a", "b"]);
    expect(buffer.at("value", 0)).toBe(1.5);
  });
});
