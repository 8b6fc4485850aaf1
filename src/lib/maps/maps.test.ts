import { readFileSync } from "node:fs";
import path from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { choroplethMap, detectCoordinateSystem } from "./index.ts";

// Real ONS boundaries, read from ../shared (never copied into the repo).
const geography = path.resolve(import.meta.dirname, "../../../../shared/data/geography");
const darlington = JSON.parse(readFileSync(path.join(geography, "lsoa11-topojson-by-lad/E06000005.json"), "utf8"));
const authorities = JSON.parse(readFileSync(path.join(geography, "uk-local-authorities-topo.json"), "utf8"));

const darlingtonCodes: string[] = darlington.objects.E06000005.geometries.map(
  (g: { properties: { LSOA11CD: string } }) => g.properties.LSOA11CD,
);
const deciles = Array.from({ length: 10 }, (_, i) => ({
  value: i + 1,
  label: i === 0 ? "1 (most deprived)" : String(i + 1),
}));

function pathsOf(svg: string): RegExpMatchArray[] {
  return [...svg.matchAll(/<path d="([^"]*)" fill="([^"]+)"[^>]*><title>([^<]+)<\/title><\/path>/g)];
}

describe("choroplethMap on Darlington LSOAs (lon/lat TopoJSON)", () => {
  // Real-shaped data: deciles cycling 1–10, one suppressed area, one area with no value at all.
  const values = darlingtonCodes
    .filter((_, i) => i !== 5)
    .map((code, i) => ({ code, value: i === 3 ? ("suppressed" as const) : (i % 10) + 1 }));
  const map = choroplethMap({
    topology: darlington,
    title: "IDACI decile of Darlington's LSOAs",
    measure: "National IDACI decile",
    period: "2019",
    source: "English Indices of Deprivation 2019",
    values,
    reverse: true,
    classification: { method: "categories", categories: deciles },
  });

  it("draws every feature as a titled path inside an accessible, well-formed SVG", () => {
    expect(darlingtonCodes).toHaveLength(65);
    expect(map.coordinateSystem).toBe("lon-lat");
    expect(map.svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="(map-\w+)-title \1-desc"/);
    expect(map.svg).toContain("<title id=");
    expect(map.svg).toContain("<desc id=");
    const paths = pathsOf(map.svg);
    expect(paths).toHaveLength(65);
    for (const match of paths) expect(match[1]!.length).toBeGreaterThan(20);
    expect(paths.some((m) => m[3]!.startsWith("Darlington 012A (E01012304): "))).toBe(true);
    expect(new Resvg(map.svg, { font: { loadSystemFonts: false } }).width).toBe(760);
  });

  it("keeps the projection inside the frame (no globe-sized polygons from ring order)", () => {
    const coordinates = pathsOf(map.svg).flatMap((m) => m[1]!.match(/-?[\d.]+/g)!.map(Number));
    expect(Math.min(...coordinates)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...coordinates)).toBeLessThanOrEqual(760);
  });

  it("styles suppressed and missing areas with their own patterns and legend entries, never as a class", () => {
    const fills = pathsOf(map.svg).map((m) => m[2]!);
    expect(fills.filter((fill) => fill.endsWith("-suppressed)"))).toHaveLength(1);
    expect(fills.filter((fill) => fill.endsWith("-missing)"))).toHaveLength(1);
    expect(new Set(fills.filter((fill) => fill.startsWith("#"))).size).toBe(10);
    expect(map.svg).toContain("[c] Suppressed (1)");
    expect(map.svg).toContain("[x] No data (1)");
    expect(map.svg).toMatch(/<pattern id="map-\w+-suppressed"/);
    const suppressedTitle = pathsOf(map.svg).find((m) => m[2]!.endsWith("-suppressed)"))![3]!;
    expect(suppressedTitle).toContain("[c] suppressed, 2019");
  });

  it("has a complete table with one row per area", () => {
    expect(map.table.rows).toHaveLength(65);
    expect(new Set(map.table.rows.map((row) => row[0]))).toEqual(new Set(darlingtonCodes));
    expect(map.table.rows.find((row) => row[0] === darlingtonCodes[5])!.slice(2)).toEqual(["[x]", "No data"]);
    expect(map.table.rows.filter((row) => row[2] === "[c]")).toHaveLength(1);
    expect(map.summary).toContain("65 areas");
    expect(map.summary).toContain("1 suppressed; 1 with no data");
  });

  it("is deterministic", () => {
    const again = choroplethMap({
      topology: darlington,
      title: "IDACI decile of Darlington's LSOAs",
      measure: "National IDACI decile",
      period: "2019",
      source: "English Indices of Deprivation 2019",
      values,
      reverse: true,
      classification: { method: "categories", categories: deciles },
    });
    expect(again.svg).toBe(map.svg);
  });

  it("rejects values outside the categories with a clear message", () => {
    expect(() =>
      choroplethMap({
        topology: darlington,
        title: "t",
        measure: "m",
        period: "p",
        values: [{ code: darlingtonCodes[0]!, value: 11 }],
        classification: { method: "categories", categories: deciles },
      }),
    ).toThrow(/Value 11 is not one of the map's categories/);
  });
});

describe("choroplethMap on the UK lower-tier authorities layer", () => {
  const geometries: { properties: { areacd: string; areanm: string } }[] = authorities.objects.ltla.geometries;

  it("draws all 407 authorities with quantile classes and reports unmatched codes", () => {
    const values = geometries.map((g, i) => ({
      code: g.properties.areacd,
      value: i % 40 === 0 ? null : 10 + (i % 23),
    }));
    values.push({ code: "E07000999", value: 5 });
    const map = choroplethMap({
      topology: authorities,
      layer: "ltla",
      title: "Children in relative low income",
      measure: "Percentage of children",
      period: "2021/22 (p)",
      unit: "percentage",
      values,
      highlight: "E06000005",
      classification: { method: "quantile", classes: 5 },
    });
    expect(map.coordinateSystem).toBe("lon-lat");
    const paths = pathsOf(map.svg);
    expect(paths).toHaveLength(407 + 1); // plus the highlight outline
    expect(map.table.rows).toHaveLength(407);
    expect(map.unmatchedCodes).toEqual(["E07000999"]);
    expect(map.svg).toContain("Darlington (selected)");
    const legendCounts = [...map.svg.matchAll(/\((\d+)\)<\/text>/g)].map((m) => Number(m[1]));
    expect(legendCounts.reduce((a, b) => a + b, 0)).toBe(407);
    expect(map.svg).toContain("[x] No data (11)");
  });

  it("draws only the included areas", () => {
    const northEast = geometries
      .filter((g) => /^E0600000[1-5]$/.test(g.properties.areacd))
      .map((g) => g.properties.areacd);
    const map = choroplethMap({
      topology: authorities,
      layer: "ltla",
      include: northEast,
      title: "t",
      measure: "m",
      period: "p",
      values: northEast.map((code, i) => ({ code, value: i })),
    });
    expect(pathsOf(map.svg)).toHaveLength(northEast.length);
    expect(() =>
      choroplethMap({ topology: authorities, layer: "nope", title: "t", measure: "m", period: "p", values: [] }),
    ).toThrow(/no layer "nope"/);
  });
});

describe("choroplethMap on British National Grid coordinates", () => {
  it("keeps north at the top (y axis reflected) and fits the frame", () => {
    const square = (x: number, y: number) => [
      [x, y],
      [x + 1000, y],
      [x + 1000, y + 1000],
      [x, y + 1000],
      [x, y],
    ];
    const topology = {
      type: "Topology" as const,
      arcs: [square(420_000, 500_000), square(420_000, 510_000)],
      objects: {
        areas: {
          type: "GeometryCollection",
          geometries: [
            { type: "Polygon", arcs: [[0]], properties: { code: "S1", name: "South" } },
            { type: "Polygon", arcs: [[1]], properties: { code: "N1", name: "North" } },
          ],
        },
      },
    };
    const map = choroplethMap({
      topology,
      codeProperty: "code",
      nameProperty: "name",
      title: "t",
      measure: "m",
      period: "p",
      values: [
        { code: "S1", value: 1 },
        { code: "N1", value: 2 },
      ],
    });
    expect(map.coordinateSystem).toBe("british-national-grid");
    const topOf = (name: string) =>
      Math.min(
        ...pathsOf(map.svg)
          .find((m) => m[3]!.startsWith(name))![1]!
          .match(/[ML]-?[\d.]+,(-?[\d.]+)/g)!
          .map((pair) => Number(pair.split(",")[1])),
      );
    expect(topOf("North")).toBeLessThan(topOf("South"));
  });
});

describe("detectCoordinateSystem", () => {
  it("tells longitude/latitude from British National Grid", () => {
    expect(detectCoordinateSystem([-1.7, 54.4, -1.4, 54.6])).toBe("lon-lat");
    expect(detectCoordinateSystem([419_000, 508_000, 440_000, 525_000])).toBe("british-national-grid");
    expect(() => detectCoordinateSystem([0, 0, 5_000_000, 5_000_000])).toThrow(/Unrecognised/);
  });
});
