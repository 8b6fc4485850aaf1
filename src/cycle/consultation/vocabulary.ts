/** The engagement register's fixed lists (codes stored, labels shown). */

export const audiences = [
  "children-under-8",
  "children-8-11",
  "children-12-15",
  "young-people-16-25",
  "parents-carers",
  "organisations",
] as const;
export type Audience = (typeof audiences)[number];
export const audienceLabels: Record<Audience, string> = {
  "children-under-8": "Children under 8",
  "children-8-11": "Children aged 8 to 11",
  "children-12-15": "Children aged 12 to 15",
  "young-people-16-25": "Young people aged 16 to 25",
  "parents-carers": "Parents and carers",
  organisations: "Organisations working with or representing children and families",
};
export const childAudiences: Audience[] = ["children-under-8", "children-8-11", "children-12-15", "young-people-16-25"];

export const methods = [
  "online-survey",
  "focus-group",
  "school-session",
  "drop-in",
  "interviews",
  "peer-research",
  "other",
] as const;
export type Method = (typeof methods)[number];
export const methodLabels: Record<Method, string> = {
  "online-survey": "Online survey",
  "focus-group": "Focus group",
  "school-session": "School session",
  "drop-in": "Drop-in",
  interviews: "Interviews",
  "peer-research": "Peer research",
  other: "Other",
};

export const informsKinds = ["needs-assessment", "strategy", "report"] as const;
export type Informs = (typeof informsKinds)[number];
export const informsLabels: Record<Informs, string> = {
  "needs-assessment": "The needs assessment",
  strategy: "The joint strategy",
  report: "The annual report",
};

export const activityStatuses = ["planned", "open", "closed", "reported-back"] as const;
export type ActivityStatus = (typeof activityStatuses)[number];
export const activityStatusLabels: Record<ActivityStatus, string> = {
  planned: "Planned",
  open: "Open",
  closed: "Closed",
  "reported-back": "Reported back",
};
export const activityStatusTags: Record<ActivityStatus, string> = {
  planned: "govuk-tag--grey",
  open: "govuk-tag--blue",
  closed: "govuk-tag--yellow",
  "reported-back": "govuk-tag--green",
};

/** "2024/25": the financial years a report can cover. */
export const REPORT_YEAR = /^(\d{4})\/(\d{2})$/;
export function isReportYear(value: string): boolean {
  const match = REPORT_YEAR.exec(value);
  return !!match && (Number(match[1]) + 1) % 100 === Number(match[2]);
}
