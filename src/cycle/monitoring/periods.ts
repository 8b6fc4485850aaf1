/**
 * Reporting periods are quarters of the UK financial year (April to March), written
 * "2025/26 Q1" (April–June 2025) … "2025/26 Q4" (January–March 2026).
 */
import { financialYearLabel, financialYearStart, utcCalendarDate } from "../../kernel/time.ts";

export interface Period {
  startYear: number;
  quarter: 1 | 2 | 3 | 4;
}

const PATTERN = /^(\d{4})\/(\d{2}) Q([1-4])$/;

export function formatPeriod(period: Period): string {
  return `${financialYearLabel(period.startYear)} Q${period.quarter}`;
}

export function parsePeriod(text: string): Period | null {
  const match = PATTERN.exec(text.trim());
  if (!match) return null;
  const startYear = Number(match[1]);
  if (Number(match[2]) !== (startYear + 1) % 100) return null;
  return { startYear, quarter: Number(match[3]) as Period["quarter"] };
}

/**
 * The period a day falls in. Pass `londonToday()` for today: a calendar date (YYYY-MM-DD), or a
 * Date read as the UTC calendar day it starts (a Date of "now" would be UTC's day, not the UK's).
 */
export function periodOf(day: string | Date): Period {
  const iso = typeof day === "string" ? day.slice(0, 10) : utcCalendarDate(day);
  const monthInYear = (Number(iso.slice(5, 7)) + 8) % 12; // April = 0
  return { startYear: financialYearStart(iso), quarter: (Math.floor(monthInYear / 3) + 1) as Period["quarter"] };
}

export function shiftPeriod(period: Period, quarters: number): Period {
  const index = period.startYear * 4 + (period.quarter - 1) + quarters;
  return { startYear: Math.floor(index / 4), quarter: ((index % 4) + 1) as Period["quarter"] };
}

/** The last day of the period as an ISO date. */
export function periodEnd(period: Period): string {
  const endMonth = 3 + period.quarter * 3; // months from January of startYear, exclusive
  return utcCalendarDate(new Date(Date.UTC(period.startYear, endMonth, 0)));
}

export function periodStart(period: Period): string {
  return utcCalendarDate(new Date(Date.UTC(period.startYear, 3 + (period.quarter - 1) * 3, 1)));
}

/** Periods to offer on the update form: the last four quarters, this one and the next. */
export function selectablePeriods(today: string | Date): string[] {
  const current = periodOf(today);
  return [-4, -3, -2, -1, 0, 1].map((offset) => formatPeriod(shiftPeriod(current, offset)));
}

/** Sort key so "2025/26 Q4" comes before "2026/27 Q1". */
export function periodKey(text: string): number {
  const period = parsePeriod(text);
  return period ? period.startYear * 4 + period.quarter : 0;
}
