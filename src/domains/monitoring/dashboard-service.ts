import type { Executor } from "../../kernel/db/database.ts";
import {
  driverFrameworkFor,
  familyTypes,
  type HistoryEntry,
  loadPlan,
  type PlanItem,
  ragLabels,
} from "../actions/index.ts";
import type { PartnershipRow } from "../partnerships/index.ts";
import { formatPounds } from "../strategy/index.ts";
import { formatPeriod, type Period, periodEnd, periodStart } from "./periods.ts";
import { actionsUpdatedIn, latestByAction } from "./repository.ts";
import { byDriver, byFamilyType, byPartner, byPriority, planTotals, type RollupAction, type RollupRow, rollUp } from "./rollups.ts";

export interface DashboardAction {
  id: string;
  title: string;
  reference: string;
  leadName: string;
  endDate: string | null;
  latest: HistoryEntry | undefined;
  statusLabel: string;
}

function toRollup(item: PlanItem, latest: HistoryEntry | undefined): RollupAction {
  return {
    id: item.id,
    priorityIds: item.priorities.map((row) => row.id),
    drivers: item.drivers,
    familyTypes: item.familyTypes,
    leadOrganisationId: item.leadOrganisationId,
    partnerOrganisationIds: item.partnerIds,
    budgetPence: item.budgetPence,
    latest: latest ?? null,
  };
}

function presentRow(row: RollupRow, label: string) {
  return {
    ...row,
    label,
    budget: formatPounds(row.budgetPence),
    spend: formatPounds(row.spendToDatePence),
  };
}

/**
 * The monitoring dashboard: what is overdue (end date passed, not complete), off track
 * (latest status red or amber), missing an update for the period, and roll-ups.
 */
export async function loadDashboard(db: Executor, partnership: PartnershipRow, period: Period, today: string) {
  const [plan, latest, updated] = await Promise.all([
    loadPlan(db, partnership.id, { evidence: false }),
    latestByAction(db, partnership.id),
    actionsUpdatedIn(db, partnership.id, formatPeriod(period)),
  ]);
  const view = (item: PlanItem): DashboardAction => {
    const update = latest.get(item.id);
    return {
      id: item.id,
      title: item.title,
      reference: item.reference,
      leadName: item.leadName,
      endDate: item.endDate,
      latest: update,
      statusLabel: update ? ragLabels[update.status] : "No update yet",
    };
  };
  const isComplete = (item: PlanItem) => latest.get(item.id)?.status === "complete";
  const overdue = plan.items.filter((item) => item.endDate !== null && item.endDate < today && !isComplete(item)).map(view);
  const offTrack = plan.items
    .filter((item) => {
      const status = latest.get(item.id)?.status;
      return status === "red" || status === "amber";
    })
    .map(view);
  // Due an update: running during the period (started by its end, not ended before its start).
  const start = periodStart(period);
  const end = periodEnd(period);
  const missing = plan.items
    .filter((item) => !updated.has(item.id) && !isComplete(item))
    .filter((item) => (!item.startDate || item.startDate <= end) && (!item.endDate || item.endDate >= start))
    .map(view);

  const rollupItems = plan.items.map((item) => toRollup(item, latest.get(item.id)));
  const priorityNames = new Map(plan.priorities.map((row) => [row.id, row.title]));
  const memberNames = new Map(plan.members.map((row) => [row.id, row.name]));
  const framework = driverFrameworkFor(partnership.nation);
  const driverNames = new Map(framework.groups.map((group) => [group.code, group.label]));
  const familyNames = new Map(familyTypes.map((item) => [item.code, item.label]));
  const label = (names: Map<string, string>) => (row: RollupRow) => presentRow(row, names.get(row.key) ?? "Other");

  return {
    period: formatPeriod(period),
    actionCount: plan.items.length,
    totals: presentRow(planTotals(rollupItems), "All actions"),
    overdue,
    offTrack,
    missing,
    framework,
    rollups: {
      priority: rollUp(rollupItems, byPriority, [...priorityNames.keys()]).map(label(priorityNames)),
      driver: rollUp(rollupItems, byDriver, [...driverNames.keys()]).map(label(driverNames)),
      familyType: rollUp(rollupItems, byFamilyType, [...familyNames.keys()]).map(label(familyNames)),
      partner: rollUp(rollupItems, byPartner, [...memberNames.keys()]).map(label(memberNames)),
    },
  };
}
