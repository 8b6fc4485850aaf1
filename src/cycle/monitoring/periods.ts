/**
 * Reporting periods are quarters of the UK financial year (April to March), written
 * "2025/26 Q1" (April–June 2025) … "2025/26 Q4" (January–March 2026).
 */
export interface Period {
  startYear: number;
  quarter: 1 | 2 | 3 | 4;
}

const PATTERN = /^(\d{4})\/(\d{2}) Q([1-4])$/;

export function financialYearLabel(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, "0")}`;
}

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

/** The financial year's start year for a date: 1 April 2025 – 31 March 2026 gives 2025. */
export function financialYearOf(date: Date): number {
  const month = date.getUTCMonth();
  return month >= 3 ? date.getUTCFullYear() : date.getUTCFullYear() - 1;
}

export function periodOf(date: Date): Period {
  const monthInYear = (date.getUTCMonth() + 9) % 12; // April = 0
  return { startYear: financialYearOf(date), quarter: (Math.floor(monthInYear / 3) + 1) as Period["quarter"] };
}

export function shiftPeriod(period: Period, quarters: number): Period {
  const index = period.startYear * 4 + (period.quarter - 1) + quarters;
  return { startYear: Math.floor(index / 4), quarter: ((index % 4) + 1) as Period["quarter"] };
}

/** The last day of the period as an ISO date. */
export function periodEnd(period: Period): string {
  const endMonth = 3 + period.quarter * 3; // months from January of startYear, exclusive
  const end = new Date(Date.UTC(period.startYear, endMonth, 0));
  return end.toISOString().slice(0, 10);
}

export function periodStart(period: Period): string {
  return new Date(Date.UTC(period.startYear, 3 + (period.quarter - 1) * 3, 1)).toISOString().slice(0, 10);
}

/** Periods to offer on the update form: the last four quarters, this one and the next. */
export function selectablePeriods(today: Date): string[] {
  const current = periodOf(today);
  return [-4, -3, -2, -1, 0, 1].map((offset) => formatPeriod(shiftPeriod(current, offset)));
}

/** Sort key so "2025/26 Q4" comes before "2026/27 Q1". */
export function periodKey(text: string): number {
  const period = parsePeriod(text);
  return period ? period.startYear * 4 + period.quarter : 0;
}
