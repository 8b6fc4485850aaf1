import { timeSlicer } from "../../kernel/db/arrays.ts";
import type { CsvRow } from "./source-file.ts";

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * Where the reader puts what it finds: each cell (text[start, end), or its unquoted `value`),
 * then the end of each record. Two kinds: rows of strings (EagerRows), or offsets into the
 * text with each cell cut when read (LazyRows).
 */
interface Sink {
  cell(start: number, end: number, value: string | null): void;
  /** Ends the record that started on `line`; returns the number of records so far. */
  row(line: number): number;
}

/**
 * A strict reader for well-formed CSV (RFC 4180: commas, double quotes doubled inside quoted
 * fields, \n or \r\n line ends), several times faster than csv-parse on the 5 MB IoD file.
 * It gives exactly what readCsv's csv-parse options give (BOM dropped, empty lines skipped,
 * ragged rows kept, each record's line number as csv-parse counts it) and returns null at
 * the first thing it does not handle — a stray quote, a bare \r, an unterminated quoted
 * field — so the caller falls back to csv-parse, which also words the error.
 * `lazy`: rows that keep offsets and cut their cells from the text when read (`LazyCsvRow`).
 */
export async function parseCsvFast(text: string, options: { lazy?: boolean } = {}): Promise<CsvRow[] | null> {
  const sink = options.lazy ? new LazyRows(text) : new EagerRows(text);
  return (await scan(text, sink)) ? sink.rows() : null;
}

async function scan(text: string, sink: Sink): Promise<boolean> {
  const slice = timeSlicer();
  // csv-parse takes the first line end it meets as the record delimiter for the whole file, so
  // only uniform files are read here: \n throughout, or \r\n throughout (then no line end
  // inside a quoted field, where its line count differs).
  const crlf = text.includes("\r");
  if (crlf && /\r(?!\n)|(?<!\r)\n/.test(text)) return false;
  const length = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let count = 0;
  while (i < length) {
    // Start of a field.
    let c = text.charCodeAt(i);
    if (count === 0 && (c === LF || c === CR)) {
      // An empty line: skipped, but counted.
      if (c === CR) {
        if (text.charCodeAt(i + 1) !== LF) return false;
        i++;
      }
      i++;
      line++;
      continue;
    }
    if (c === QUOTE) {
      let start = i + 1;
      let parts = "";
      let value: string;
      for (;;) {
        const close = text.indexOf('"', start);
        if (close < 0) return false;
        const chunk = text.slice(start, close);
        for (let k = chunk.indexOf("\n"); k >= 0; k = chunk.indexOf("\n", k + 1)) line++;
        if (text.charCodeAt(close + 1) === QUOTE) {
          parts += `${chunk}"`;
          start = close + 2;
          continue;
        }
        value = parts + chunk;
        i = close + 1;
        break;
      }
      if (crlf && value.includes("\n")) return false;
      sink.cell(i, i, value);
    } else {
      let end = i;
      while (end < length) {
        c = text.charCodeAt(end);
        if (c === COMMA || c === LF || c === CR) break;
        if (c === QUOTE) return false;
        end++;
      }
      sink.cell(i, end, null);
      i = end;
    }
    count++;
    // After a field: a comma, a line end, or the end of the text.
    if (i >= length) break;
    c = text.charCodeAt(i);
    if (c === COMMA) {
      i++;
      if (i >= length) {
        sink.cell(i, i, null);
        count++;
        break;
      }
      continue;
    }
    if (c === CR) {
      if (text.charCodeAt(i + 1) !== LF) return false;
      i++;
      c = LF;
    }
    if (c !== LF) return false;
    i++;
    const rows = sink.row(line);
    count = 0;
    line++;
    if ((rows & 255) === 0) await slice();
  }
  if (count > 0) sink.row(line);
  return true;
}

/** Rows of strings, each kept for the life of the rows. */
class EagerRows implements Sink {
  private readonly out: CsvRow[] = [];
  // A row's fields are gathered in one array reused for every row and copied out at its exact
  // length: no growth garbage, no spare slots kept for the life of the import.
  private readonly cells: string[] = [];
  private count = 0;
  private readonly shared = new ColumnStrings();

  constructor(private readonly text: string) {}

  cell(start: number, end: number, value: string | null): void {
    this.cells[this.count] = this.shared.of(this.count, value ?? this.text.slice(start, end));
    this.count++;
  }

  row(line: number): number {
    this.out.push({ cells: this.cells.slice(0, this.count), line });
    this.count = 0;
    if ((this.out.length & 255) === 0) this.shared.review(this.out.length);
    return this.out.length;
  }

  rows(): CsvRow[] {
    return this.out;
  }
}

/**
 * Rows that hold where their cells are in the text (two numbers per cell, in typed arrays) and
 * cut the strings when read: a file's rows live for the whole import, and rows of strings were
 * a million objects in the IoD indicators file, copied by every young-generation collection
 * while the file was read and marked by every full one after, each a pause of the serving
 * thread. Strings cut here are read and dropped.
 */
class LazyRows implements Sink {
  private starts = new Int32Array(1 << 16);
  private ends = new Int32Array(1 << 16);
  private cellCount = 0;
  /** Unquoted values of quoted cells, by cell number (headers, names with commas: few). */
  private readonly quoted = new Map<number, string>();
  private firstCells: number[] = [0];
  private lines: number[] = [];

  constructor(private readonly text: string) {}

  cell(start: number, end: number, value: string | null): void {
    if (this.cellCount === this.starts.length) {
      const grown = (from: Int32Array) => {
        const to = new Int32Array(from.length * 2);
        to.set(from);
        return to;
      };
      this.starts = grown(this.starts);
      this.ends = grown(this.ends);
    }
    if (value !== null) this.quoted.set(this.cellCount, value);
    this.starts[this.cellCount] = start;
    this.ends[this.cellCount] = end;
    this.cellCount++;
  }

  row(line: number): number {
    this.firstCells.push(this.cellCount);
    this.lines.push(line);
    return this.lines.length;
  }

  rows(): CsvRow[] {
    const cells = new CsvCells(this.text, this.starts, this.ends, Int32Array.from(this.firstCells), this.quoted);
    const out = new Array<CsvRow>(this.lines.length);
    for (let r = 0; r < out.length; r++) out[r] = new LazyCsvRow(cells, r, this.lines[r]!);
    return out;
  }
}

/** The cells of a lazily read file; the last row read is kept (its cells are usually read one after another). */
class CsvCells {
  private lastRow = -1;
  private lastCells: string[] = [];

  constructor(
    private readonly text: string,
    private readonly starts: Int32Array,
    private readonly ends: Int32Array,
    private readonly firstCells: Int32Array,
    private readonly quoted: ReadonlyMap<number, string>,
  ) {}

  count(row: number): number {
    return this.firstCells[row + 1]! - this.firstCells[row]!;
  }

  cell(row: number, column: number): string | undefined {
    if (row === this.lastRow) return this.lastCells[column];
    if (column < 0 || column >= this.count(row)) return undefined;
    const at = this.firstCells[row]! + column;
    return this.quoted.get(at) ?? this.text.slice(this.starts[at]!, this.ends[at]!);
  }

  cells(row: number): string[] {
    if (row === this.lastRow) return this.lastCells;
    const first = this.firstCells[row]!;
    const out = new Array<string>(this.count(row));
    for (let k = 0; k < out.length; k++)
      out[k] = this.quoted.get(first + k) ?? this.text.slice(this.starts[first + k]!, this.ends[first + k]!);
    this.lastRow = row;
    this.lastCells = out;
    return out;
  }
}

/** A row read lazily: `cells` cuts its strings (the same array while it is the last row read); `cell(k)` one of them. */
export class LazyCsvRow implements CsvRow {
  constructor(
    private readonly source: CsvCells,
    private readonly index: number,
    readonly line: number,
  ) {}

  get cells(): string[] {
    return this.source.cells(this.index);
  }

  get length(): number {
    return this.source.count(this.index);
  }

  cell(column: number): string | undefined {
    return this.source.cell(this.index, column);
  }
}

/** Cell `column` of a row, without cutting the rest of a lazily read row. */
export function cellOf(row: CsvRow, column: number): string | undefined {
  return row instanceof LazyCsvRow ? row.cell(column) : row.cells[column];
}

/** A row's number of cells. */
export function cellCountOf(row: CsvRow): number {
  return row instanceof LazyCsvRow ? row.length : row.cells.length;
}

/** Columns are shared (interned) until they prove mostly distinct: this many rows decide it. */
const TRIAL_ROWS = 1024;

/**
 * One string per distinct value of a column that repeats (a lookup's ward, authority and
 * region codes and names; a file's period or area type), instead of one per cell. The rows
 * of a file live for the whole import, and every string among them is an object the garbage
 * collector copies and marks: a national LSOA lookup's 210,000 cells hold about 85,000
 * distinct values. Columns mostly distinct after TRIAL_ROWS rows (codes, scores) stop being
 * looked up. Strings are values, so nothing a reader sees changes.
 */
class ColumnStrings {
  private readonly columns: (Map<string, string> | null)[] = [];

  of(column: number, value: string): string {
    let seen = this.columns[column];
    if (seen === null) return value;
    if (seen === undefined) {
      seen = new Map();
      this.columns[column] = seen;
    }
    const known = seen.get(value);
    if (known !== undefined) return known;
    seen.set(value, value);
    return value;
  }

  /** After `rows` rows (from TRIAL_ROWS on): a column with more distinct values than half its rows keeps its own strings. */
  review(rows: number): void {
    if (rows < TRIAL_ROWS) return;
    for (let c = 0; c < this.columns.length; c++) {
      const seen = this.columns[c];
      if (seen && seen.size > rows / 2) this.columns[c] = null;
    }
  }
}
