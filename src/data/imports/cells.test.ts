import { describe, expect, it } from "vitest";
import { FLAG } from "../indicators/index.ts";
import { normaliseAreaName } from "../geography/index.ts";
import { boundedSlug, periodMarkers, readNumberCell, slugify } from "./cells.ts";

describe("readNumberCell", () => {
  it("reads numbers, thousands separators and percentages", () => {
    expect(readNumberCell("6070")).toEqual({ ok: true, value: 6070, flags: 0 });
    expect(readNumberCell(" 6,070 ")).toEqual({ ok: true, value: 6070, flags: 0 });
    expect(readNumberCell("12.5%")).toEqual({ ok: true, value: 12.5, flags: 0 });
    expect(readNumberCell("-0.904")).toEqual({ ok: true, value: -0.904, flags: 0 });
    expect(readNumberCell("0")).toEqual({ ok: true, value: 0, flags: 0 });
  });

  it("reads markers as missing or suppressed, never as zero", () => {
    for (const marker of ["", "NA", "..", "-", ":", "[x]", "[z]"])
      expect(readNumberCell(marker)).toEqual({ ok: true, value: null, flags: FLAG.missing });
    for (const marker of ["*", "[c]", "c", "~"])
      expect(readNumberCell(marker)).toEqual({ ok: true, value: null, flags: FLAG.suppressed });
  });

  it("rejects text that is neither", () => {
    const cell = readNumberCell("twelve");
    expect(cell.ok).toBe(false);
    if (!cell.ok) expect(cell.message).toContain('"twelve" is not a number');
    expect(readNumberCell("1,2,3").ok).toBe(false);
  });
});

describe("periodMarkers and name normalising", () => {
  it("strips (p), (r), (e) markers into flags", () => {
    expect(periodMarkers("2021/22 (p)")).toEqual({ text: "2021/22", flags: FLAG.provisional });
    expect(periodMarkers("2020/21 (r)")).toEqual({ text: "2020/21", flags: FLAG.revised });
  });

  it("normalises names for matching", () => {
    expect(normaliseAreaName("Kingston upon Hull, City of")).toBe(normaliseAreaName("City of Kingston upon Hull"));
    expect(normaliseAreaName("Isle of Anglesey / Ynys Môn")).toBe("isle of anglesey ynys mon");
    expect(normaliseAreaName("Brighton & Hove")).toBe("brighton and hove");
  });
});

describe("slugs made of parts", () => {
  // Found by the import fuzz test: an odd header made a slug the indicator schema refused (a crash).
  it("stay within 80 characters, with no empty part and no hyphen at either end", () => {
    const slug = /^[a-z0-9]+(-[a-z0-9]+)*$/;
    for (const made of [
      boundedSlug(`iod2019-${"a".repeat(72)}-decile`.replace(/-decile$/, "-proportion-most-deprived-10")),
      boundedSlug(`iod2019--rank`),
      boundedSlug(`-${"b".repeat(79)}-c`),
      slugify(`${"d".repeat(79)} e`),
    ]) {
      expect(made, made).toMatch(slug);
      expect(made.length).toBeLessThanOrEqual(80);
    }
    expect(boundedSlug("iod2019--rank")).toBe("iod2019-rank");
  });
});
