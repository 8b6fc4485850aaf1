/**
 * The shape of a Stat-Xplore table as exported to CSV: title rows, a header row, an optional
 * line naming the row dimension ("National - Regional - LA - OAs (GB)"), "Annotations"
 * columns, then one row per area — or, exported the other way round, one row per period and
 * one column per area. Any period grain parsePeriod knows (financial years, years, quarters,
 * months), "(p)"/"(r)" markers kept.
 */
import { parsePeriod } from "../indicators/index.ts";
import { periodMarkers } from "./cells.ts";
import type { CsvRow } from "./source-file.ts";

export interface TablePeriod {
  /** The cell as written, e.g. "2021/22 (p)". */
  label: string;
  code: string;
  flags: number;
  sortKey: number;
}

export interface TableRow {
  label: string;
  line: number;
  /** One cell per period (same order as `periods`). */
  cells: (string | undefined)[];
}

export interface StatTable {
  orientation: "periods across" | "periods down";
  titleLines: string[];
  /** The row naming the area dimension, when the export has one. */
  dimension: string | null;
  headerLine: number;
  header: string[];
  periods: TablePeriod[];
  rows: TableRow[];
  /** Rows without values (headings, footnotes). */
  headings: { row: number; label: string }[];
  /** Annotation columns that hold something (not imported). */
  annotated: string[];
  /** Where a value came from, for messages: file line and column heading. */
  locate(row: TableRow, period: number): { line: number; column: string };
}

const isAnnotation = (cell: string) => /annotations?$/i.test(cell.trim());

function periodOf(cell: string): TablePeriod | null {
  if (isAnnotation(cell)) return null;
  const marked = periodMarkers(cell);
  const period = parsePeriod(marked.text);
  return period ? { label: cell, code: period.code, flags: marked.flags, sortKey: period.sortKey } : null;
}

const hasValues = (cells: readonly string[]) => cells.slice(1).some((cell) => cell.trim() !== "");

export function readStatTable(rows: CsvRow[]): StatTable | null {
  const across = rows.findIndex((row) => row.cells.slice(1).some((cell) => periodOf(cell)));
  const downStart = rows.findIndex((row) => periodOf(row.cells[0] ?? "") && hasValues(row.cells));
  // Periods down the first column: the header is the last row before them naming two or more areas.
  if (downStart > 0 && (across < 0 || across >= downStart)) {
    let headerIndex = downStart - 1;
    while (headerIndex >= 0 && !rows[headerIndex]!.cells.slice(1).some((c) => c.trim() && !isAnnotation(c)))
      headerIndex--;
    if (headerIndex >= 0) return periodsDown(rows, headerIndex);
  }
  if (across < 0) return null;
  return periodsAcross(rows, across);
}

function titleLinesOf(rows: CsvRow[], headerIndex: number): string[] {
  return rows
    .slice(0, headerIndex)
    .map((row) =>
      row.cells
        .map((c) => c.trim())
        .filter(Boolean)
        .join(" "),
    )
    .filter(Boolean);
}

function periodsAcross(rows: CsvRow[], headerIndex: number): StatTable {
  const header = rows[headerIndex]!;
  const columns = header.cells.flatMap((cell, index) => {
    const period = index > 0 ? periodOf(cell) : null;
    return period ? [{ index, period }] : [];
  });
  const body = rows.slice(headerIndex + 1);
  const headings: StatTable["headings"] = [];
  const dataRows: TableRow[] = [];
  let dimension: string | null = null;
  for (const row of body) {
    const label = (row.cells[0] ?? "").trim();
    if (label === "" && !hasValues(row.cells)) continue;
    if (!hasValues(row.cells)) {
      if (dataRows.length === 0 && dimension === null) dimension = label;
      headings.push({ row: row.line, label });
      continue;
    }
    dataRows.push({ label, line: row.line, cells: columns.map((c) => row.cells[c.index]) });
  }
  const annotated = header.cells.filter(
    (cell, index) => isAnnotation(cell) && body.some((row) => (row.cells[index] ?? "").trim() !== ""),
  );
  return {
    orientation: "periods across",
    titleLines: titleLinesOf(rows, headerIndex),
    dimension,
    headerLine: header.line,
    header: header.cells,
    periods: columns.map((c) => c.period),
    rows: dataRows,
    headings,
    annotated,
    locate: (row, period) => ({ line: row.line, column: header.cells[columns[period]!.index] ?? "" }),
  };
}

function periodsDown(rows: CsvRow[], headerIndex: number): StatTable {
  const header = rows[headerIndex]!;
  const areaColumns = header.cells.flatMap((cell, index) =>
    index > 0 && cell.trim() !== "" && !isAnnotation(cell) ? [{ index, label: cell.trim() }] : [],
  );
  const periodRows = rows.slice(headerIndex + 1).flatMap((row) => {
    const period = periodOf(row.cells[0] ?? "");
    return period && hasValues(row.cells) ? [{ row, period }] : [];
  });
  const headings = rows
    .slice(headerIndex + 1)
    .filter((row) => !periodOf(row.cells[0] ?? "") && (row.cells[0] ?? "").trim() !== "")
    .map((row) => ({ row: row.line, label: (row.cells[0] ?? "").trim() }));
  const annotated = header.cells.filter(
    (cell, index) => isAnnotation(cell) && periodRows.some((p) => (p.row.cells[index] ?? "").trim() !== ""),
  );
  const dataRows = areaColumns.map((column) => ({
    label: column.label,
    line: header.line,
    cells: periodRows.map((p) => p.row.cells[column.index]),
    column: column.index,
  }));
  return {
    orientation: "periods down",
    titleLines: titleLinesOf(rows, headerIndex),
    dimension: (header.cells[0] ?? "").trim() || null,
    headerLine: header.line,
    header: header.cells,
    periods: periodRows.map((p) => p.period),
    rows: dataRows,
    headings,
    annotated,
    locate: (row, period) => ({ line: periodRows[period]!.row.line, column: row.label }),
  };
}
