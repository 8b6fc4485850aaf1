import type { Nation } from "../../kernel/auth/policy.ts";

export type ReportState = "not-started" | "draft" | "published";
export type ReportStatus = ReportState | "overdue";

export const reportStatusLabels: Record<ReportStatus, string> = {
  "not-started": "Not started",
  draft: "Draft",
  published: "Published",
  overdue: "Overdue",
};

/**
 * When the annual report for a reporting year is due, or null where no statutory deadline
 * applies. Scotland: Local Child Poverty Action Reports are due by 30 June after the
 * reporting year ends on 31 March (Child Poverty (Scotland) Act 2017, s.13 and guidance).
 */
export function reportDueDate(nation: Nation, reportingYear: string): string | null {
  const match = /^(\d{4})\/\d{2}$/.exec(reportingYear);
  if (!match) throw new Error(`Not a reporting year: ${reportingYear}`);
  if (nation !== "scotland") return null;
  return `${Number(match[1]) + 1}-06-30`;
}

/** Published stays published; anything else is overdue once the due date has passed. */
export function reportStatus(state: ReportState, dueDate: string | null, todayIso: string): ReportStatus {
  if (state === "published") return "published";
  if (dueDate && todayIso > dueDate) return "overdue";
  return state;
}
