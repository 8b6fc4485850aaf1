/**
 * Dates, the one way. The service is used in the UK, so "today" and the date of any instant are
 * the calendar date in Europe/London, never in UTC (00:30 BST on 1 April is still 31 March in
 * UTC). Calendar dates travel as ISO strings (YYYY-MM-DD): they compare as strings and have no
 * time zone to get wrong. Intl does the formatting; no date library is needed for this.
 */

export const TIME_ZONE = "Europe/London";

const isoFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});
const longDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const longDateTime = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: TIME_ZONE,
});
const monthYear = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Today's calendar date in the UK as YYYY-MM-DD. */
export function londonToday(now: Date = new Date()): string {
  return isoFormat.format(now);
}

/** The UK calendar date of an instant (a timestamp, or an ISO string with a time). */
export function londonDate(instant: Date | string): string {
  if (typeof instant === "string" && ISO_DATE.test(instant)) return instant;
  return isoFormat.format(typeof instant === "string" ? new Date(instant) : instant);
}

/**
 * The calendar date a Date stands for when it carries no time of day: spreadsheet cells and
 * Date.UTC(...) values are midnight UTC of that date.
 */
export function utcCalendarDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The ISO date of a real calendar day, or null (31 February is not one). */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return utcCalendarDate(date);
}

export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return utcCalendarDate(date);
}

/** A real calendar date from the three GOV.UK date input fields, or null. */
export function isoFromParts(day: string, month: string, year: string): string | null {
  if (!/^\d{1,2}$/.test(day.trim()) || !/^\d{1,2}$/.test(month.trim()) || !/^\d{4}$/.test(year.trim())) return null;
  return isoDate(Number(year), Number(month), Number(day));
}

export function partsFromIso(iso: string | null | undefined): { day: string; month: string; year: string } {
  if (!iso) return { day: "", month: "", year: "" };
  const [year = "", month = "", day = ""] = iso.split("-");
  return { day: String(Number(day)), month: String(Number(month)), year };
}

/**
 * Reads a date typed as 2026-03-31, 31/03/2026, 31-3-2026 or 31.3.2026 (years 1990–2100);
 * checks it exists. Returns an ISO date or null.
 */
export function parseDateText(text: string): string | null {
  const value = text.trim();
  let parts: [number, number, number];
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (match) parts = [Number(match[1]), Number(match[2]), Number(match[3])];
  else {
    match = /^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{4})$/.exec(value);
    if (!match) return null;
    parts = [Number(match[3]), Number(match[2]), Number(match[1])];
  }
  if (parts[0] < 1990 || parts[0] > 2100) return null;
  return isoDate(...parts);
}

function toInstant(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === "string" || typeof value === "number") {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return null;
}

/**
 * "1 April 2026". A calendar date (YYYY-MM-DD) is shown as that day; an instant (Date, or a
 * string or number with a time) as its date in the UK. Anything else gives "".
 */
export function formatDate(value: unknown): string {
  if (typeof value === "string" && ISO_DATE.test(value)) {
    const date = toInstant(`${value}T00:00:00Z`);
    return date ? longDate.format(date) : "";
  }
  const instant = toInstant(value);
  return instant ? longDate.format(new Date(`${londonDate(instant)}T00:00:00Z`)) : "";
}

/** "1 April 2026 at 14:05", UK time. Anything that is not an instant gives "". */
export function formatDateTime(value: unknown): string {
  const instant = toInstant(value);
  return instant ? longDateTime.format(instant) : "";
}

/** "March 2024". */
export function formatMonth(year: number, month: number): string {
  return monthYear.format(new Date(Date.UTC(year, month - 1, 1)));
}

/* UK financial years run 1 April to 31 March and are written "2025/26". */

export function financialYearLabel(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, "0")}`;
}

/** The first year of the financial year a date falls in: 2026-03-31 → 2025, 2026-04-01 → 2026. */
export function financialYearStart(iso: string): number {
  const [year, month] = iso.split("-").map(Number) as [number, number];
  return month >= 4 ? year : year - 1;
}

/** The financial year a date falls in: "2025/26". */
export function financialYearOf(iso: string): string {
  return financialYearLabel(financialYearStart(iso));
}

export function isFinancialYear(value: string): boolean {
  const match = /^(\d{4})\/(\d{2})$/.exec(value);
  return !!match && (Number(match[1]) + 1) % 100 === Number(match[2]);
}

/**
 * The reporting year whose report is due now: the latest financial year that has ended. On
 * 23 November 2026 that is "2025/26"; it becomes "2026/27" on 1 April 2027.
 */
export function currentReportingYear(todayIso: string): string {
  return financialYearLabel(financialYearStart(todayIso) - 1);
}

/**
 * Reporting years to choose from, newest first: the year in progress (a report may be written
 * for it before it ends), the one due now, three before it, and any others records already have.
 */
export function reportingYearChoices(todayIso: string, recorded: readonly string[] = []): string[] {
  const inProgress = financialYearStart(todayIso);
  const recent = [0, 1, 2, 3, 4].map((back) => financialYearLabel(inProgress - back));
  return [...new Set([...recent, ...recorded.filter(isFinancialYear)])].sort().reverse();
}

/** A reporting year from a query string, or the one due now when it is absent or not a year. */
export function reportingYearFrom(value: unknown, todayIso: string): string {
  return typeof value === "string" && isFinancialYear(value) ? value : currentReportingYear(todayIso);
}
