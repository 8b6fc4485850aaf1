import { describe, expect, it } from "vitest";
import { type SpineRow, spineChart, spinePositions } from "./spine-chart.ts";

const row: SpineRow = {
  label: "Children in low income families <fictional> & more",
  centre: 24,
  range: { min: 12, q1: 20, median: 25, q3: 30, max: 41 },
  area: 30,
  region: 31.5,
  result: "worse",
  higherIsBetter: false,
};

describe("spineChart", () => {
  it("puts the nation at the centre, the furthest value at an edge, and better on the right", () => {
    const lowerBetter = spinePositions(row)!;
    expect(lowerBetter(24)).toBe(0.5);
    // 41 is furthest from 24 (17): higher is worse, so it reaches the left edge.
    expect(lowerBetter(41)).toBeCloseTo(0);
    expect(lowerBetter(30)).toBeLessThan(0.5);
    const higherBetter = spinePositions({ ...row, higherIsBetter: true })!;
    expect(higherBetter(41)).toBeCloseTo(1);
    // No national value: centred on the median; nothing at all to centre on: not drawn.
    expect(spinePositions({ ...row, centre: null })!(25)).toBe(0.5);
    expect(spinePositions({ ...row, centre: null, range: null })).toBeNull();
  });

  it("draws an accessible SVG whose area marker has the comparison's shape, with text escaped", () => {
    const { svg } = spineChart({ title: "Income & work", description: "One row", rows: [row] });
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="spine-[0-9a-f]+-title spine-[0-9a-f]+-desc"/);
    expect(svg).toContain("<title id=");
    expect(svg).toContain("Income &amp; work");
    expect(svg).toContain("&lt;fictional&gt; &amp; more");
    expect(svg).not.toContain("style=");
    // The worse marker is a red downward triangle (a polygon), in the row as well as the legend.
    expect(svg.match(/<polygon [^>]*fill="#D4351C"/g)).toHaveLength(2);
    const similar = spineChart({ title: "t", description: "d", rows: [{ ...row, result: "similar" }] }).svg;
    expect(similar.match(/<polygon [^>]*fill="#FFDD00"/g)).toHaveLength(2);
    expect(similar.match(/<polygon [^>]*fill="#D4351C"/g)).toHaveLength(1);
  });

  it("draws no centre line where there is no national value, and says why a row is not drawn", () => {
    const dashes = (svg: string) => (svg.match(/stroke-dasharray/g) ?? []).length;
    // One dashed line in the legend, one per row with a nation.
    expect(dashes(spineChart({ title: "t", description: "d", rows: [row] }).svg)).toBe(2);
    expect(dashes(spineChart({ title: "t", description: "d", rows: [{ ...row, centre: null }] }).svg)).toBe(1);
    const empty = spineChart({
      title: "t",
      description: "d",
      rows: [{ ...row, centre: null, range: null, notDrawn: "Not drawn: a count" }],
    }).svg;
    expect(empty).toContain("Not drawn: a count");
  });
});
