/**
 * Colours from the Government Analysis Function's accessible palette: each has at least 3:1
 * contrast with white, and series are also told apart by marker shape, dash or labels.
 */
export const FONT_FAMILY = "Arial, Liberation Sans, Helvetica, sans-serif";
export const TEXT_COLOUR = "#0b0c0c";
export const SECONDARY_TEXT = "#505a5f";
export const AXIS_COLOUR = "#505a5f";
export const GRID_COLOUR = "#d9dcdd";

export const SERIES_COLOURS = ["#12436D", "#F46A25", "#28A197", "#801650", "#3D3D3D", "#A285D1", "#2073BC", "#6BACE6"];
/** Marker shapes paired with the colours so series differ without colour. */
export const SERIES_SYMBOLS = ["circle", "rect", "triangle", "diamond", "pin", "arrow", "roundRect", "circle"];

export const HIGHLIGHT_COLOUR = "#F46A25";
export const BASE_BAR_COLOUR = "#12436D";
export const BENCHMARK_DASHES: (number[] | "solid")[] = ["solid", [8, 4], [2, 3], [10, 3, 2, 3]];

export const STATUS_STYLE: Record<string, { label: string; colour: string; text: string; pattern: string | null }> = {
  red: { label: "Red", colour: "#D4351C", text: "#ffffff", pattern: "diagonal" },
  amber: { label: "Amber", colour: "#FFDD00", text: "#0b0c0c", pattern: "dots" },
  green: { label: "Green", colour: "#00703C", text: "#ffffff", pattern: null },
  complete: { label: "Complete", colour: "#1d70b8", text: "#ffffff", pattern: "cross" },
  "not-started": { label: "Not started", colour: "#b1b4b6", text: "#0b0c0c", pattern: "horizontal" },
};

export const baseTextStyle = { fontFamily: FONT_FAMILY, color: TEXT_COLOUR, fontSize: 14 };
