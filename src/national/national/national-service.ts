import type { Nation } from "../../kernel/auth/policy.ts";
import type { Db } from "../../kernel/db/database.ts";
import { type FundingShare, fundingShares } from "../../cycle/budgets/index.ts";
import { engagementCounts, engagementGroups } from "../../cycle/consultation/index.ts";
import { coverageForPartnerships } from "../../cycle/governance/index.ts";
import { addDays, currentReportingYear, londonToday } from "../../kernel/time.ts";
import { countMeetingsHeld } from "../../cycle/meetings/index.ts";
import { formatPounds, penceToDecimal } from "../../kernel/money.ts";
import type { PartnershipRow } from "../../workspace/partnerships/index.ts";
import { openFeedbackCounts } from "./repository.ts";
import { type ReportStatus, reportDueDate, reportStatus, reportStatusLabels } from "./report-status.ts";
import type { NationalQuery } from "./schemas.ts";
import type { ActionProfile, PartnershipStatusSource } from "./status-source.ts";

const strategyStatusLabels = { draft: "draft", "signed-off": "signed off" } as const;

/** "income from employment 5, costs of living 3", largest first; empty when nothing is tagged. */
function countsText(counts: Record<string, number>): string {
  return Object.entries(counts)
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([label, count]) => `${label} ${count}`)
    .join(", ");
}

function actionsSummary(profile: ActionProfile | null | undefined) {
  if (!profile) return { actions: "No strategy actions recorded", actionsByDriver: "", actionsByFamilyType: "" };
  return {
    actions: `${profile.total} action${profile.total === 1 ? "" : "s"}`,
    actionsByDriver: countsText(profile.byDriver),
    actionsByFamilyType: countsText(profile.byFamilyType),
  };
}

/** A share of the year's money as a whole percentage; the amounts stay beside it on the page and in exports. */
const percent = (part: number, total: number) => `${Math.round((part / total) * 100)}%`;

function fundingSummary(share: FundingShare | null | undefined) {
  if (!share) return null;
  return {
    total: formatPounds(share.totalPence),
    totalDecimal: penceToDecimal(share.totalPence),
    flexible: percent(share.flexiblePence, share.totalPence),
    multiYear: percent(share.multiYearPence, share.totalPence),
  };
}

export interface NationalRow {
  id: string;
  name: string;
  areaName: string;
  areaCode: string;
  isFictional: boolean;
  needsAssessment: string;
  needsAssessmentReviewDue: string | null;
  strategyPeriod: string;
  reportStatus: ReportStatus;
  reportStatusLabel: string;
  /** The year's report in the reporting domain, when one has been started. */
  reportRef: string | null;
  gaps: string[];
  actions: string;
  actionsByDriver: string;
  actionsByFamilyType: string;
  meetingsHeld: number;
  /** Engagement activities recorded as informing this year's report, and the people taking part. */
  engagementActivities: number;
  engagementParticipants: number;
  /** Those people by audience group, disclosure-controlled (rounded to 5, [c]); empty when nobody took part. */
  engagementByAudience: { key: string; label: string; text: string }[];
  openFeedback: number;
  /** Flexible and multi-year shares of the money recorded for the reporting year; null when none is. */
  funding: ReturnType<typeof fundingSummary>;
}

export interface NationalView {
  nation: Nation;
  reportingYear: string;
  dueDate: string | null;
  rows: NationalRow[];
  /** Every partnership of the nation, whatever the filters (the map shows them all). */
  allRows: NationalRow[];
  total: number;
}

/** Every partnership of a nation with its status, coverage gaps and meetings, filtered. */
export async function nationalView(
  db: Db,
  source: PartnershipStatusSource,
  nation: Nation,
  partnerships: PartnershipRow[],
  query: NationalQuery,
  today = londonToday(),
): Promise<NationalView> {
  const ids = partnerships.map((partnership) => partnership.id);
  const reportingYear = query.year ?? currentReportingYear(today);
  const dueDate = reportDueDate(nation, reportingYear);
  const [assessments, strategies, reports, coverage, meetings, feedback, profiles, engagement, funding] =
    await Promise.all([
      source.needsAssessments(db, ids),
      source.strategyPeriods(db, ids),
      source.reports(db, ids, reportingYear),
      coverageForPartnerships(db, partnerships),
      countMeetingsHeld(db, ids, addDays(today, -365), today),
      openFeedbackCounts(db, ids),
      source.actionProfiles(db, ids),
      engagementCounts(db, ids, reportingYear),
      fundingShares(db, ids, reportingYear),
    ]);
  const all = partnerships.map((partnership): NationalRow => {
    const assessment = assessments.get(partnership.id);
    const strategy = strategies.get(partnership.id);
    const status = reportStatus(reports.get(partnership.id)?.state ?? "not-started", dueDate, today);
    return {
      id: partnership.id,
      name: partnership.name,
      areaName: partnership.areaName,
      areaCode: partnership.areaCode,
      isFictional: partnership.isFictional,
      needsAssessment:
        assessment?.state === "published"
          ? `Published ${assessment.publishedOn ?? ""}`.trim()
          : assessment?.state === "draft"
            ? "Draft"
            : "Not started",
      needsAssessmentReviewDue: assessment?.reviewDue ?? null,
      strategyPeriod: strategy
        ? `${strategy.start} to ${strategy.end}${strategy.status ? ` (${strategyStatusLabels[strategy.status]})` : ""}`
        : "No strategy recorded",
      reportStatus: status,
      reportStatusLabel: reportStatusLabels[status],
      reportRef: reports.get(partnership.id)?.reportRef ?? null,
      gaps: coverage.get(partnership.id)?.gaps.map((gap) => gap.label) ?? [],
      ...actionsSummary(profiles.get(partnership.id)),
      meetingsHeld: meetings.get(partnership.id) ?? 0,
      engagementActivities: engagement.get(partnership.id)?.activities ?? 0,
      engagementParticipants: engagement.get(partnership.id)?.participants ?? 0,
      engagementByAudience: engagement.get(partnership.id)?.byAudience ?? [],
      openFeedback: feedback.get(partnership.id) ?? 0,
      funding: fundingSummary(funding.get(partnership.id)),
    };
  });
  const needle = query.q.toLowerCase();
  const rows = all.filter(
    (row) =>
      (query.status === "all" || row.reportStatus === query.status) &&
      (query.gaps === "all" || (query.gaps === "with-gaps" ? row.gaps.length > 0 : row.gaps.length === 0)) &&
      (!needle ||
        row.name.toLowerCase().includes(needle) ||
        row.areaName.toLowerCase().includes(needle) ||
        row.areaCode.toLowerCase() === needle),
  );
  return { nation, reportingYear, dueDate, rows, allRows: all, total: all.length };
}

export const exportHeader = [
  "Partnership",
  "Area",
  "Area code",
  "Needs assessment",
  "Needs assessment review due",
  "Strategy period",
  "Report year",
  "Report status",
  "Partner coverage gaps",
  "Strategy actions",
  "Actions by driver",
  "Actions by family type",
  "Meetings held in last 12 months",
  "Engagement activities feeding the report",
  "People taking part in them",
  ...engagementGroups.map((group) => `Of them: ${group.label.toLowerCase()} (rounded to 5, [c] fewer than 10)`),
  "Open review feedback",
  "Funding recorded for the year (GBP)",
  "Flexible share of that funding",
  "Multi-year share of that funding",
];

export function exportRows(view: NationalView): (string | number)[][] {
  return view.rows.map((row) => [
    row.isFictional ? `${row.name} (fictional)` : row.name,
    row.areaName,
    row.areaCode,
    row.needsAssessment,
    row.needsAssessmentReviewDue ?? "",
    row.strategyPeriod,
    view.reportingYear,
    row.reportStatusLabel,
    row.gaps.join("; "),
    row.actions,
    row.actionsByDriver,
    row.actionsByFamilyType,
    row.meetingsHeld,
    row.engagementActivities,
    row.engagementParticipants,
    ...engagementGroups.map((group) => row.engagementByAudience.find((part) => part.key === group.key)?.text ?? ""),
    row.openFeedback,
    row.funding?.totalDecimal ?? "None recorded",
    row.funding?.flexible ?? "",
    row.funding?.multiYear ?? "",
  ]);
}
