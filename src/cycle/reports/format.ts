import { ragLabels, type RagStatus } from "../actions/index.ts";
import { formatPounds } from "../../kernel/money.ts";

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

const dateLabel = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
export function longDate(iso: string | null | undefined): string {
  return iso ? dateLabel.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)) : "Not set";
}

/** The note every table and figure made from updates carries: its period and source. */
export function updatesNote(reportingYear: string, start: string, end: string): string {
  return `Period: ${reportingYear} (${longDate(start)} to ${longDate(end)}). Source: progress updates recorded by partners in Child Poverty Action Hub; status and figures are each action's last update in the year.`;
}

export const planNote = "Source: the partnership's action plan in Child Poverty Action Hub.";
