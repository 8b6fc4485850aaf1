import { readSheet } from "read-excel-file/node";
import { ImportRejected } from "./report.ts";
import { type CsvRow, type Encoding, NUL_MESSAGE, readCsv, type SourceFile } from "./source-file.ts";

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export function isXlsx(file: SourceFile): boolean {
  return file.bytes.subarray(0, 4).equals(ZIP_MAGIC);
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

/**
 * CSV, or the first (or named) sheet of an XLSX workbook read with read-excel-file. Numbers
 * are kept as the workbook's text so they go through the same cell rules as CSV.
 */
export async function readTable(
  file: SourceFile,
  options: { encoding?: Encoding; sheet?: string | undefined } = {},
): Promise<CsvRow[]> {
  if (!isXlsx(file)) return readCsv(file, options.encoding);
  let rows: CsvRow[];
  try {
    const sheet = options.sheet === undefined ? 1 : /^\d+$/.test(options.sheet) ? Number(options.sheet) : options.sheet;
    const data = await readSheet(file.bytes, sheet, { parseNumber: (text: string) => text });
    rows = data
      .map((row, index) => ({ cells: row.map(cellText), line: index + 1 }))
      .filter((row) => row.cells.some((cell) => cell.trim() !== ""));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ImportRejected(
      file.name,
      `the workbook could not be read (${message}); save it as .xlsx, or as CSV UTF-8`,
    );
  }
  // A cell written as _x0000_ comes back as a NUL, which the database cannot store.
  for (const row of rows) {
    const column = row.cells.findIndex((cell) => cell.includes("\u0000"));
    if (column >= 0)
      throw new ImportRejected(file.name, `column ${column + 1} ${NUL_MESSAGE.replace(/^the file /, "")}`, row.line);
  }
  return rows;
}
