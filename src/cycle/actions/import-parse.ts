/**
 * An action plan upload is read the way every import reads files: through imports' source-file
 * reader (size limit, strict UTF-8 CSV, the one guarded XLSX reader off the event loop) and its
 * error type, ImportRejected, whose message names the file. Only the limits are the plan's own.
 */
import { type CsvRow, ImportRejected, isWorkbook, readTable, sourceFromBytes } from "../../data/imports/index.ts";

export const IMPORT_LIMITS = { bytes: 5 * 1024 * 1024, rows: 2000, columns: 60, cellCharacters: 10_000 };

export interface ParsedSheet {
  headers: string[];
  rows: string[][];
  /** Spreadsheet row number of rows[0]. */
  firstRow: number;
}

/** Header and rows from the first non-empty row on, blank rows kept so row numbers match the file. */
function tidy(fileName: string, read: CsvRow[]): ParsedSheet {
  const refuse = (message: string) => new ImportRejected(fileName, message);
  const rows = read
    .map((row) => ({ line: row.line, cells: row.cells.map((cell) => cell.trim()) }))
    .filter((row) => row.cells.some((cell) => cell !== ""));
  const [header, ...body] = rows;
  if (!header) throw refuse("the file is empty");
  const width = rows.reduce((most, row) => Math.max(most, row.cells.length), 0);
  if (width > IMPORT_LIMITS.columns)
    throw refuse(`the file has ${width} columns; the most it can have is ${IMPORT_LIMITS.columns}`);
  const last = body.at(-1);
  if (!last) throw refuse("the file has a header row but no actions");
  const span = last.line - header.line;
  if (span > IMPORT_LIMITS.rows)
    throw refuse(`the file has ${span} rows; the most it can have is ${IMPORT_LIMITS.rows}`);
  if (body.some((row) => row.cells.some((cell) => cell.length > IMPORT_LIMITS.cellCharacters)))
    throw refuse(`a cell has more than ${IMPORT_LIMITS.cellCharacters} characters`);
  const pad = (cells: string[]) => [...cells, ...Array<string>(Math.max(0, width - cells.length)).fill("")];
  const byLine = new Map(body.map((row) => [row.line, row.cells]));
  // The database cannot store U+0000 in text.
  for (const row of body) {
    const column = row.cells.findIndex((cell) => cell.includes("\u0000"));
    if (column >= 0)
      throw new ImportRejected(
        fileName,
        `column ${column + 1} contains a NUL character (byte 0), which cannot be stored: remove it and try again`,
        row.line,
      );
  }
  return {
    headers: pad(header.cells).map((cell, index) => cell || `Column ${index + 1}`),
    // Blank rows in the middle are kept so row numbers match the spreadsheet; validation skips them.
    rows: Array.from({ length: span }, (_, index) => pad(byLine.get(header.line + 1 + index) ?? [])),
    firstRow: header.line + 1,
  };
}

/** Reads the first sheet of an XLSX file, or a CSV file, into header and rows of text. Throws ImportRejected. */
export async function parseUpload(fileName: string, buffer: Buffer): Promise<ParsedSheet> {
  const source = sourceFromBytes(fileName, buffer, IMPORT_LIMITS.bytes);
  const lower = fileName.toLowerCase();
  if (buffer.length === 0) throw new ImportRejected(fileName, "the selected file is empty");
  if (!lower.endsWith(".csv") && !lower.endsWith(".xlsx"))
    throw new ImportRejected(fileName, "the selected file must be a CSV or an Excel .xlsx file");
  if (lower.endsWith(".xlsx") && !isWorkbook(source))
    throw new ImportRejected(fileName, "the file is not a real Excel .xlsx file");
  return tidy(fileName, await readTable(source));
}
