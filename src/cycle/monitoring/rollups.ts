import type { RagStatus } from "../actions/index.ts";

/** What a roll-up needs to know about one action; built from the database by the service. */
export interface RollupAction {
  id: string;
  priorityIds: string[];
  drivers: string[];
  familyTypes: string[];
  leadOrganisationId: string;
  partnerOrganisationIds: string[];
  budgetPence: number;
  latest: {
    status: RagStatus;
    percentComplete: number;
    spendToDatePence: number | null;
    peopleReached: number | null;
    familiesReached: number | null;
  } | null;
}

export interface RollupRow {
  key: string;
  actions: number;
  byStatus: Record<RagStatus | "no-update", number>;
  /** Mean percentage complete over actions with an update; null when none has one. */
  averagePercentComplete: number | null;
  budgetPence: number;
  spendToDatePence: number;
  peopleReached: number;
  familiesReached: number;
}

function emptyRow(key: string): RollupRow {
  return {
    key,
    actions: 0,
    byStatus: { "not-started": 0, green: 0, amber: 0, red: 0, complete: 0, "no-update": 0 },
    averagePercentComplete: null,
    budgetPence: 0,
    spendToDatePence: 0,
    peopleReached: 0,
    familiesReached: 0,
  };
}

/**
 * Groups actions by keys (an action counts once in each group it belongs to, so an action
 * with two priorities appears under both and the groups' totals may exceed the plan's).
 * Keys listed in `order` come first, in that order, even when empty; then any others.
 */
export function rollUp(
  items: RollupAction[],
  keysOf: (action: RollupAction) => string[],
  order: string[] = [],
): RollupRow[] {
  const rows = new Map<string, RollupRow>(order.map((key) => [key, emptyRow(key)]));
  const percentSums = new Map<string, { sum: number; count: number }>();
  for (const action of items) {
    for (const key of new Set(keysOf(action))) {
      let row = rows.get(key);
      if (!row) {
        row = emptyRow(key);
        rows.set(key, row);
      }
      row.actions += 1;
      row.budgetPence += action.budgetPence;
      if (!action.latest) {
        row.byStatus["no-update"] += 1;
        continue;
      }
      row.byStatus[action.latest.status] += 1;
      row.spendToDatePence += action.latest.spendToDatePence ?? 0;
      row.peopleReached += action.latest.peopleReached ?? 0;
      row.familiesReached += action.latest.familiesReached ?? 0;
      const acc = percentSums.get(key) ?? { sum: 0, count: 0 };
      acc.sum += action.latest.percentComplete;
      acc.count += 1;
      percentSums.set(key, acc);
    }
  }
  for (const [key, acc] of percentSums) rows.get(key)!.averagePercentComplete = Math.round(acc.sum / acc.count);
  return [...rows.values()];
}

export const byPriority = (action: RollupAction) => action.priorityIds;
/** Top-level drivers: a sub-driver counts towards its driver. */
export const byDriver = (action: RollupAction) => action.drivers.map((code) => code.split(":")[0]!);
export const byFamilyType = (action: RollupAction) => action.familyTypes;
/** Partners: the lead and every contributing organisation. */
export const byPartner = (action: RollupAction) => [action.leadOrganisationId, ...action.partnerOrganisationIds];

/** Totals over the whole plan, each action counted once. */
export function planTotals(items: RollupAction[]): RollupRow {
  return rollUp(items, () => ["all"])[0] ?? emptyRow("all");
}
