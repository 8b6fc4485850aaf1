import { type AuditContext, recordAudit } from "../../kernel/audit/audit.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { listMilestones, markMilestone } from "../actions/index.ts";
import { insertUpdate } from "./repository.ts";
import type { UpdateInput } from "./schemas.ts";

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
