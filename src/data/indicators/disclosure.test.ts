import { describe, expect, it } from "vitest";
import {
  applyDisclosure,
  type DisclosureCell,
  type DisclosureGroup,
  derivableCells,
  normaliseRule,
  roundToFive,
} from "./disclosure.ts";

const cells = (values: Record<string, number | null>): DisclosureCell[] =>
  Object.entries(values).map(([key, count]) => ({ key, count }));
const shown = (result: ReturnType<typeof applyDisclosure>) =>
  Object.fromEntries([...result].map(([key, cell]) => [key, cell.suppressed ? "[c]" : cell.shown]));

describe("disclosure rules", () => {
  it("leaves official statistics (rule none) exactly as published, small counts included", () => {
    const result = applyDisclosure("none", cells({ a: 3, b: 1234, total: 1237 }), [
      { total: "total", parts: ["a", "b"] },
    ]);
    expect(shown(result)).toEqual({ a: 3, b: 1234, total: 1237 });
  });

  it("treats unknown rules as none only when they are not small-count", () => {
    expect(normaliseRule("small-count")).toBe("small-count");
    expect(normaliseRule("none")).toBe("none");
    expect(normaliseRule(undefined)).toBe("none");
  });

  it("withholds counts 1–9 as [c], rounds the rest to the nearest 5, keeps zero and missing as they are", () => {
    const result = applyDisclosure(
      "small-count",
      cells({ one: 1, nine: 9, ten: 10, twelve: 12, thirteen: 13, zero: 0, missing: null, big: 6072 }),
    );
    expect(shown(result)).toEqual({
      one: "[c]",
      nine: "[c]",
      ten: 10,
      twelve: 10,
      thirteen: 15,
      zero: 0,
      missing: null,
      big: 6070,
    });
    expect(result.get("one")!.reason).toBe("primary");
    expect(result.get("missing")).toMatchObject({ suppressed: false, reason: null });
  });

  it("rounds halves away from zero", () => {
    expect([roundToFive(12.5), roundToFive(17.4), roundToFive(2), roundToFive(0)]).toEqual([15, 15, 0, 0]);
  });

  it("keeps a value withheld at source withheld, whatever the rule", () => {
    const result = applyDisclosure("none", [{ key: "a", count: null, suppressedAtSource: true }]);
    expect(result.get("a")).toMatchObject({ suppressed: true, reason: "source" });
  });

  it("withholds the next-smallest cell when one withheld cell could be derived from the total", () => {
    // 4 is withheld; shown 120 − 50 − 66 would give it away, so the smallest other part (50) goes too.
    const result = applyDisclosure("small-count", cells({ ward1: 4, ward2: 50, ward3: 66, total: 120 }), [
      { total: "total", parts: ["ward1", "ward2", "ward3"] },
    ]);
    expect(shown(result)).toEqual({ ward1: "[c]", ward2: "[c]", ward3: 65, total: 120 });
    expect(result.get("ward2")!.reason).toBe("secondary");
  });

  it("needs no second suppression when two cells are already withheld", () => {
    const result = applyDisclosure("small-count", cells({ a: 4, b: 7, c: 66, total: 77 }), [
      { total: "total", parts: ["a", "b", "c"] },
    ]);
    expect(shown(result)).toEqual({ a: "[c]", b: "[c]", c: 65, total: 75 });
  });

  it("withholds the total when the only part is withheld", () => {
    const result = applyDisclosure("small-count", cells({ only: 6, total: 6 }), [{ total: "total", parts: ["only"] }]);
    expect(shown(result)).toEqual({ only: "[c]", total: "[c]" });
  });

  it("protects across nested areas: a secondary suppression in one group opens another, and that is closed too", () => {
    // LA = ward A + ward B; ward A = lsoa1 + lsoa2. lsoa1 is small, so lsoa2 is withheld, so ward A
    // is derivable from LA − ward B only if ward A were withheld: it is not, but check the fixed point holds.
    const groups: DisclosureGroup[] = [
      { total: "la", parts: ["wardA", "wardB"] },
      { total: "wardA", parts: ["lsoa1", "lsoa2"] },
      { total: "wardB", parts: ["lsoa3", "lsoa4"] },
    ];
    const result = applyDisclosure(
      "small-count",
      cells({ la: 300, wardA: 5, wardB: 295, lsoa1: 2, lsoa2: 3, lsoa3: 140, lsoa4: 155 }),
      groups,
    );
    expect(derivableCells(result, groups)).toEqual([]);
    // wardA (5) is small → withheld; la = wardA + wardB would give it away → wardB withheld, then lsoa3 too.
    expect(shown(result)).toMatchObject({
      wardA: "[c]",
      wardB: "[c]",
      lsoa1: "[c]",
      lsoa2: "[c]",
      lsoa3: "[c]",
      la: 300,
    });
  });

  it("never leaves a withheld cell derivable, over many random hierarchies (property)", () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let run = 0; run < 400; run++) {
      const values: Record<string, number | null> = {};
      const groups: DisclosureGroup[] = [];
      const parents = 1 + Math.floor(random() * 4);
      let grand = 0;
      const parentKeys: string[] = [];
      for (let p = 0; p < parents; p++) {
        const parts: string[] = [];
        let sum = 0;
        const size = 1 + Math.floor(random() * 5);
        for (let c = 0; c < size; c++) {
          const key = `p${p}c${c}`;
          const value = random() < 0.35 ? Math.floor(random() * 10) : Math.floor(random() * 300);
          values[key] = value;
          sum += value;
          parts.push(key);
        }
        values[`p${p}`] = sum;
        grand += sum;
        parentKeys.push(`p${p}`);
        groups.push({ total: `p${p}`, parts });
      }
      values.total = grand;
      groups.push({ total: "total", parts: parentKeys });
      const result = applyDisclosure("small-count", cells(values), groups);
      expect(derivableCells(result, groups)).toEqual([]);
      for (const [key, value] of Object.entries(values)) {
        const cell = result.get(key)!;
        if (value !== null && value >= 1 && value <= 9) expect(cell.suppressed).toBe(true);
        if (cell.shown !== null) {
          expect(cell.shown % 5).toBe(0);
          expect(cell.shown === 0 || cell.shown >= 10).toBe(true);
        }
      }
    }
  });
});
