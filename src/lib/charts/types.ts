/** The data table every chart and map carries, for screen readers and the "show data" view. */
export interface DataTable {
  caption: string;
  columns: string[];
  /** Already formatted for display: "[c]" suppressed, "[x]" missing, "(p)" provisional. */
  rows: string[][];
  /** Explains the markers used in the rows, shown under the table. */
  notes?: string[];
}

export interface ChartResult {
  /** Self-contained, accessible SVG (role="img", <title>, <desc>), no scripts or inline styles. */
  svg: string;
  table: DataTable;
  /** One sentence describing the chart, for alt text. */
  summary: string;
  /** Intrinsic size, for raster conversion and print layout. */
  width: number;
  height: number;
}

export const SUPPRESSED_MARK = "[c]";
export const MISSING_MARK = "[x]";
export const MARKER_NOTES = {
  suppressed: "[c] value suppressed to protect confidentiality.",
  missing: "[x] value not available.",
  provisional: "(p) provisional figure, may be revised.",
};
