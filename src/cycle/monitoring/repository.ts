import { and, desc, eq } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import type { HistoryEntry, LatestUpdate, RagStatus } from "../actions/index.ts";
import { actionUpdates } from "./tables.ts";

export type UpdateRow = typeof actionUpdates.$inferSelect;

export async function insertUpdate(db: Executor, values: typeof actionUpdates.$inferInsert): Promise<UpdateRow> {
  const [row] = await db.insert(actionUpdates).values(values).returning();
  return row!;
}

export async function insertUpdates(db: Executor, values: (typeof actionUpdates.$inferInsert)[]): Promise<void> {
  if (values.length) await db.insert(actionUpdates).values(values);
}

function asHistory(row: UpdateRow): HistoryEntry {
  return {
    ...row,
    status: row.status as RagStatus,
    spendToDatePence: row.spendToDatePence === null ? null : Number(row.spendToDatePence),
  };
}

/** Every update of an action, latest period first, newest first within a period. */
export async function listHistory(db: Executor, partnershipId: string, actionId: string): Promise<HistoryEntry[]> {
  const rows = await db
    .select()
    .from(actionUpdates)
    .where(and(eq(actionUpdates.partnershipId, partnershipId), eq(actionUpdates.actionId, actionId)))
    .orderBy(desc(actionUpdates.period), desc(actionUpdates.createdAt));
  return rows.map(asHistory);
}

/**
 * The current state (narrative left out) of each action: the newest entry for its latest period ("2025/26 Q4"
 * sorts before "2026/27 Q1" as text, so the period text orders correctly).
 */
export async function latestByAction(db: Executor, partnershipId: string): Promise<Map<string, HistoryEntry>> {
  const rows = await db
    .selectDistinctOn([actionUpdates.actionId], latestColumns)
    .from(actionUpdates)
    .where(eq(actionUpdates.partnershipId, partnershipId))
    .orderBy(actionUpdates.actionId, desc(actionUpdates.period), desc(actionUpdates.createdAt));
  return new Map(
    rows.map((row) => [
      row.actionId,
      asHistory({ ...row, narrative: "", evidenceUrls: [], createdBy: null, createdByLabel: "" }),
    ]),
  );
}

// The dashboard and lists need the state, not the narrative: fewer columns, faster on PGlite.
const latestColumns = {
  id: actionUpdates.id,
  partnershipId: actionUpdates.partnershipId,
  actionId: actionUpdates.actionId,
  period: actionUpdates.period,
  status: actionUpdates.status,
  reason: actionUpdates.reason,
  percentComplete: actionUpdates.percentComplete,
  spendToDatePence: actionUpdates.spendToDatePence,
  peopleReached: actionUpdates.peopleReached,
  familiesReached: actionUpdates.familiesReached,
  createdAt: actionUpdates.createdAt,
};

export async function latestUpdates(db: Executor, partnershipId: string): Promise<Map<string, LatestUpdate>> {
  return latestByAction(db, partnershipId);
}

/** Actions with at least one update for the period. */
export async function actionsUpdatedIn(db: Executor, partnershipId: string, period: string): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ actionId: actionUpdates.actionId })
    .from(actionUpdates)
    .where(and(eq(actionUpdates.partnershipId, partnershipId), eq(actionUpdates.period, period)));
  return new Set(rows.map((row) => row.actionId));
}
