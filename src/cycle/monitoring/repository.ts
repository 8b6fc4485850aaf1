import { and, asc, desc, eq, isNull } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import type { HistoryEntry, LatestUpdate, RagStatus } from "../actions/index.ts";
import { monitoringPaths } from "./paths.ts";
import { actionUpdates, actionUpdateVersions, type UpdateVersionText } from "./tables.ts";

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

/** Not withdrawn: what counts as reported progress everywhere. */
export const current = isNull(actionUpdates.withdrawnAt);

/**
 * Every update of an action, latest period first, newest first within a period; withdrawn ones
 * included (marked), each with the text its corrections replaced, oldest first.
 */
export async function listHistory(db: Executor, partnershipId: string, actionId: string): Promise<HistoryEntry[]> {
  const rows = await db
    .select()
    .from(actionUpdates)
    .where(and(eq(actionUpdates.partnershipId, partnershipId), eq(actionUpdates.actionId, actionId)))
    .orderBy(desc(actionUpdates.period), desc(actionUpdates.createdAt));
  const versions = await db
    .select({
      updateId: actionUpdateVersions.updateId,
      previous: actionUpdateVersions.previous,
      editedAt: actionUpdateVersions.editedAt,
      editedByLabel: actionUpdateVersions.editedByLabel,
    })
    .from(actionUpdateVersions)
    .innerJoin(actionUpdates, eq(actionUpdates.id, actionUpdateVersions.updateId))
    .where(and(eq(actionUpdateVersions.partnershipId, partnershipId), eq(actionUpdates.actionId, actionId)))
    .orderBy(asc(actionUpdateVersions.editedAt));
  return rows.map((row) => ({
    ...asHistory(row),
    versions: versions.filter((version) => version.updateId === row.id),
    editHref: monitoringPaths.editUpdate(partnershipId, actionId, row.id),
    withdrawHref: monitoringPaths.withdrawUpdate(partnershipId, actionId, row.id),
  }));
}

/** One update of an action of the partnership (withdrawn or not); another partnership's is not found. */
export async function findUpdate(
  db: Executor,
  partnershipId: string,
  actionId: string,
  updateId: string,
  /** In a service's transaction: hold the row until it commits, so two corrections queue. */
  lock = false,
): Promise<UpdateRow | undefined> {
  const query = db
    .select()
    .from(actionUpdates)
    .where(
      and(
        eq(actionUpdates.partnershipId, partnershipId),
        eq(actionUpdates.actionId, actionId),
        eq(actionUpdates.id, updateId),
      ),
    );
  const [row] = lock ? await query.for("update") : await query;
  return row;
}

/** Changes an update still current; undefined when it was withdrawn meanwhile. */
export async function changeUpdate(
  db: Executor,
  partnershipId: string,
  updateId: string,
  values: Partial<typeof actionUpdates.$inferInsert>,
): Promise<UpdateRow | undefined> {
  const [row] = await db
    .update(actionUpdates)
    .set(values)
    .where(and(eq(actionUpdates.partnershipId, partnershipId), eq(actionUpdates.id, updateId), current))
    .returning();
  return row;
}

export async function insertVersion(
  db: Executor,
  values: {
    partnershipId: string;
    updateId: string;
    previous: UpdateVersionText;
    editedBy: string | null;
    editedByLabel: string;
  },
): Promise<void> {
  await db.insert(actionUpdateVersions).values(values);
}

/**
 * The current state (narrative left out) of each action: the newest entry for its latest period ("2025/26 Q4"
 * sorts before "2026/27 Q1" as text, so the period text orders correctly).
 */
export async function latestByAction(db: Executor, partnershipId: string): Promise<Map<string, HistoryEntry>> {
  const rows = await db
    .selectDistinctOn([actionUpdates.actionId], latestColumns)
    .from(actionUpdates)
    .where(and(eq(actionUpdates.partnershipId, partnershipId), current))
    .orderBy(actionUpdates.actionId, desc(actionUpdates.period), desc(actionUpdates.createdAt));
  return new Map(
    rows.map((row) => [
      row.actionId,
      asHistory({
        ...row,
        narrative: "",
        evidenceUrls: [],
        createdBy: null,
        createdByLabel: "",
        withdrawnAt: null,
        withdrawnBy: null,
        withdrawnByLabel: "",
      }),
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
    .where(and(eq(actionUpdates.partnershipId, partnershipId), eq(actionUpdates.period, period), current));
  return new Set(rows.map((row) => row.actionId));
}
