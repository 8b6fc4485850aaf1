import { ImportRejected } from "./report.ts";
import { type CsvRow, type Encoding, NUL_MESSAGE, readCsv, type SourceFile } from "./source-file.ts";
import { isCompoundFile, isOldBiff } from "./xls-records.ts";
import { readXlsx } from "./xlsx-reader.ts";

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** An Excel workbook: .xlsx (a zip archive) or Excel 97-2003 .xls (an OLE compound file). */
export function isWorkbook(file: SourceFile): boolean {
  return file.bytes.subarray(0, 4).equals(ZIP_MAGIC) || isCompoundFile(file.bytes);
}

/**
 * CSV, or the first (or named) sheet of a workbook, .xlsx or .xls (xlsx-reader.ts: guarded
 * against zip bombs and damaged records, read off the event loop). Numbers are kept as the workbook's text so they go through
 * the same cell rules as CSV. Empty rows are left out; each row keeps its line (sheet row).
 */
export async function readTable(
  file: SourceFile,
  options: { encoding?: Encoding; sheet?: string | undefined } = {},
): Promise<CsvRow[]> {
  if (isOldBiff(file.bytes))
    throw new ImportRejected(
      file.name,
      "the file is an Excel 4.0 or older workbook, which is not read here: open it in a spreadsheet program, save it as an Excel Workbook (.xlsx) or CSV UTF-8, and upload that",
    );
  if (!isWorkbook(file)) return readCsv(file, options.encoding);
  const sheet = options.sheet === undefined ? 1 : /^\d+$/.test(options.sheet) ? Number(options.sheet) : options.sheet;
  const rows = await readXlsx(file, sheet);
  const read = rows
    .map((cells, index) => ({ cells, line: index + 1 }))
    .filter((row) => row.cells.some((cell) => cell.trim() !== ""));
  // A cell written as _x0000_ comes back as a NUL, which the database cannot store.
  for (const row of read) {
    const column = row.cells.findIndex((cell) => cell.includes("\u0000"));
    if (column >= 0)
      throw new ImportRejected(file.name, `column ${column + 1} ${NUL_MESSAGE.replace(/^the file /, "")}`, row.line);
  }
  return read;
}
