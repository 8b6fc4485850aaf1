import { ragLabels, type RagStatus } from "../actions/index.ts";
import { formatPounds } from "../../kernel/money.ts";
import { formatDate } from "../../kernel/time.ts";

const countFormat = new Intl.NumberFormat("en-GB");

export function money(pence: number | null | undefined): string {
  return pence === null || pence === undefined ? "Not recorded" : formatPounds(pence);
}

/** Missing is labelled, never shown as zero. */
export function count(value: number | null | undefined): string {
  return value === null || value === undefined ? "Not recorded" : countFormat.format(value);
}

export function status(value: RagStatus | undefined): string {
  return value ? ragLabels[value] : "No update in the year";
}

/** A date (or an instant, as its UK date) in words; missing is labelled. */
export function longDate(value: string | Date | null | undefined): string {
  return value ? formatDate(value) || "Not set" : "Not set";
}

/** The note every table and figure made from updates carries: its period and source. */
export function updatesNote(reportingYear: string, start: string, end: string): string {
  return `Period: ${reportingYear} (${longDate(start)} to ${longDate(end)}). Source: progress updates recorded by partners in Child Poverty Action Hub; status and figures are each action's last update in the year.`;
}

export const planNote = "Source: the partnership's action plan in Child Poverty Action Hub.";
