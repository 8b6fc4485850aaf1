/**
 * A Fingertips-style spine chart, drawn as SVG by hand: ECharts has no series for one scale per
 * row. Each row is one indicator: the nation's value is the centre line; the bar runs from the
 * lowest to the highest comparable area, darker between the 25th and 75th percentiles; the
 * area is a marker whose colour AND shape give its comparison with the nation, and the region
 * a short thick line. Each row is scaled on its own (the furthest point from the centre reaches
 * the edge), so only positions within a row are comparable, as on Fingertips. Where the
 * indicator has a better direction, better is drawn on the right; with none, higher is right.
 * The chart is a picture of the page's data table, which is the accessible version.
 */
import { escapeXml, stableId } from "./svg.ts";
import { FONT_FAMILY, SECONDARY_TEXT, TEXT_COLOUR } from "./theme.ts";

export type SpineResult = "better" | "similar" | "worse" | "not compared";

export interface SpineRow {
  label: string;
  /** The nation's value; null centres the row on the median (and the row says so). */
  centre: number | null;
  range: { min: number; q1: number; median: number; q3: number; max: number } | null;
  area: number | null;
  region: number | null;
  result: SpineResult;
  /** true: higher is better; false: lower is better (the row is flipped); null: no direction. */
  higherIsBetter: boolean | null;
  /** Why the row cannot be drawn when it has no centre and no range. */
  notDrawn?: string;
}

export interface SpineChartInput {
  title: string;
  description: string;
  rows: readonly SpineRow[];
  width?: number;
}

/** Shape and colour per comparison: never colour alone. */
export const SPINE_MARKERS: Record<SpineResult, { shape: string; fill: string; stroke: string }> = {
  better: { shape: "circle", fill: "#00703C", stroke: "#0b0c0c" },
  similar: { shape: "diamond", fill: "#FFDD00", stroke: "#0b0c0c" },
  worse: { shape: "downward triangle", fill: "#D4351C", stroke: "#0b0c0c" },
  "not compared": { shape: "square", fill: "#ffffff", stroke: "#0b0c0c" },
};

const ROW = 40;
const LEGEND = 100;
const LABEL_WIDTH = 300;
const RANGE_OUTER = "#c8cdd0";
const RANGE_INNER = "#6f777b";
const REGION_COLOUR = "#12436D";

function text(x: number, y: number, content: string, options: { fill?: string; end?: boolean } = {}): string {
  const anchor = options.end ? ` text-anchor="end"` : "";
  return `<text x="${x}" y="${y}" font-family="${FONT_FAMILY}" font-size="13" fill="${options.fill ?? TEXT_COLOUR}"${anchor}>${escapeXml(content)}</text>`;
}

function marker(result: SpineResult, x: number, y: number, r = 7): string {
  const { fill, stroke } = SPINE_MARKERS[result];
  const paint = `fill="${fill}" stroke="${stroke}" stroke-width="1.5"`;
  if (result === "better") return `<circle cx="${x}" cy="${y}" r="${r}" ${paint}/>`;
  if (result === "similar")
    return `<polygon points="${x},${y - r - 1} ${x + r + 1},${y} ${x},${y + r + 1} ${x - r - 1},${y}" ${paint}/>`;
  if (result === "worse")
    return `<polygon points="${x - r - 1},${y - r + 1} ${x + r + 1},${y - r + 1} ${x},${y + r + 2}" ${paint}/>`;
  return `<rect x="${x - r + 1}" y="${y - r + 1}" width="${2 * r - 2}" height="${2 * r - 2}" ${paint}/>`;
}

/** The label in at most two lines of about 42 characters; the full name is in the table. */
function labelLines(label: string): string[] {
  const lines: string[] = [""];
  for (const word of label.split(/\s+/)) {
    const current = lines.at(-1)!;
    if (!current || `${current} ${word}`.length <= 42) lines[lines.length - 1] = current ? `${current} ${word}` : word;
    else lines.push(word);
  }
  if (lines.length <= 2) return lines;
  return [lines[0]!, `${lines[1]!.slice(0, 40)}…`];
}

/** Where a row's values sit, 0 (left edge) to 1 (right edge), or null when nothing can be drawn. */
export function spinePositions(row: SpineRow): ((value: number) => number) | null {
  const centre = row.centre ?? row.range?.median ?? null;
  if (centre === null) return null;
  const points = [row.range?.min, row.range?.max, row.area, row.region].filter(
    (v): v is number => typeof v === "number" && Number.isFinite(v),
  );
  const spread = Math.max(0, ...points.map((v) => Math.abs(v - centre)));
  const scale = spread > 0 ? spread : Math.abs(centre) || 1;
  const flip = row.higherIsBetter === false ? -1 : 1;
  return (value) => 0.5 + (flip * (value - centre)) / (2 * scale);
}

function legend(width: number, plotLeft: number): string {
  const items = (Object.entries(SPINE_MARKERS) as [SpineResult, { shape: string }][]).map(([result, { shape }], i) => {
    const [x, y] = [2 + (i % 2) * 380, 14 + Math.floor(i / 2) * 22];
    const name = {
      better: "Better than the nation",
      similar: "Similar to the nation",
      worse: "Worse than the nation",
      "not compared": "Not compared",
    }[result];
    return marker(result, x + 8, y) + text(x + 22, y + 4, `${name} (${shape})`);
  });
  const keys =
    `<line x1="10" y1="54" x2="10" y2="70" stroke="${TEXT_COLOUR}" stroke-width="2" stroke-dasharray="4 3"/>` +
    text(18, 66, "Nation (centre)") +
    `<rect x="128" y="54" width="5" height="16" fill="${REGION_COLOUR}"/>` +
    text(140, 66, "Region") +
    `<rect x="200" y="56" width="40" height="12" fill="${RANGE_OUTER}"/><rect x="210" y="56" width="20" height="12" fill="${RANGE_INNER}"/>` +
    text(248, 66, "Lowest to highest comparable area; darker: 25th to 75th percentile");
  const ends =
    text(plotLeft, LEGEND - 10, "Worse (or lower)", { fill: SECONDARY_TEXT }) +
    text(width - 12, LEGEND - 10, "Better (or higher)", { fill: SECONDARY_TEXT, end: true });
  return `${items.join("")}${keys}${ends}`;
}

export function spineChart(input: SpineChartInput): { svg: string; width: number; height: number } {
  const width = input.width ?? 760;
  const height = LEGEND + input.rows.length * ROW + 8;
  const plotLeft = LABEL_WIDTH + 12;
  const plotWidth = width - plotLeft - 12;
  const id = stableId("spine", input);
  const rows = input.rows.map((row, i) => {
    const top = LEGEND + i * ROW;
    const mid = top + ROW / 2;
    const lines = labelLines(row.label);
    const label = lines.map((line, n) => text(0, mid + 4 + (n - (lines.length - 1) / 2) * 15, line)).join("");
    const band = i % 2 === 0 ? `<rect x="0" y="${top}" width="${width}" height="${ROW}" fill="#f3f2f1"/>` : "";
    const at = spinePositions(row);
    if (!at)
      return `${band}${label}${text(plotLeft, mid + 4, row.notDrawn ?? "Not drawn: no national value and no range", { fill: SECONDARY_TEXT })}`;
    const x = (value: number) => plotLeft + Math.max(0, Math.min(1, at(value))) * plotWidth;
    const parts: string[] = [band, label];
    if (row.range) {
      const [a, b] = [x(row.range.min), x(row.range.max)].sort((p, q) => p - q) as [number, number];
      const [c, d] = [x(row.range.q1), x(row.range.q3)].sort((p, q) => p - q) as [number, number];
      parts.push(`<rect x="${a}" y="${mid - 8}" width="${Math.max(1, b - a)}" height="16" fill="${RANGE_OUTER}"/>`);
      parts.push(`<rect x="${c}" y="${mid - 8}" width="${Math.max(1, d - c)}" height="16" fill="${RANGE_INNER}"/>`);
    }
    const centreX = plotLeft + plotWidth / 2;
    // Centred on the median when there is no national value: no line then claims to be the nation.
    if (row.centre !== null)
      parts.push(
        `<line x1="${centreX}" y1="${top + 3}" x2="${centreX}" y2="${top + ROW - 3}" stroke="${TEXT_COLOUR}" stroke-width="2" stroke-dasharray="4 3"/>`,
      );
    if (row.region !== null)
      parts.push(`<rect x="${x(row.region) - 2.5}" y="${mid - 12}" width="5" height="24" fill="${REGION_COLOUR}"/>`);
    if (row.area !== null) parts.push(marker(row.result, x(row.area), mid));
    return parts.join("");
  });
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc" class="app-chart-svg">` +
    `<title id="${id}-title">${escapeXml(input.title)}</title><desc id="${id}-desc">${escapeXml(input.description)}</desc>` +
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>${legend(width, plotLeft)}${rows.join("")}</svg>`;
  return { svg, width, height };
}
