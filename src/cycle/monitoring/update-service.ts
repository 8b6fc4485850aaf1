import { type AuditContext, recordAudit } from "../../kernel/audit/audit.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { listMilestones, markMilestone } from "../actions/index.ts";
import { changeUpdate, findUpdate, insertUpdate, insertVersion, type UpdateRow } from "./repository.ts";
import type { UpdateInput } from "./schemas.ts";
import type { UpdateVersionText } from "./tables.ts";

/**
 * Records a progress update (kept in history, never overwritten) and ticks off the milestones
 * reported done, all in one transaction with audit entries.
 */
export async function recordUpdate(
  db: Executor,
  audit: AuditContext,
  partnershipId: string,
  actionId: string,
  input: UpdateInput,
  doneOn: string,
) {
  return db.transaction(async (tx) => {
    const open = new Map(
      (await listMilestones(tx, partnershipId, actionId)).filter((row) => !row.doneDate).map((row) => [row.id, row]),
    );
    const unknown = input.milestoneIds.filter((id) => !open.has(id));
    if (unknown.length)
      throw AppError.validation([
        { field: "milestoneIds", message: "Select milestones of this action that are still open" },
      ]);
    const { milestoneIds, ...fields } = input;
    const row = await insertUpdate(tx, {
      ...fields,
      partnershipId,
      actionId,
      createdBy: audit.actorUserId,
      createdByLabel: audit.actorLabel,
    });
    await recordAudit(tx, audit, {
      action: "action.update_reported",
      entityType: "action_update",
      entityId: row.id,
      partnershipId,
      after: row,
    });
    for (const milestoneId of milestoneIds)
      await markMilestone(tx, audit, partnershipId, actionId, milestoneId, doneOn);
    return row;
  });
}

const WITHDRAWN = "This update has been withdrawn, so it can no longer be corrected. Report a new update instead.";

/** The editable text of an update, as kept in its version history. */
function textOf(row: UpdateRow): UpdateVersionText {
  return {
    period: row.period,
    status: row.status,
    reason: row.reason,
    percentComplete: row.percentComplete,
    narrative: row.narrative,
    spendToDatePence: row.spendToDatePence === null ? null : Number(row.spendToDatePence),
    peopleReached: row.peopleReached,
    familiesReached: row.familiesReached,
    evidenceUrls: row.evidenceUrls,
  };
}

/**
 * Corrects an update: the text it replaces is kept as a version (shown on the action page) and the
 * change is audited, in one transaction. A withdrawn update is refused (409) and nothing changes.
 */
export async function correctUpdate(
  db: Executor,
  audit: AuditContext,
  partnershipId: string,
  actionId: string,
  updateId: string,
  input: Omit<UpdateInput, "milestoneIds">,
) {
  return db.transaction(async (tx) => {
    const before = await findUpdate(tx, partnershipId, actionId, updateId, true);
    if (!before) throw AppError.notFound();
    if (before.withdrawnAt) throw new AppError("CONFLICT", WITHDRAWN);
    const { period, status, reason, percentComplete, narrative, spendToDatePence, peopleReached, familiesReached } =
      input;
    const after = await changeUpdate(tx, partnershipId, updateId, {
      period,
      status,
      reason,
      percentComplete,
      narrative,
      spendToDatePence,
      peopleReached,
      familiesReached,
      evidenceUrls: input.evidenceUrls,
    });
    if (!after) throw new AppError("CONFLICT", WITHDRAWN);
    await insertVersion(tx, {
      partnershipId,
      updateId,
      previous: textOf(before),
      editedBy: audit.actorUserId,
      editedByLabel: audit.actorLabel,
    });
    await recordAudit(tx, audit, {
      action: "action.update_corrected",
      entityType: "action_update",
      entityId: updateId,
      partnershipId,
      before: textOf(before),
      after: textOf(after),
    });
    return after;
  });
}

/**
 * Withdraws an update: it stays in the history, marked, and stops counting as progress (latest
 * state, dashboard, reports drafted afterwards). One already withdrawn is not found (404).
 */
export async function withdrawUpdate(
  db: Executor,
  audit: AuditContext,
  partnershipId: string,
  actionId: string,
  updateId: string,
) {
  return db.transaction(async (tx) => {
    const before = await findUpdate(tx, partnershipId, actionId, updateId, true);
    if (!before || before.withdrawnAt) throw AppError.notFound();
    const after = await changeUpdate(tx, partnershipId, updateId, {
      withdrawnAt: new Date(),
      withdrawnBy: audit.actorUserId,
      withdrawnByLabel: audit.actorLabel,
    });
    if (!after) throw AppError.notFound();
    await recordAudit(tx, audit, {
      action: "action.update_withdrawn",
      entityType: "action_update",
      entityId: updateId,
      partnershipId,
      before: textOf(before),
      after: { withdrawnAt: after.withdrawnAt },
    });
  });
}
