import type { Executor } from "../../kernel/db/database.ts";
import { findIndicator } from "../indicators/index.ts";
import type { IssueList } from "./report.ts";

interface Found {
  row: number;
  column: string;
  value: number;
}

/**
 * Counts are never negative: a count indicator's values (judged by the unit the catalogue
 * already has, else the file's), and any value's numerator or denominator. Values are noted
 * as rows are read and judged once the indicators' units are known, each error with row and column.
 */
export class NegativeCounts {
  private readonly found = new Map<string, Found[]>();

  constructor(private readonly issues: IssueList) {}

  /** A value of `slug`, refused by check() if the indicator counts things. */
  value(slug: string, value: number | null, row: number, column: string): void {
    if (value === null || value >= 0) return;
    const list = this.found.get(slug);
    if (list) list.push({ row, column, value });
    else this.found.set(slug, [{ row, column, value }]);
  }

  /** A numerator or denominator: a count whatever the indicator. False (and an error) when negative. */
  part(value: number | null, row: number, column: string): boolean {
    if (value === null || value >= 0) return true;
    this.issues.error(`${value} is negative; a numerator or denominator counts people or households`, row, column);
    return false;
  }

  /** Reports the noted values of count indicators; `units` gives each slug's unit from the file. */
  async check(db: Executor, units: ReadonlyMap<string, string>): Promise<void> {
    for (const [slug, list] of this.found) {
      const unit = (await findIndicator(db, slug))?.unit ?? units.get(slug);
      if (unit !== "count") continue;
      for (const { row, column, value } of list)
        this.issues.error(`${value} is negative; "${slug}" is a count, which cannot be below 0`, row, column);
    }
  }
}
