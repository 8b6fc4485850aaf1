/**
 * Reads one sheet of an Excel 97-2003 workbook (.xls: BIFF8 records in an OLE compound file,
 * as NISRA publishes NIMDM 2017) to rows of cell text, the way xlsx-read.ts reads an .xlsx: the
 * same sheet numbering (every sheet in the workbook's order, from 1), rows from sheet row 1,
 * empty rows and columns at the end dropped, numbers as their shortest exact text, date cells as
 * their calendar day. Not SheetJS (its npm release has open advisories for crafted files): `cfb`
 * opens the container and the records are read here, every read bounds-checked and the sheet
 * capped. Runs in the workbook worker (xlsx-reader.ts), never on the event loop.
 */
import { utcCalendarDate } from "../../kernel/time.ts";
import { CONTINUE, ContinuedReader, Cursor, damaged, records, shortString } from "./xls-records.ts";
import { checkBof, type Globals, R, readGlobals, type Sheet, workbookStream } from "./xls-workbook.ts";
import { ZipRefused } from "./zip-guard.ts";

/**
 * Cells a sheet may span (its used rectangle; the largest official tables have well under a
 * million), and characters of text in all its cells: cells share strings by reference, so a
 * small file could otherwise repeat a long string into gigabytes of rows.
 */
export const XLS_LIMITS = { maxCells: 5_000_000, maxChars: 200_000_000 };

/** Refuses a sheet over XLS_LIMITS (the .xls and .xlsx readers both hold sheets to them). */
export function refuseLargeSheet(cells: number, chars: number): void {
  if (cells > XLS_LIMITS.maxCells)
    throw new ZipRefused(
      "limit",
      `the sheet spans more than ${XLS_LIMITS.maxCells.toLocaleString("en-GB")} cells, more than a workbook may have here: save the sheet as CSV UTF-8`,
    );
  if (chars > XLS_LIMITS.maxChars)
    throw new ZipRefused(
      "limit",
      `the sheet holds more than ${XLS_LIMITS.maxChars.toLocaleString("en-GB")} characters of text, more than a workbook may have here: save the sheet as CSV UTF-8`,
    );
}

/** Records that may come between a FORMULA and the STRING holding its text result. */
const FORMULA_PARTS = new Set([0x04bc, 0x0221, 0x0236]);

const ERRORS: Record<number, string> = {
  0: "#NULL!",
  7: "#DIV/0!",
  15: "#VALUE!",
  23: "#REF!",
  29: "#NAME?",
  36: "#NUM!",
  42: "#N/A",
};

/** An RK number: 30 bits of integer or of the top of a double, possibly × 1/100 ([MS-XLS] 2.5.217). */
function rkNumber(rk: number): number {
  const hundredths = (rk & 0x01) !== 0;
  let value: number;
  if (rk & 0x02) value = rk >> 2;
  else {
    const bytes = Buffer.alloc(8);
    bytes.writeUInt32LE((rk & 0xfffffffc) >>> 0, 4);
    value = bytes.readDoubleLE(0);
  }
  return hundredths ? value / 100 : value;
}

const DAY_MS = 86_400_000;

class Grid {
  private readonly rows: (string[] | undefined)[] = [];
  private width = 0;
  private chars = 0;

  constructor(private readonly globals: Globals) {}

  set(row: number, column: number, text: string): void {
    if (text === "") return;
    this.chars += text.length;
    refuseLargeSheet(Math.max(this.rows.length, row + 1) * Math.max(this.width, column + 1), this.chars);
    const cells = this.rows[row] ?? [];
    this.rows[row] = cells;
    cells[column] = text;
    this.width = Math.max(this.width, column + 1);
  }

  number(row: number, column: number, xf: number, value: number): void {
    // Excel's dates run from 1900 to 9999 (serial 2,958,465); anything else stays a number.
    if (this.globals.dateXf[xf] && value >= 0 && value < 2_958_466) {
      // As read-excel-file does: serial days from 1899-12-30 (1904-01-01 for a 1904 workbook).
      const serial = value + (this.globals.epoch1904 ? 1462 : 0);
      this.set(row, column, utcCalendarDate(new Date(Math.floor((serial - 25569) * DAY_MS))));
    } else this.set(row, column, String(value));
  }

  result(): string[][] {
    const out: string[][] = [];
    for (let r = 0; r < this.rows.length; r++) {
      const cells = this.rows[r] ?? [];
      out.push(Array.from({ length: this.width }, (_, c) => cells[c] ?? ""));
    }
    return out;
  }
}

function readSheetCells(stream: Buffer, globals: Globals, sheet: Sheet): string[][] {
  const grid = new Grid(globals);
  if (sheet.kind !== 0) return [];
  if (sheet.offset >= stream.length) throw damaged(`sheet "${sheet.name}" starts past the end of the workbook`);
  const walk = records(stream, sheet.offset);
  checkBof(walk.next().value || undefined, 0x0010);
  let formulaAt: { row: number; column: number } | null = null;
  let stringParts: Buffer[] | null = null;
  const finishString = () => {
    if (formulaAt && stringParts)
      grid.set(formulaAt.row, formulaAt.column, new ContinuedReader(stringParts, "formula text").string());
    formulaAt = null;
    stringParts = null;
  };
  for (const record of walk) {
    if (record.type === CONTINUE) {
      stringParts?.push(record.data);
      continue;
    }
    if (record.type === R.STRING && formulaAt) {
      stringParts = [record.data];
      continue;
    }
    if (formulaAt && !stringParts && FORMULA_PARTS.has(record.type)) continue;
    finishString();
    if (record.type === R.EOF) return grid.result();
    const cursor = new Cursor(record.data, "cell");
    switch (record.type) {
      case R.LABELSST: {
        const [row, column] = [cursor.u16(), cursor.u16(), cursor.u16()];
        const index = cursor.u32();
        const text = globals.strings[index];
        if (text === undefined)
          throw damaged(`a cell refers to shared string ${index}, which the workbook does not have`);
        grid.set(row, column, text);
        break;
      }
      case R.LABEL:
      case R.RSTRING: {
        const [row, column] = [cursor.u16(), cursor.u16(), cursor.u16()];
        grid.set(row, column, shortString(cursor, 2));
        break;
      }
      case R.NUMBER: {
        const [row, column, xf] = [cursor.u16(), cursor.u16(), cursor.u16()];
        grid.number(row, column, xf, cursor.f64());
        break;
      }
      case R.RK: {
        const [row, column, xf] = [cursor.u16(), cursor.u16(), cursor.u16()];
        grid.number(row, column, xf, rkNumber(cursor.u32()));
        break;
      }
      case R.MULRK: {
        const [row, first] = [cursor.u16(), cursor.u16()];
        const count = Math.floor((cursor.left - 2) / 6);
        for (let i = 0; i < count; i++) {
          const xf = cursor.u16();
          grid.number(row, first + i, xf, rkNumber(cursor.u32()));
        }
        break;
      }
      case R.BOOLERR: {
        const [row, column] = [cursor.u16(), cursor.u16(), cursor.u16()];
        const [value, isError] = [cursor.u8(), cursor.u8()];
        grid.set(row, column, isError ? (ERRORS[value] ?? "#N/A") : value ? "TRUE" : "FALSE");
        break;
      }
      case R.FORMULA: {
        const [row, column, xf] = [cursor.u16(), cursor.u16(), cursor.u16()];
        const value = cursor.bytes(8);
        if (value.readUInt16LE(6) !== 0xffff) grid.number(row, column, xf, value.readDoubleLE(0));
        else if (value[0] === 0x00)
          formulaAt = { row, column }; // the text is in the STRING record next
        else if (value[0] === 0x01) grid.set(row, column, value[2] ? "TRUE" : "FALSE");
        else if (value[0] === 0x02) grid.set(row, column, ERRORS[value[2]!] ?? "#N/A");
        break;
      }
    }
  }
  throw damaged(`sheet "${sheet.name}" has no end (the workbook is truncated)`);
}

/** Rows of cell text of one sheet (a number from 1, or a name). Throws ZipRefused for a bad file. */
export function readXlsInProcess(bytes: Uint8Array, sheet: string | number = 1): string[][] {
  const stream = workbookStream(bytes);
  const globals = readGlobals(stream);
  if (globals.sheets.length === 0) throw damaged("the workbook lists no sheets");
  const chosen = typeof sheet === "number" ? globals.sheets[sheet - 1] : globals.sheets.find((s) => s.name === sheet);
  if (!chosen) {
    // Worded as read-excel-file words it, which the NIMDM importer's fallback to the first sheet expects.
    const names = globals.sheets.map((s) => s.name).join(", ");
    throw new Error(
      typeof sheet === "number"
        ? `Sheet not found: ${sheet}. Sheet count: ${globals.sheets.length}`
        : `Sheet not found: ${sheet}. Available sheets: ${names}`,
    );
  }
  return readSheetCells(stream, globals, chosen);
}
