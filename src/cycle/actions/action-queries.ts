import type { Actor } from "../../kernel/auth/policy.ts";
import type { Executor } from "../../kernel/db/database.ts";
import type { PartnershipRow } from "../../workspace/partnerships/index.ts";
import { listEvidence, listPriorities, type PriorityRow } from "../strategy/index.ts";
import { canUpdateAction } from "./access.ts";
import * as repo from "./repository.ts";
import type { ListFilters } from "./schemas.ts";
import { driverLabel, familyTypeLabel, type RagStatus, ragLabels, topDriver } from "./vocabulary.ts";

/** The current state of an action as monitoring knows it (supplied by the monitoring domain). */
export interface LatestUpdate {
  period: string;
  status: RagStatus;
  percentComplete: number;
  createdAt: Date;
}

export type LatestUpdates = (db: Executor, partnershipId: string) => Promise<Map<string, LatestUpdate>>;

/** Everything known about the partnership's plan, shaped for lists, exports and roll-ups. */
export async function loadPlan(db: Executor, partnershipId: string, options: { evidence?: boolean } = {}) {
  const [actions, priorities, members, links, partners, budgets, evidence] = await Promise.all([
    repo.listActions(db, partnershipId),
    listPriorities(db, partnershipId),
    repo.memberOrganisations(db, partnershipId),
    repo.listActionPriorities(db, partnershipId),
    repo.listActionPartners(db, partnershipId),
    repo.listBudgets(db, partnershipId),
    options.evidence === false ? Promise.resolve([]) : listEvidence(db, partnershipId, "action"),
  ]);
  const group = <T extends { actionId: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) {
      const list = map.get(row.actionId);
      if (list) list.push(row);
      else map.set(row.actionId, [row]);
    }
    return map;
  };
  const priorityById = new Map(priorities.map((row) => [row.id, row]));
  const nameById = new Map(members.map((row) => [row.id, row.name]));
  const linksBy = group(links);
  const partnersBy = group(partners);
  const budgetsBy = group(budgets);
  const evidenceCount = new Map<string, number>();
  for (const row of evidence) evidenceCount.set(row.subjectId, (evidenceCount.get(row.subjectId) ?? 0) + 1);
  const items = actions.map((action) => ({
    ...action,
    leadName: nameById.get(action.leadOrganisationId) ?? "Former member",
    priorities: (linksBy.get(action.id) ?? [])
      .map((link) => priorityById.get(link.priorityId))
      .filter((row): row is PriorityRow => !!row),
    partnerIds: (partnersBy.get(action.id) ?? []).map((row) => row.organisationId),
    partnerNames: (partnersBy.get(action.id) ?? []).map((row) => nameById.get(row.organisationId) ?? "Former member"),
    budgets: budgetsBy.get(action.id) ?? [],
    budgetPence: (budgetsBy.get(action.id) ?? []).reduce((sum, row) => sum + Number(row.amountPence), 0),
    evidenceCount: evidenceCount.get(action.id) ?? 0,
    driverLabels: action.drivers.map(driverLabel),
    familyLabels: action.familyTypes.map(familyTypeLabel),
  }));
  return { items, priorities, members };
}
export type PlanItem = Awaited<ReturnType<typeof loadPlan>>["items"][number];

export function matchesFilters(
  item: PlanItem,
  filters: ListFilters,
  actor: Actor,
  latest: LatestUpdate | undefined,
): boolean {
  if (filters.priority && !item.priorities.some((row) => row.id === filters.priority)) return false;
  if (filters.driver && !item.drivers.some((code) => code === filters.driver || topDriver(code) === filters.driver))
    return false;
  if (filters.partner && item.leadOrganisationId !== filters.partner && !item.partnerIds.includes(filters.partner))
    return false;
  if (filters.rag) {
    const status = latest?.status ?? "no-update";
    if (status !== filters.rag) return false;
  }
  if (filters.mine && item.leadOrganisationId !== actor.organisationId) return false;
  return true;
}

export async function loadActionList(
  db: Executor,
  actor: Actor,
  partnership: PartnershipRow,
  filters: ListFilters,
  latestUpdates: LatestUpdates,
) {
  const [plan, latest] = await Promise.all([loadPlan(db, partnership.id), latestUpdates(db, partnership.id)]);
  const rows = plan.items
    .filter((item) => matchesFilters(item, filters, actor, latest.get(item.id)))
    .map((item) => {
      const update = latest.get(item.id);
      return {
        ...item,
        latest: update,
        statusLabel: update ? ragLabels[update.status] : "No update yet",
        canUpdate: canUpdateAction(actor, partnership, item.leadOrganisationId),
      };
    });
  return { rows, total: plan.items.length, priorities: plan.priorities, members: plan.members };
}

/** One progress update as shown in an action's history (supplied by the monitoring domain). */
export interface HistoryEntry {
  id: string;
  period: string;
  status: RagStatus;
  reason: string;
  percentComplete: number;
  narrative: string;
  spendToDatePence: number | null;
  peopleReached: number | null;
  familiesReached: number | null;
  evidenceUrls: string[];
  createdByLabel: string;
  createdAt: Date;
  /** Withdrawn updates stay in the history, marked, and count nowhere. */
  withdrawnAt?: Date | null;
  withdrawnByLabel?: string;
  /** The text each correction replaced, oldest first. */
  versions?: HistoryVersion[];
  /** Where the update is corrected or withdrawn (shown to those who may update the action). */
  editHref?: string;
  withdrawHref?: string;
}

export interface HistoryVersion {
  editedAt: Date;
  editedByLabel: string;
  previous: {
    period: string;
    status: string;
    reason: string;
    percentComplete: number;
    narrative: string;
    spendToDatePence: number | null;
    peopleReached: number | null;
    familiesReached: number | null;
    evidenceUrls: string[];
  };
}

/** A record elsewhere that names this action (a meeting's action arising, a budget contribution). */
export interface ActionMention {
  kind: string;
  text: string;
  href: string;
}

/** Later domains that link to actions answer "what mentions this action?" for its page. */
export type MentionSource = (
  db: Executor,
  actor: Actor | null,
  partnershipId: string,
  actionId: string,
) => Promise<ActionMention[]>;

export interface ActionRouteDeps {
  latestUpdates: LatestUpdates;
  updateHistory: (db: Executor, partnershipId: string, actionId: string) => Promise<HistoryEntry[]>;
  mentions?: MentionSource[];
}
