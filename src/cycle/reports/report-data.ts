import type { Executor } from "../../kernel/db/database.ts";
import { type BreakdownSet, loadBreakdowns } from "../../data/analyses/index.ts";
import { listPartnershipIndicators, loadPlan, type PlanItem, type RagStatus } from "../actions/index.ts";
import { findAreaByCode } from "../../data/geography/index.ts";
import {
  type IndicatorRow,
  publishableIndicators,
  type ObservationValue,
  valuesForArea,
} from "../../data/indicators/index.ts";
import { listMembers, type PartnershipRow } from "../../workspace/partnerships/index.ts";
import { listAssessments } from "../proofing/index.ts";
import { findStrategy, listEvidence, listPriorities } from "../strategy/index.ts";
import * as repo from "./repository.ts";
import type { LivedExperienceActivity } from "./extension-points.ts";
import { yearBounds } from "./report-types.ts";

export interface YearUpdate {
  period: string;
  status: RagStatus;
  reason: string;
  percentComplete: number;
  narrative: string;
  spendToDatePence: number | null;
  peopleReached: number | null;
  familiesReached: number | null;
}

export interface ReportAction extends PlanItem {
  /** The last update recorded for the reporting year, if any. */
  yearEnd: YearUpdate | undefined;
  updatesInYear: number;
  budgetInYearPence: number;
  budgetNextYearPence: number;
}

export interface StoreSeries {
  indicator: IndicatorRow;
  values: ObservationValue[];
  /** Values by breakdown, each dimension in its latest period, under the indicator's disclosure rule. */
  breakdowns?: BreakdownSet[];
}

/** Everything recorded that a report draws on, loaded once per generation. */
/** What other domains add to a report, through extension points (see extension-points.ts). */
export interface ReportSources {
  livedExperience?: (db: Executor, partnershipId: string, reportingYear: string) => Promise<LivedExperienceActivity[]>;
}

export async function loadReportData(
  db: Executor,
  partnership: PartnershipRow,
  reportingYear: string,
  sources: ReportSources = {},
) {
  const { start, end, next } = yearBounds(reportingYear);
  const [plan, members, updates, indicatorLinks, strategy, priorities, evidence, proofing, engagement] =
    await Promise.all([
      loadPlan(db, partnership.id),
      listMembers(db, partnership.id),
      repo.updatesInYear(db, partnership.id, reportingYear),
      listPartnershipIndicators(db, partnership.id),
      findStrategy(db, partnership.id),
      listPriorities(db, partnership.id),
      listEvidence(db, partnership.id),
      listAssessments(db, partnership.id),
      sources.livedExperience ? sources.livedExperience(db, partnership.id, reportingYear) : Promise.resolve([]),
    ]);
  const byAction = new Map<string, typeof updates>();
  for (const row of updates) {
    const list = byAction.get(row.actionId);
    if (list) list.push(row);
    else byAction.set(row.actionId, [row]);
  }
  const actions: ReportAction[] = plan.items.map((item) => {
    const list = byAction.get(item.id) ?? [];
    const last = list.at(-1);
    return {
      ...item,
      yearEnd: last
        ? {
            period: last.period,
            status: last.status as RagStatus,
            reason: last.reason,
            percentComplete: last.percentComplete,
            narrative: last.narrative,
            spendToDatePence: last.spendToDatePence === null ? null : Number(last.spendToDatePence),
            peopleReached: last.peopleReached,
            familiesReached: last.familiesReached,
          }
        : undefined,
      updatesInYear: list.length,
      budgetInYearPence: item.budgets
        .filter((b) => b.financialYear === reportingYear)
        .reduce((sum, b) => sum + Number(b.amountPence), 0),
      budgetNextYearPence: item.budgets
        .filter((b) => b.financialYear === next)
        .reduce((sum, b) => sum + Number(b.amountPence), 0),
    };
  });
  const store = await storeSeries(
    db,
    partnership,
    indicatorLinks.map((row) => row.indicatorRef),
  );
  return {
    partnership,
    reportingYear,
    yearStart: start,
    yearEnd: end,
    nextYear: next,
    actions,
    members,
    bodies: members.filter((member) => member.type === "council" || member.type === "health-board"),
    indicatorLinks,
    store,
    strategy: strategy ?? null,
    priorities,
    evidence,
    proofing: proofing.filter((row) => row.assessedOn >= start && row.assessedOn <= end),
    engagement,
  };
}
export type ReportData = Awaited<ReturnType<typeof loadReportData>>;

/**
 * The indicator store's values for the partnership's own area, for the indicators its actions
 * track: national indicators and the partnership's own (never another partnership's), released
 * values only (valuesForArea leaves embargoed ones out).
 */
async function storeSeries(
  db: Executor,
  partnership: PartnershipRow,
  refs: string[],
): Promise<Map<string, StoreSeries>> {
  const slugs = [...new Set(refs)];
  const result = new Map<string, StoreSeries>();
  if (slugs.length === 0) return result;
  const area = await findAreaByCode(db, partnership.areaCode);
  if (!area) return result;
  // A report is published: restricted indicators never go in it (visibility.ts).
  const catalogue = (await publishableIndicators(db, partnership.id)).filter((row) => slugs.includes(row.slug));
  if (catalogue.length === 0) return result;
  const values = await valuesForArea(
    db,
    area.id,
    catalogue.map((row) => row.slug),
  );
  const breakdowns = await loadBreakdowns(db, values, new Map(catalogue.map((row) => [row.slug, row])));
  for (const indicator of catalogue) {
    const series = values.filter((value) => value.indicatorSlug === indicator.slug && value.breakdownId === 0);
    if (series.length)
      result.set(indicator.slug, { indicator, values: series, breakdowns: breakdowns.get(indicator.slug) ?? [] });
  }
  return result;
}
