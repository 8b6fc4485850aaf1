import { readSheet } from "read-excel-file/node";
import { ImportRejected } from "./report.ts";
import { type CsvRow, type Encoding, NUL_MESSAGE, readCsv, type SourceFile } from "./source-file.ts";

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export function isXlsx(file: SourceFile): boolean {
  return file.bytes.subarray(0, 4).equals(ZIP_MAGIC);
}

/**
 * A zip must end with its directory record, pointing at a directory just before it. read-excel-file's
 * streaming unzip never settles (the upload hangs) when bytes were added to or cut from a
 * workbook near its end, so a file whose end does not add up is refused before it is read.
 */
export function zipEndProblem(bytes: Buffer): string | null {
  const damaged =
    "the workbook could not be read (its zip directory is missing or does not match the file, as when a download is cut short); save it again as .xlsx, or as CSV UTF-8";
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (bytes.readUInt32LE(at) !== 0x06054b50) continue;
    if (at + 22 + bytes.readUInt16LE(at + 20) !== bytes.length) continue;
    const size = bytes.readUInt32LE(at + 12);
    const offset = bytes.readUInt32LE(at + 16);
    // ZIP64 keeps the real values elsewhere; a workbook that large is past the upload limit anyway.
    if (size === 0xffffffff || offset === 0xffffffff) return null;
    if (offset + size !== at || offset + 4 > bytes.length || bytes.readUInt32LE(offset) !== 0x02014b50) return damaged;
    return null;
  }
  return damaged;
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
  const damaged = zipEndProblem(file.bytes);
  if (damaged) throw new ImportRejected(file.name, damaged);
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
