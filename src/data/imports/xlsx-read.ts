/**
 * Reads one sheet of a workbook to rows of cell text: an XLSX by the zip guard first, then
 * read-excel-file; an Excel 97-2003 .xls by xls-read.ts. Runs in the workbook worker thread
 * (xlsx-reader.ts), never on the event loop.
 */
import { readSheet } from "read-excel-file/node";
import { utcCalendarDate } from "../../kernel/time.ts";
import { readXlsInProcess, refuseLargeSheet } from "./xls-read.ts";
import { isCompoundFile } from "./xls-records.ts";
import { archiveEnd, checkZip, XLSX_LIMITS, type ZipLimits } from "./zip-guard.ts";

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  // Date cells hold a calendar day (Excel stores no time zone): read as that day.
  if (value instanceof Date) return utcCalendarDate(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

/**
 * Rows of cell text, index = sheet row - 1. Numbers keep the workbook's own text, so they go
 * through the same cell rules as CSV. Throws ZipRefused for a bomb or a damaged archive.
 */
export async function readXlsxInProcess(
  bytes: Uint8Array,
  sheet: string | number = 1,
  limits: ZipLimits = XLSX_LIMITS,
): Promise<string[][]> {
  if (isCompoundFile(bytes)) return readXlsInProcess(bytes, sheet);
  checkZip(bytes, limits);
  const data = await readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, archiveEnd(bytes)), sheet, {
    parseNumber: (text: string) => text,
  });
  const rows = data.map((row) => row.map(cellText));
  checkSheetSize(rows);
  return rows;
}

/**
 * The zip guard bounds the unpacked XML, not the text it stands for: a cell refers to a shared
 * string by number, so a few kilobytes of sheet can repeat one long string millions of times.
 * Each repeat is one reference here, but a copy once the rows are sent to the app's thread, so
 * the sheet is held to the .xls reader's limits (cells and characters) before anything is sent.
 */
function checkSheetSize(rows: string[][]): void {
  let cells = 0;
  let chars = 0;
  for (const row of rows) {
    cells += row.length;
    for (const text of row) chars += text.length;
  }
  refuseLargeSheet(cells, chars);
}
