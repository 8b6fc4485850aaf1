import { escapeXml } from "../charts/index.ts";

export interface MapLegendEntry {
  label: string;
  fill: string;
  count: number;
}

/** Hatching for suppressed and dots for missing: distinct from every class colour and from each other. */
export function patternDefs(id: string): string {
  return (
    `<pattern id="${id}-suppressed" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">` +
    `<rect width="6" height="6" fill="#e8e8e8"/><line x1="0" y1="0" x2="0" y2="6" stroke="#505a5f" stroke-width="2.2"/></pattern>` +
    `<pattern id="${id}-missing" patternUnits="userSpaceOnUse" width="7" height="7">` +
    `<rect width="7" height="7" fill="#ffffff"/><circle cx="3.5" cy="3.5" r="1.3" fill="#505a5f"/></pattern>`
  );
}

/** A category's colour with dark marks over it, so it reads without colour (and in greyscale print). */
export function classPatternDef(id: string, colour: string, pattern: "stripes" | "crosshatch"): string {
  const marks =
    pattern === "stripes"
      ? `<line x1="0" y1="0" x2="0" y2="8" stroke="#0b0c0c" stroke-width="1.6"/>`
      : `<line x1="0" y1="0" x2="0" y2="8" stroke="#ffffff" stroke-width="1.6"/><line x1="0" y1="4" x2="8" y2="4" stroke="#ffffff" stroke-width="1.6"/>`;
  return `<pattern id="${id}" patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)"><rect width="8" height="8" fill="${colour}"/>${marks}</pattern>`;
}

export function legendSvg(options: {
  x: number;
  y: number;
  width: number;
  heading: string;
  entries: MapLegendEntry[];
  highlight?: string;
}): string {
  const lines: string[] = [];
  // Wrap the heading on words so long measure names stay inside the legend column.
  const words = options.heading.split(/\s+/);
  const headingLines: string[] = [];
  let current = "";
  for (const word of words) {
    if (current && (current.length + word.length + 1) * 7.2 > options.width) {
      headingLines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) headingLines.push(current);
  let y = options.y + 14;
  for (const line of headingLines) {
    lines.push(
      `<text x="${options.x}" y="${y}" font-size="13" font-weight="bold" fill="#0b0c0c">${escapeXml(line)}</text>`,
    );
    y += 17;
  }
  y += 4;
  for (const entry of options.entries) {
    lines.push(
      `<rect x="${options.x}" y="${y}" width="22" height="16" fill="${entry.fill}" stroke="#505a5f" stroke-width="0.8"/>` +
        `<text x="${options.x + 30}" y="${y + 12.5}" font-size="12" fill="#0b0c0c">${escapeXml(entry.label)} (${entry.count})</text>`,
    );
    y += 23;
  }
  if (options.highlight) {
    y += 4;
    lines.push(
      `<rect x="${options.x}" y="${y}" width="22" height="16" fill="none" stroke="#0b0c0c" stroke-width="2.5"/>` +
        `<text x="${options.x + 30}" y="${y + 12.5}" font-size="12" fill="#0b0c0c">${escapeXml(options.highlight)}</text>`,
    );
  }
  return `<g class="app-map-legend">${lines.join("")}</g>`;
}
