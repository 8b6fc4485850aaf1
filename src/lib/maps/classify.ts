import { formatValue } from "../charts/index.ts";
import type { ChoroplethOptions } from "./schemas.ts";

export interface MapClass {
  label: string;
  colour: string;
  pattern?: "stripes" | "crosshatch";
}

export interface Classifier {
  classes: MapClass[];
  classOf: (value: number) => number;
}

/**
 * Viridis (colour-blind safe, perceptually uniform) from light to dark, so "more" reads darker
 * and every class also differs in lightness, which survives greyscale printing.
 */
const VIRIDIS_LIGHT_TO_DARK = [
  "#fde725",
  "#b5de2b",
  "#6ece58",
  "#35b779",
  "#1f9e89",
  "#26828e",
  "#31688e",
  "#3e4989",
  "#482878",
  "#440154",
];

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function sample(position: number): string {
  const scaled = position * (VIRIDIS_LIGHT_TO_DARK.length - 1);
  const low = Math.floor(scaled);
  const high = Math.min(low + 1, VIRIDIS_LIGHT_TO_DARK.length - 1);
  const t = scaled - low;
  const a = hexToRgb(VIRIDIS_LIGHT_TO_DARK[low]!);
  const b = hexToRgb(VIRIDIS_LIGHT_TO_DARK[high]!);
  return `#${a
    .map((channel, i) =>
      Math.round(channel + (b[i]! - channel) * t)
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")}`;
}

export function sequentialPalette(count: number, reverse: boolean): string[] {
  // Skip the palest 8% so the lightest class is still visible against a white page.
  const colours = Array.from({ length: count }, (_, i) => sample(count === 1 ? 0.5 : 0.08 + (0.92 * i) / (count - 1)));
  return reverse ? colours.reverse() : colours;
}

function quantileBreaks(sorted: number[], classes: number): number[] {
  const breaks: number[] = [sorted[0]!];
  for (let i = 1; i < classes; i++) {
    const position = (sorted.length - 1) * (i / classes);
    const lower = sorted[Math.floor(position)]!;
    const upper = sorted[Math.ceil(position)]!;
    breaks.push(lower + (upper - lower) * (position - Math.floor(position)));
  }
  breaks.push(sorted[sorted.length - 1]!);
  // Ties (common in counts and ranks) would give empty classes: drop repeated boundaries.
  return breaks.filter((value, i) => i === 0 || value > breaks[i - 1]!);
}

function rangeClassifier(breaks: number[], options: ChoroplethOptions): Classifier {
  const count = Math.max(1, breaks.length - 1);
  const colours = sequentialPalette(count, options.reverse);
  const fmt = (value: number) => formatValue(value, options.unit, options.decimals);
  const classes = Array.from({ length: count }, (_, i) => ({
    label:
      breaks.length < 2 ? fmt(breaks[0]!) : `${i === 0 ? "" : "over "}${fmt(breaks[i]!)} to ${fmt(breaks[i + 1]!)}`,
    colour: colours[i]!,
  }));
  return {
    classes,
    classOf: (value) => {
      for (let i = 0; i < count - 1; i++) if (value <= breaks[i + 1]!) return i;
      return count - 1;
    },
  };
}

export function buildClassifier(values: number[], options: ChoroplethOptions): Classifier {
  const method = options.classification;
  if (method.method === "categories") {
    const colours = sequentialPalette(method.categories.length, options.reverse);
    const index = new Map(method.categories.map((category, i) => [category.value, i]));
    for (const value of values) {
      if (!index.has(value))
        throw new Error(`Value ${value} is not one of the map's categories (${[...index.keys()].join(", ")})`);
    }
    return {
      classes: method.categories.map((category, i) => ({
        label: category.label,
        colour: category.colour ?? colours[i]!,
        pattern: category.pattern,
      })),
      classOf: (value) => index.get(value)!,
    };
  }
  if (method.method === "breaks") {
    const breaks = [...method.breaks].sort((a, b) => a - b);
    return rangeClassifier(breaks, options);
  }
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return { classes: [], classOf: () => 0 };
  return rangeClassifier(quantileBreaks(sorted, method.classes), options);
}
