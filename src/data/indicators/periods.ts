/**
 * Period codes: "2021/22" financial year, "2021" calendar year, "2021 Q1" quarter,
 * "2021-03" month, "2019-2021" range. Each gets start and end dates and a sort key.
 */
import { financialYearLabel, formatMonth } from "../../kernel/time.ts";

export type PeriodKind = "financial-year" | "calendar-year" | "quarter" | "month" | "range";

export interface ParsedPeriod {
  code: string;
  kind: PeriodKind;
  label: string;
  startDate: string;
  endDate: string;
  sortKey: number;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function build(
  code: string,
  kind: PeriodKind,
  label: string,
  start: [number, number],
  end: [number, number],
): ParsedPeriod {
  const startDate = iso(start[0], start[1], 1);
  const endDate = iso(end[0], end[1], lastDay(end[0], end[1]));
  const days = Math.round(Date.UTC(start[0], start[1] - 1, 1) / 86_400_000);
  const length = (end[0] - start[0]) * 12 + (end[1] - start[1]) + 1;
  // Start date first; for periods starting the same day the shorter sorts first.
  return { code, kind, label, startDate, endDate, sortKey: days * 1000 + Math.min(length, 999) };
}

/**
 * Years a statistic's period may fall in. Outside them a code is no period: "8234" made a sort
 * key past the column's integer range and crashed the import's write (found by the import fuzz test).
 */
export const PERIOD_YEARS = { first: 1800, last: 2199 } as const;

export function parsePeriod(input: string): ParsedPeriod | null {
  const period = parsePeriodText(input);
  if (!period) return null;
  const [start, end] = [Number.parseInt(period.startDate, 10), Number.parseInt(period.endDate, 10)];
  return start >= PERIOD_YEARS.first && end <= PERIOD_YEARS.last ? period : null;
}

function parsePeriodText(input: string): ParsedPeriod | null {
  const text = input.trim().replace(/\s+/g, " ");
  let m = /^(\d{4}) ?[/-] ?(\d{2}|\d{4})$/.exec(text);
  if (m) {
    const start = Number(m[1]);
    const second = m[2]!.length === 2 ? Math.floor(start / 100) * 100 + Number(m[2]) : Number(m[2]);
    const end = second < start ? second + 100 : second;
    if (end === start + 1) {
      const code = financialYearLabel(start);
      return build(code, "financial-year", code, [start, 4], [end, 3]);
    }
    if (m[2]!.length === 4 && end > start)
      return build(`${start}-${end}`, "range", `${start} to ${end}`, [start, 1], [end, 12]);
  }
  m = /^(\d{4}) to (\d{4})$/i.exec(text);
  if (m && Number(m[2]) > Number(m[1]))
    return build(`${m[1]}-${m[2]}`, "range", `${m[1]} to ${m[2]}`, [Number(m[1]), 1], [Number(m[2]), 12]);
  m = /^(\d{4})$/.exec(text);
  if (m) return build(m[1]!, "calendar-year", m[1]!, [Number(m[1]), 1], [Number(m[1]), 12]);
  m = /^(\d{4}) ?-? ?Q([1-4])$/i.exec(text);
  if (m) return quarter(Number(m[1]), Number(m[2]));
  m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return month(Number(m[1]), Number(m[2]));
  // Stat-Xplore and Nomis month labels: "June 2023", "Jun 2023", "Jun-23", "Jun-2023", "2023 June", "202306".
  m = /^([a-z]{3})[a-z]*[ -](\d{2}|\d{4})$/i.exec(text);
  if (m) {
    const index = MONTHS.indexOf(m[1]!.toLowerCase());
    if (index >= 0) return month(fullYear(m[2]!), index + 1);
  }
  m = /^(\d{4}) ([a-z]{3})[a-z]*$/i.exec(text);
  if (m) {
    const index = MONTHS.indexOf(m[2]!.toLowerCase());
    if (index >= 0) return month(Number(m[1]), index + 1);
  }
  m = /^(\d{4})(\d{2})$/.exec(text);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[1]) >= 1900) return month(Number(m[1]), Number(m[2]));
  // Quarters: "Q1 2023", "Jan-Mar 2023", "Jan to Mar 2023", "Quarter ending March 2023".
  m = /^Q([1-4]) ?-? ?(\d{4})$/i.exec(text);
  if (m) return quarter(Number(m[2]), Number(m[1]));
  m = /^([a-z]{3})[a-z]* ?(?:-|to) ?([a-z]{3})[a-z]* (\d{4})$/i.exec(text);
  if (m) {
    const first = MONTHS.indexOf(m[1]!.toLowerCase());
    const last = MONTHS.indexOf(m[2]!.toLowerCase());
    if (first >= 0 && last === first + 2 && first % 3 === 0) return quarter(Number(m[3]), first / 3 + 1);
  }
  m = /^quarter end(?:ing|ed)? ([a-z]{3})[a-z]* (\d{4})$/i.exec(text);
  if (m) {
    const last = MONTHS.indexOf(m[1]!.toLowerCase());
    if (last >= 0 && last % 3 === 2) return quarter(Number(m[2]), (last + 1) / 3);
  }
  return null;
}

function fullYear(digits: string): number {
  return digits.length === 4 ? Number(digits) : 2000 + Number(digits);
}

function quarter(year: number, q: number): ParsedPeriod {
  return build(`${year} Q${q}`, "quarter", `${year} Q${q}`, [year, q * 3 - 2], [year, q * 3]);
}

function month(year: number, monthNumber: number): ParsedPeriod {
  const code = `${year}-${String(monthNumber).padStart(2, "0")}`;
  return build(code, "month", formatMonth(year, monthNumber), [year, monthNumber], [year, monthNumber]);
}

/** The year a period "belongs to" for geography validity (financial years: their first year). */
export function periodYear(period: ParsedPeriod): number {
  return Number(period.endDate.slice(0, 4)) - (period.kind === "financial-year" ? 1 : 0);
}
