import type { ActivityStatus } from "./vocabulary.ts";

/**
 * An activity's status. Once "you said, we did" is published it has reported back; an online
 * survey's status follows its dates (so the register and the public pages always agree);
 * otherwise it is what the editor recorded.
 */
export function activityStatus(
  activity: { status: string; publishedAt: Date | null },
  survey: { opensOn: string; closesOn: string } | null | undefined,
  today: string,
): ActivityStatus {
  if (activity.publishedAt) return "reported-back";
  if (survey) return today < survey.opensOn ? "planned" : today > survey.closesOn ? "closed" : "open";
  return (["planned", "open", "closed"] as const).find((status) => status === activity.status) ?? "planned";
}

export function surveyIsOpen(survey: { opensOn: string; closesOn: string }, today: string): boolean {
  return survey.opensOn <= today && today <= survey.closesOn;
}

/** The financial year (April to March) a date falls in, as "2024/25". */
export function reportYearOf(isoDate: string): string {
  const year = Number(isoDate.slice(0, 4));
  const start = Number(isoDate.slice(5, 7)) >= 4 ? year : year - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
}
