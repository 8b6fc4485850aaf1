import type { AssessmentSnapshot } from "./assessment-view.ts";

export interface AssessmentCheck {
  key: string;
  label: string;
  met: boolean;
  detail: string;
  counts?: { done: number; total: number };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const hasText = (html: string) => html.replace(/<[^>]*>/g, "").trim().length > 0;

/**
 * What a needs assessment holds before it is published, with counts: each section's narrative,
 * indicators and findings, the indicators that have data for the area, lived experience, the
 * services mapped and a review date. Judged on the draft as it would be published (the snapshot).
 */
export function assessmentCompleteness(snapshot: AssessmentSnapshot): AssessmentCheck[] {
  const sections = snapshot.sections;
  const total = sections.length;
  const narrated = sections.filter((section) => hasText(section.narrative)).length;
  const withFindings = sections.filter((section) => section.findings.length > 0).length;
  const withIndicators = sections.filter((section) => section.panels.length > 0).length;
  const panels = sections.flatMap((section) => section.panels);
  const withData = panels.filter((panel) => panel.state === "ok").length;
  const qualitative = sections.reduce((sum, section) => sum + section.qualitative.length, 0);
  const voices = snapshot.voices?.length ?? 0;
  const count = (done: number, of: number) => ({ done, total: of });
  return [
    {
      key: "narrative",
      label: "Every section has a narrative",
      met: total > 0 && narrated === total,
      detail: `${narrated} of ${plural(total, "section")} have a narrative.`,
      counts: count(narrated, total),
    },
    {
      key: "indicators",
      label: "Every section has indicators",
      met: total > 0 && withIndicators === total,
      detail: `${withIndicators} of ${plural(total, "section")} have at least one indicator.`,
      counts: count(withIndicators, total),
    },
    {
      key: "indicator-data",
      label: "Indicators have data for the area",
      met: panels.length > 0 && withData === panels.length,
      detail:
        panels.length === 0
          ? "No indicator has been chosen."
          : `${withData} of ${plural(panels.length, "indicator")} have data for the area in the indicator store.`,
      counts: count(withData, panels.length),
    },
    {
      key: "findings",
      label: "Every section states its findings",
      met: total > 0 && withFindings === total,
      detail: `${withFindings} of ${plural(total, "section")} have at least one finding.`,
      counts: count(withFindings, total),
    },
    {
      key: "lived-experience",
      label: "Lived experience",
      met: qualitative + voices > 0,
      detail: `${plural(qualitative, "piece")} of qualitative evidence; ${plural(voices, "published consultation")} of what children and families said.`,
    },
    {
      key: "services",
      label: "Services mapped",
      met: snapshot.services.length > 0,
      detail: `${plural(snapshot.services.length, "service")} recorded.`,
    },
    {
      key: "review-date",
      label: "A review date",
      met: snapshot.reviewDate !== null,
      detail: snapshot.reviewDate ? "Set." : "No review date set.",
    },
  ];
}
