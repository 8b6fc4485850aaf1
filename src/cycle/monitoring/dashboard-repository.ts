import { sql } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import { executePrepared } from "../../kernel/db/prepared.ts";
import { actionBudgets, actionPartners, actionPriorities, actions, type RagStatus } from "../actions/index.ts";
import { actionUpdates } from "./tables.ts";

export interface DashboardRow {
  id: string;
  reference: string;
  title: string;
  leadOrganisationId: string;
  startDate: string | null;
  endDate: string | null;
  drivers: string[];
  familyTypes: string[];
  priorityIds: string[];
  partnerIds: string[];
  budgetPence: number;
  updatedInPeriod: boolean;
  latest: {
    period: string;
    status: RagStatus;
    reason: string;
    percentComplete: number;
    spendToDatePence: number | null;
    peopleReached: number | null;
    familiesReached: number | null;
  } | null;
}

const toList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
const toNumber = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/**
 * One query for the whole dashboard: each action with its links, budget total, latest
 * update and whether it has an update for the period. (PGlite parses results on the main
 * thread, so one compact result beats seven wide ones.)
 */
export async function dashboardRows(db: Executor, partnershipId: string, period: string): Promise<DashboardRow[]> {
  // Set-based (one pass per table, hash joins): PGlite never analyses tables, so correlated
  // subqueries and lateral joins get poor plans there. Prepared: parsing and planning six joined
  // parts was most of the statement's cost on every dashboard.
  const rows = await executePrepared<Record<string, unknown>>(db, dashboardSql(partnershipId, period));
  return rows.map((row) => ({
    id: String(row.id),
    reference: String(row.reference),
    title: String(row.title),
    leadOrganisationId: String(row.lead_organisation_id),
    startDate: (row.start_date as string | null) ?? null,
    endDate: (row.end_date as string | null) ?? null,
    drivers: toList(row.drivers),
    familyTypes: toList(row.family_types),
    priorityIds: toList(row.priority_ids),
    partnerIds: toList(row.partner_ids),
    budgetPence: Number(row.budget_pence),
    updatedInPeriod: row.updated_in_period === true || row.updated_in_period === "t",
    latest: row.status
      ? {
          period: String(row.period),
          status: row.status as RagStatus,
          reason: String(row.reason ?? ""),
          percentComplete: Number(row.percent_complete),
          spendToDatePence: toNumber(row.spend_to_date_pence),
          peopleReached: toNumber(row.people_reached),
          familiesReached: toNumber(row.families_reached),
        }
      : null,
  }));
}

/** The dashboard query (exported for EXPLAIN in benchmarks). */
export function dashboardSql(partnershipId: string, period: string) {
  return sql`
    with latest as (
      select distinct on (action_id) action_id, period, status, reason, percent_complete, spend_to_date_pence, people_reached, families_reached
      from ${actionUpdates} where partnership_id = ${partnershipId} and withdrawn_at is null
      order by action_id, period desc, created_at desc
    ), updated as (
      select distinct action_id from ${actionUpdates} where partnership_id = ${partnershipId} and period = ${period} and withdrawn_at is null
    ), priorities as (
      select action_id, array_agg(priority_id::text) as ids from ${actionPriorities} where partnership_id = ${partnershipId} group by action_id
    ), partners as (
      select action_id, array_agg(organisation_id::text) as ids from ${actionPartners} where partnership_id = ${partnershipId} group by action_id
    ), budgets as (
      select action_id, sum(amount_pence)::bigint as total from ${actionBudgets} where partnership_id = ${partnershipId} group by action_id
    )
    select a.id, a.reference, a.title, a.lead_organisation_id, a.start_date::text as start_date, a.end_date::text as end_date,
      a.drivers, a.family_types, coalesce(pr.ids, '{}') as priority_ids, coalesce(pa.ids, '{}') as partner_ids,
      coalesce(b.total, 0) as budget_pence, (up.action_id is not null) as updated_in_period,
      l.period, l.status, l.reason, l.percent_complete, l.spend_to_date_pence, l.people_reached, l.families_reached
    from ${actions} a
    left join latest l on l.action_id = a.id
    left join updated up on up.action_id = a.id
    left join priorities pr on pr.action_id = a.id
    left join partners pa on pa.action_id = a.id
    left join budgets b on b.action_id = a.id
    where a.partnership_id = ${partnershipId}
    order by a.reference, a.title`;
}
