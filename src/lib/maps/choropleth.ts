import type { Feature, FeatureCollection, Geometry } from "geojson";
import { bbox as topologyBbox, feature as topologyFeature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import {
  type ChartResult,
  type DataTable,
  escapeXml,
  FONT_FAMILY,
  formatPoint,
  MARKER_NOTES,
  type Point,
} from "../charts/index.ts";
import { buildClassifier } from "./classify.ts";
import { classPatternDef, type MapLegendEntry, legendSvg, patternDefs } from "./legend.ts";
import { detectCoordinateSystem, fittedPath, rewindFeature } from "./projection.ts";
import { type ChoroplethInput, type ChoroplethOptions, choroplethSchema } from "./schemas.ts";
import { createHash } from "node:crypto";

export interface MapResult extends ChartResult {
  /** Codes given values that are not on the map (e.g. a renamed authority), for the caller to report. */
  unmatchedCodes: string[];
  coordinateSystem: "lon-lat" | "british-national-grid";
}

function detectProperty(properties: Record<string, unknown>, suffix: "cd" | "nm"): string {
  const keys = Object.keys(properties);
  const found =
    keys.find((key) => key.toLowerCase() === `area${suffix}`) ?? keys.find((key) => key.toLowerCase().endsWith(suffix));
  if (!found)
    throw new Error(`Cannot find the area ${suffix === "cd" ? "code" : "name"} property among: ${keys.join(", ")}`);
  return found;
}

interface Area {
  code: string;
  name: string;
  feature: Feature<Geometry | null>;
  point: Point;
  status: "value" | "suppressed" | "missing";
}

function loadAreas(options: ChoroplethOptions): {
  areas: Area[];
  system: MapResult["coordinateSystem"];
  bbox: [number, number, number, number];
} {
  const topology = options.topology as unknown as Topology;
  const layer = options.layer ?? Object.keys(topology.objects)[0]!;
  const object = topology.objects[layer];
  if (!object) throw new Error(`The map has no layer "${layer}" (layers: ${Object.keys(topology.objects).join(", ")})`);
  const collection = topologyFeature(topology, object as GeometryCollection) as FeatureCollection<Geometry | null>;
  const features = collection.features ?? [collection as unknown as Feature<Geometry | null>];
  const firstProperties = (features[0]?.properties ?? {}) as Record<string, unknown>;
  const codeKey = options.codeProperty ?? detectProperty(firstProperties, "cd");
  const nameKey = options.nameProperty ?? detectProperty(firstProperties, "nm");
  const include = options.include ? new Set(options.include) : null;
  const values = new Map(options.values.map((entry) => [entry.code, entry.value]));
  const bbox = topologyBbox(topology) as [number, number, number, number];
  const system = detectCoordinateSystem(bbox);
  const areas: Area[] = [];
  for (const feature of features) {
    const code = String(feature.properties?.[codeKey] ?? "");
    if (!code || (include && !include.has(code)) || !feature.geometry) continue;
    const point = values.has(code) ? values.get(code)! : null;
    areas.push({
      code,
      name: String(feature.properties?.[nameKey] ?? code),
      feature: system === "lon-lat" ? rewindFeature(feature) : feature,
      point,
      status: point === "suppressed" ? "suppressed" : point === null ? "missing" : "value",
    });
  }
  if (areas.length === 0)
    throw new Error("No areas to draw: the layer is empty or no feature matches the codes to include");
  return { areas, system, bbox };
}

/**
 * SVG choropleth from TopoJSON. Suppressed and missing areas get their own hatched patterns and
 * legend entries (never the colour of a low value); every area is a <path> with a <title>.
 */
export function choroplethMap(rawInput: ChoroplethInput): MapResult {
  const options = choroplethSchema.parse(rawInput);
  const { areas, system, bbox } = loadAreas(options);
  const numbers = areas.filter((area) => area.status === "value").map((area) => area.point as number);
  const classifier = buildClassifier(numbers, options);
  const id = `map-${createHash("sha1")
    .update(
      JSON.stringify([
        options.layer,
        options.include,
        options.values,
        options.title,
        options.classification,
        options.reverse,
        options.highlight,
        areas.length,
      ]),
    )
    .digest("hex")
    .slice(0, 10)}`;
  const { width, height } = options;
  const legendWidth = Math.min(230, Math.round(width * 0.32));
  const subtitle = [options.measure, options.period, options.source ? `Source: ${options.source}` : ""]
    .filter(Boolean)
    .join(". ");
  // A long source would run off the map's right edge: wrap it, and move the map down to fit.
  const subtitleLines = wrapLines(subtitle, width, 6.8);
  const headerHeight = 48 + (subtitleLines.length - 1) * 16;
  const attribution = wrapLines(options.attribution, width, 5.2);
  const footerHeight = 14 + attribution.length * 13;
  const collection: FeatureCollection<Geometry | null> = {
    type: "FeatureCollection",
    features: areas.map((area) => area.feature),
  };
  const path = fittedPath(
    system,
    collection,
    [
      [8, headerHeight],
      [width - legendWidth - 16, height - footerHeight],
    ],
    bbox,
  );

  const fmt = (point: Point) => formatPoint(point, options.unit, options.decimals);
  const missingLabel = options.missingLabel ?? "[x] No data";
  const missingFill = options.missingFill ?? `url(#${id}-missing)`;
  const classFills = classifier.classes.map((mapClass, i) =>
    mapClass.pattern ? `url(#${id}-class-${i})` : mapClass.colour,
  );
  const classPatterns = classifier.classes
    .map((mapClass, i) =>
      mapClass.pattern ? classPatternDef(`${id}-class-${i}`, mapClass.colour, mapClass.pattern) : "",
    )
    .join("");
  const fillOf = (area: Area) =>
    area.status === "suppressed"
      ? `url(#${id}-suppressed)`
      : area.status === "missing"
        ? missingFill
        : classFills[classifier.classOf(area.point as number)]!;
  // Nominal categories (given their own colours, e.g. statuses) are described by their label
  // ("Overdue"), not by the number standing for them; ordered ones (deciles) keep the number.
  const nominal =
    options.classification.method === "categories" &&
    options.classification.categories.some((category) => category.colour);
  const valueText = (point: number) => (nominal ? classifier.classes[classifier.classOf(point)]!.label : fmt(point));
  const describe = (area: Area) =>
    area.status === "value"
      ? `${valueText(area.point as number)}, ${options.period}`
      : `${area.status === "suppressed" ? "[c] suppressed" : options.missingLabel ? missingLabel.toLowerCase() : "[x] no data"}, ${options.period}`;
  const strokeWidth = areas.length > 150 ? 0.4 : 0.8;
  const paths = areas
    .map(
      (area) =>
        `<path d="${path(area.feature) ?? ""}" fill="${fillOf(area)}" stroke="#ffffff" stroke-width="${strokeWidth}" stroke-linejoin="round"><title>${escapeXml(`${area.name} (${area.code}): ${describe(area)}`)}</title></path>`,
    )
    .join("\n");
  const highlighted = options.highlight ? areas.find((area) => area.code === options.highlight) : undefined;
  const highlightPath = highlighted
    ? `<path d="${path(highlighted.feature) ?? ""}" fill="none" stroke="#0b0c0c" stroke-width="2.5" stroke-linejoin="round"><title>${escapeXml(`${highlighted.name} (selected): ${describe(highlighted)}`)}</title></path>`
    : "";

  const counts = {
    suppressed: areas.filter((a) => a.status === "suppressed").length,
    missing: areas.filter((a) => a.status === "missing").length,
  };
  const entries: MapLegendEntry[] = classifier.classes.map((mapClass, i) => ({
    label: mapClass.label,
    fill: classFills[i]!,
    count: numbers.filter((value) => classifier.classOf(value) === i).length,
  }));
  if (counts.suppressed)
    entries.push({ label: "[c] Suppressed", fill: `url(#${id}-suppressed)`, count: counts.suppressed });
  if (counts.missing) entries.push({ label: missingLabel, fill: missingFill, count: counts.missing });
  const summary = nominal ? categorySummary(options, areas.length, entries) : mapSummary(options, areas, counts);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc" class="app-map-svg" font-family="${FONT_FAMILY}">` +
    `<title id="${id}-title">${escapeXml(options.title)}</title><desc id="${id}-desc">${escapeXml(summary)}</desc>` +
    `<defs>${patternDefs(id)}${classPatterns}</defs><rect width="${width}" height="${height}" fill="#ffffff"/>` +
    subtitleLines
      .map((line, i) => `<text x="12" y="${24 + i * 16}" font-size="13" fill="#505a5f">${escapeXml(line)}</text>`)
      .join("") +
    `<g class="app-map-areas">\n${paths}\n${highlightPath}</g>` +
    legendSvg({
      x: width - legendWidth,
      y: headerHeight + 4,
      width: legendWidth - 8,
      heading: options.measure,
      entries,
      highlight: highlighted?.name,
    }) +
    attributionSvg(attribution, height) +
    "</svg>";

  const table: DataTable = {
    caption: [options.title, options.period, options.source ? `Source: ${options.source}` : ""]
      .filter(Boolean)
      .join(". "),
    columns: ["Area code", "Area name", `${options.measure} (${options.period})`, "Map class"],
    rows: [...areas]
      .sort((a, b) => a.name.localeCompare(b.name) || a.code.localeCompare(b.code))
      .map((area) => [
        area.code,
        area.name,
        area.status === "value" ? valueText(area.point as number) : fmt(area.point),
        area.status === "value"
          ? classifier.classes[classifier.classOf(area.point as number)]!.label
          : area.status === "suppressed"
            ? "Suppressed"
            : (options.missingLabel ?? "No data"),
      ]),
    notes: [counts.suppressed ? MARKER_NOTES.suppressed : "", counts.missing ? MARKER_NOTES.missing : ""].filter(
      Boolean,
    ),
  };
  const drawn = new Set(areas.map((area) => area.code));
  const unmatchedCodes = options.values.map((entry) => entry.code).filter((code) => !drawn.has(code));
  return { svg, table, summary, width, height, unmatchedCodes, coordinateSystem: system };
}

/** Arial averages about 0.52 em a character (5.2px at 10px, 6.8px at 13px): wrap text to the map's width. */
function wrapLines(text: string, width: number, charWidth: number): string[] {
  const perLine = Math.floor((width - 24) / charWidth);
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(/\s+/)) {
    if (current && current.length + word.length + 1 > perLine) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines;
}

function attributionSvg(lines: string[], height: number): string {
  return lines
    .map(
      (line, i) =>
        `<text x="12" y="${height - 8 - (lines.length - 1 - i) * 13}" font-size="10" fill="#505a5f">${escapeXml(line)}</text>`,
    )
    .join("");
}

/** Categories are counted, not ranged: "Overdue 3 areas, Published 2 areas; No partnership 27 areas". */
function categorySummary(options: ChoroplethOptions, total: number, entries: MapLegendEntry[]): string {
  const counted = entries
    .filter((entry) => entry.count > 0)
    .map((entry) => `${entry.label} ${entry.count} area${entry.count === 1 ? "" : "s"}`);
  return `Map of ${options.title} for ${total} areas, ${options.period}${counted.length ? `: ${counted.join(", ")}` : ""}.`;
}

function mapSummary(
  options: ChoroplethOptions,
  areas: Area[],
  counts: { suppressed: number; missing: number },
): string {
  const withValues = areas
    .filter((area) => area.status === "value")
    .sort((a, b) => (a.point as number) - (b.point as number));
  const fmt = (point: Point) => formatPoint(point, options.unit, options.decimals);
  const parts = [`Map of ${options.title} for ${areas.length} areas, ${options.period}`];
  if (withValues.length > 0) {
    const low = withValues[0]!;
    const high = withValues[withValues.length - 1]!;
    parts.push(`${options.measure} ranges from ${fmt(low.point)} (${low.name}) to ${fmt(high.point)} (${high.name})`);
  }
  if (counts.suppressed) parts.push(`${counts.suppressed} suppressed`);
  if (counts.missing) parts.push(`${counts.missing} with no data`);
  return `${parts.join("; ")}.`;
}
