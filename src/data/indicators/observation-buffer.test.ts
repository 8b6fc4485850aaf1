import { describe, expect, it } from "vitest";
import { copyBytes } from "./copy-text.ts";
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

  it("reorders every column together, in place", async () => {
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
    expect(copy).toBe(buffer);
    await expect(buffer.reorder(Int32Array.from([0, 0, 1]))).rejects.toThrow(RangeError);
  });

  it("reorders a long buffer along its permutation's cycles, and keeps values through reserve", async () => {
    const buffer = new ObservationBuffer(4);
    buffer.push({ indicator: buffer.indicatorRef("a"), period: buffer.periodRef("2020"), area: 0, value: 0, flags: 0 });
    await buffer.reserve(9_999);
    for (let i = 1; i < 10_000; i++) buffer.push({ indicator: 0, period: 0, area: i, value: i / 2, flags: i % 3 });
    // A permutation of several cycles: reversed halves, then every row's area and value follow it.
    const order = Int32Array.from({ length: 10_000 }, (_, k) => (k < 5_000 ? 4_999 - k : 14_999 - k));
    await buffer.reorder(order);
    expect(Array.from(buffer.area)).toEqual(Array.from(order));
    expect(buffer.at("value", 0)).toBe(4_999 / 2);
    expect(buffer.flags[9_999]).toBe(5_000 % 3);
  });

  it("renders COPY text as bytes exactly as String() writes each number (missing as \\N), in the given row order", () => {
    const buffer = new ObservationBuffer(2);
    const indicator = buffer.indicatorRef("a");
    const period = buffer.periodRef("2019");
    const values = [0, -0, 7, -12, 0.1, -2.5e-7, 1e21, 123456789012345, 9007199254740991, 1 / 3, null];
    values.forEach((value, i) => {
      buffer.push({ indicator, period, area: 1_000_000 + i, value, numerator: i, denominator: null, flags: i * 17 });
    });
    const ids = { indicators: [42], periods: [7], breakdowns: [1] };
    const order = Int32Array.from(values.keys()).reverse();
    const expected = [...order]
      .map((i) => {
        const value = values[i];
        return `42\t7\t1\t${1_000_000 + i}\t${value === null ? "\\N" : String(value)}\t${i}\t\\N\t\\N\t\\N\t${i * 17}\t99\n`;
      })
      .join("");
    expect(copyBytes(buffer, ids, order, 0, values.length, 99).toString("latin1")).toBe(expected);
    expect(copyBytes(buffer, ids, null, 1, 2).toString("latin1")).toBe("42\t7\t1\t1000001\t0\t1\t\\N\t\\N\t\\N\t17\n");
    buffer.push({ indicator, period, area: 1, value: Number.POSITIVE_INFINITY, flags: 0 });
    expect(() => copyBytes(buffer, ids, null, values.length, values.length + 1)).toThrow(RangeError);
  });
});
