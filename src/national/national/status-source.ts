import type { Executor } from "../../kernel/db/database.ts";
import type { ReportState } from "./report-status.ts";

export interface NeedsAssessmentStatus {
  state: "not-started" | "draft" | "published";
  publishedOn: string | null;
  reviewDue: string | null;
}

export interface StrategyPeriod {
  start: string;
  end: string;
  /** Draft or signed off, where the strategy domain records it. */
  status?: "draft" | "signed-off";
}

export interface ReportRecordStatus {
  state: ReportState;
  publishedOn: string | null;
  /** The report's id in the reporting domain, for review feedback to refer to. */
  reportRef: string | null;
}

/** Counts of a partnership's strategy actions tagged to each driver and priority family type. */
export interface ActionProfile {
  total: number;
  byDriver: Record<string, number>;
  byFamilyType: Record<string, number>;
}

/**
 * Where the national view learns each partnership's needs-assessment, strategy and report
 * status. The needs-assessment and strategy/report domains provide implementations; until
 * they exist, `noRecordsStatusSource` reports what is true: nothing has been recorded.
 */
export interface PartnershipStatusSource {
  needsAssessments(db: Executor, partnershipIds: string[]): Promise<Map<string, NeedsAssessmentStatus>>;
  strategyPeriods(db: Executor, partnershipIds: string[]): Promise<Map<string, StrategyPeriod | null>>;
  reports(db: Executor, partnershipIds: string[], reportingYear: string): Promise<Map<string, ReportRecordStatus>>;
  actionProfiles(db: Executor, partnershipIds: string[]): Promise<Map<string, ActionProfile | null>>;
}

export const noRecordsStatusSource: PartnershipStatusSource = {
  async needsAssessments(_db, ids) {
    return new Map(ids.map((id) => [id, { state: "not-started", publishedOn: null, reviewDue: null }]));
  },
  async strategyPeriods(_db, ids) {
    return new Map(ids.map((id) => [id, null]));
  },
  async reports(_db, ids) {
    return new Map(ids.map((id) => [id, { state: "not-started", publishedOn: null, reportRef: null }]));
  },
  async actionProfiles(_db, ids) {
    return new Map(ids.map((id) => [id, null]));
  },
};

/**
 * A source made of whatever the record-keeping domains can answer today; the rest falls back
 * to `noRecordsStatusSource`. `src/app.ts` passes the domains' functions in, so national never
 * imports them.
 */
export function statusSourceFrom(parts: Partial<PartnershipStatusSource>): PartnershipStatusSource {
  return { ...noRecordsStatusSource, ...parts };
}
