import type { IssueList } from "./report.ts";
import { cellCountOf, cellOf } from "./fast-csv.ts";
import type { CsvRow } from "./source-file.ts";

export function normaliseHeader(text: string): string {
  return text
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/\s+/g, " ");
}

/** A CSV with a header row: columns found by name (case- and space-insensitive). */
export class CsvTable {
  readonly header: string[];
  readonly rows: CsvRow[];
  readonly headerLine: number;
  private readonly index = new Map<string, number>();

  constructor(all: CsvRow[], headerRow = 0) {
    const head = all[headerRow];
    this.header = head ? head.cells.map((cell) => cell.trim()) : [];
    this.headerLine = head?.line ?? 1;
    this.rows = all.slice(headerRow + 1);
    this.header.forEach((name, i) => {
      const key = normaliseHeader(name);
      if (!this.index.has(key)) this.index.set(key, i);
    });
  }

  column(name: string): number | undefined {
    return this.index.get(normaliseHeader(name));
  }

  has(name: string): boolean {
    return this.column(name) !== undefined;
  }

  /** Index of each required column; reports the missing ones. */
  require(names: readonly string[], issues: IssueList): Map<string, number> | null {
    const found = new Map<string, number>();
    const missing: string[] = [];
    for (const name of names) {
      const index = this.column(name);
      if (index === undefined) missing.push(name);
      else found.set(name, index);
    }
    if (missing.length > 0) {
      issues.error(
        `missing column${missing.length > 1 ? "s" : ""} ${missing.map((m) => `"${m}"`).join(", ")}; the header row has: ${this.header.slice(0, 12).join(", ")}${this.header.length > 12 ? ", …" : ""}`,
        this.headerLine,
      );
      return null;
    }
    return found;
  }

  /** Rows shorter than the header (a truncated file, a broken line) are errors. */
  checkRowLengths(issues: IssueList, minimum = this.header.length): void {
    for (const row of this.rows) {
      const count = cellCountOf(row);
      if (count < minimum) {
        issues.error(`has ${count} columns, the header has ${this.header.length} (is the file truncated?)`, row.line);
      } else if (count > this.header.length && row.cells.slice(this.header.length).some((cell) => cell.trim() !== "")) {
        issues.error(`has ${row.cells.length} columns, the header has ${this.header.length}`, row.line);
      }
    }
  }

  /** Row n's cell in a column (a lazily read row cuts only that cell). */
  cell(n: number, column: number): string | undefined {
    return cellOf(this.rows[n]!, column);
  }

  preview(count = 10): { columns: string[]; rows: string[][] } {
    return { columns: this.header, rows: this.rows.slice(0, count).map((row) => row.cells) };
  }
}
