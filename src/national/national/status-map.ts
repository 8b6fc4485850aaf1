import { createHash } from "node:crypto";
import type { Nation } from "../../kernel/auth/policy.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { findAreaByCode, findBoundary, nationOfCode } from "../../data/geography/index.ts";
import { choroplethMap } from "../../lib/maps/index.ts";
import type { NationalRow } from "./national-service.ts";
import { type ReportStatus, reportStatusLabels } from "./report-status.ts";

/** The UK's GSS code: the ONS TopoJSON importer stores each whole layer on this area. */
const UK_CODE = "K02000001";
/** Responsible authorities are upper-tier (county, unitary, metropolitan district, London borough; Scottish councils). */
const LAYER = "utla";

/**
 * Each status has its own colour and, for the two that need action, marks over it, so the map
 * does not rely on colour alone; the legend names each with its count and every area has a title.
 */
const statusCategories: { status: ReportStatus; colour: string; pattern?: "stripes" | "crosshatch" }[] = [
  { status: "overdue", colour: "#d4351c", pattern: "crosshatch" },
  { status: "not-started", colour: "#b1b4b6" },
  { status: "draft", colour: "#ffdd00", pattern: "stripes" },
  { status: "published", colour: "#00703c" },
];

export type StatusMap =
  | { state: "no-boundaries" }
  | { state: "failed"; message: string }
  | { state: "drawn"; svg: string; summary: string; source: string; notOnMap: { name: string; areaCode: string }[] };

interface LayerGeometry {
  properties?: { areacd?: string; start?: number; end?: number };
}

/** Codes of the nation's authorities in use in the given year (the layer keeps retired ones, with end years). */
function currentCodes(
  topology: { objects?: Record<string, { geometries?: LayerGeometry[] }> },
  nation: Nation,
  year: number,
): string[] {
  const geometries = topology.objects?.[LAYER]?.geometries ?? [];
  return geometries
    .map((geometry) => geometry.properties ?? {})
    .filter(
      (p) =>
        p.areacd &&
        nationOfCode(p.areacd) === nation &&
        (p.start === undefined || p.start <= year) &&
        (p.end === undefined || p.end >= year),
    )
    .map((p) => p.areacd!);
}

const cache = new Map<string, { key: string; map: StatusMap }>();

/**
 * Map of the nation's authorities coloured by this year's report status, from the boundaries
 * imported with `cpah import geography-topology`. Authorities without a partnership here are
 * drawn neutral ("No partnership"); partnerships whose area is not a current boundary are listed.
 */
export async function reportStatusMap(
  db: Executor,
  nation: Nation,
  rows: NationalRow[],
  reportingYear: string,
  today: string,
): Promise<StatusMap> {
  const uk = await findAreaByCode(db, UK_CODE);
  const boundary = uk ? await findBoundary(db, uk.id, LAYER) : undefined;
  if (!boundary) return { state: "no-boundaries" };
  const values = new Map<string, number>();
  for (const row of rows) {
    if (!values.has(row.areaCode))
      values.set(
        row.areaCode,
        statusCategories.findIndex((category) => category.status === row.reportStatus),
      );
  }
  const key = createHash("sha1")
    .update(boundary)
    .update(JSON.stringify([nation, reportingYear, today.slice(0, 4), [...values]]))
    .digest("hex");
  const cached = cache.get(nation);
  if (cached?.key === key) return cached.map;
  let map: StatusMap;
  try {
    const topology = JSON.parse(boundary);
    const include = currentCodes(topology, nation, Number(today.slice(0, 4)));
    const drawn = new Set(include);
    const result = choroplethMap({
      topology,
      layer: LAYER,
      include,
      values: [...values].filter(([code]) => drawn.has(code)).map(([code, value]) => ({ code, value })),
      title: `Annual report status by area, ${reportingYear}`,
      measure: "Report status",
      period: `Reporting year ${reportingYear}`,
      source: "report records in Child Poverty Action Hub",
      classification: {
        method: "categories",
        categories: statusCategories.map((c, i) => ({
          value: i,
          label: reportStatusLabels[c.status],
          colour: c.colour,
          pattern: c.pattern,
        })),
      },
      missingLabel: "No partnership",
      missingFill: "#f3f2f1",
      width: 760,
      height: nation === "england" ? 760 : 680,
    });
    const notOnMap = rows
      .filter((row) => !drawn.has(row.areaCode))
      .map((row) => ({ name: row.name, areaCode: row.areaCode }));
    map = {
      state: "drawn",
      svg: result.svg,
      summary: result.summary,
      source: "Office for National Statistics local authority boundaries",
      notOnMap,
    };
  } catch (error) {
    map = { state: "failed", message: (error as Error).message };
  }
  cache.set(nation, { key, map });
  return map;
}
