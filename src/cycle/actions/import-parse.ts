import { parse } from "csv-parse/sync";
import type { CellValue } from "exceljs";

export const IMPORT_LIMITS = { bytes: 5 * 1024 * 1024, rows: 2000, columns: 60, cellCharacters: 10_000 };

export class ImportFileError extends Error {}

export interface ParsedSheet {
  headers: string[];
  rows: string[][];
  /** Spreadsheet row number of rows[0]. */
  firstRow: number;
}

function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("result" in value) return cellText(value.result as CellValue);
    if ("error" in value) return "";
    return "";
  }
  return String(value);
}

function tidy(table: string[][]): ParsedSheet {
  const rows = table.map((row) => row.map((cell) => cell.trim()));
  while (rows.length && rows[rows.length - 1]!.every((cell) => cell === "")) rows.pop();
  const headerIndex = rows.findIndex((row) => row.some((cell) => cell !== ""));
  if (headerIndex < 0) throw new ImportFileError("The file is empty");
  const headers = rows[headerIndex]!;
  const width = Math.max(...rows.map((row) => row.length));
  if (width > IMPORT_LIMITS.columns)
    throw new ImportFileError(`The file has ${width} columns; the most it can have is ${IMPORT_LIMITS.columns}`);
  const body = rows.slice(headerIndex + 1);
  if (body.length === 0) throw new ImportFileError("The file has a header row but no actions");
  if (body.length > IMPORT_LIMITS.rows)
    throw new ImportFileError(`The file has ${body.length} rows; the most it can have is ${IMPORT_LIMITS.rows}`);
  if (body.some((row) => row.some((cell) => cell.length > IMPORT_LIMITS.cellCharacters))) {
    throw new ImportFileError(`A cell has more than ${IMPORT_LIMITS.cellCharacters} characters`);
  }
  // The database cannot store U+0000 in text.
  for (const [index, row] of rows.entries()) {
    const column = row.findIndex((cell) => cell.includes("\u0000"));
    if (column >= 0)
      throw new ImportFileError(
        `Row ${index + 1}, column ${column + 1} contains a NUL character (byte 0), which cannot be stored: remove it and try again`,
      );
  }
  const pad = (row: string[]) => [...row, ...Array(Math.max(0, width - row.length)).fill("")];
  // Blank rows in the middle are kept so row numbers match the spreadsheet; validation skips them.
  return {
    headers: pad(headers).map((header, index) => header || `Column ${index + 1}`),
    rows: body.map(pad),
    firstRow: headerIndex + 2,
  };
}

function parseCsv(buffer: Buffer): ParsedSheet {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(buffer);
  } catch {
    throw new ImportFileError("The CSV file is not UTF-8 text. Save it as “CSV UTF-8” and try again");
  }
  try {
    const records = parse(text.replace(/^\uFEFF/, ""), {
      relax_column_count: true,
      skip_empty_lines: false,
      bom: true,
    }) as string[][];
    return tidy(records);
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    const line = (error as { lines?: number }).lines;
    throw new ImportFileError(
      `The CSV file could not be read${line ? ` (near line ${line})` : ""}: check quotes and separators`,
    );
  }
}

async function parseXlsx(buffer: Buffer): Promise<ParsedSheet> {
  // Loaded on first use: exceljs is large and most requests never need it.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new ImportFileError("The Excel file could not be read. Save it as .xlsx and try again");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ImportFileError("The Excel file has no worksheets");
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    if (rowNumber > IMPORT_LIMITS.rows + 50) return;
    const values: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      values[column - 1] = cellText(cell.value);
    });
    table[rowNumber - 1] = Array.from(values, (value) => value ?? "");
  });
  return tidy(Array.from(table, (row) => row ?? []));
}

/** Reads the first sheet of an XLSX file, or a CSV file, into header and rows of text. */
export async function parseUpload(fileName: string, buffer: Buffer): Promise<ParsedSheet> {
  const lower = fileName.toLowerCase();
  if (buffer.length === 0) throw new ImportFileError("The selected file is empty");
  if (lower.endsWith(".csv")) return parseCsv(buffer);
  if (lower.endsWith(".xlsx")) {
    if (buffer.subarray(0, 2).toString("latin1") !== "PK")
      throw new ImportFileError("The file is not a real Excel .xlsx file");
    return parseXlsx(buffer);
  }
  throw new ImportFileError("The selected file must be a CSV or an Excel .xlsx file");
}
