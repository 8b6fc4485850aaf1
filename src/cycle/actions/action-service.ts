import { type AuditContext, recordAudit } from "../../kernel/audit/audit.ts";
import type { Actor } from "../../kernel/auth/policy.ts";
import type { Db, Executor } from "../../kernel/db/database.ts";
import { AppError, type FieldError } from "../../kernel/errors/app-error.ts";
import type { PartnershipRow } from "../../workspace/partnerships/index.ts";
import { deleteEvidenceFor, listPriorities } from "../strategy/index.ts";
import { canUpdateAction } from "./access.ts";
import * as repo from "./repository.ts";
import type { ActionInput, BudgetInput, IndicatorInput, MilestoneInput } from "./schemas.ts";
import { driverOptions } from "./vocabulary.ts";

/** Checks references the form can't: priorities, organisations and drivers of this partnership. */
async function checkReferences(
  db: Executor,
  actor: Actor,
  partnership: PartnershipRow,
  input: ActionInput,
): Promise<void> {
  const [priorities, members] = await Promise.all([
    listPriorities(db, partnership.id),
    repo.memberOrganisations(db, partnership.id),
  ]);
  const errors: FieldError[] = [];
  const priorityIds = new Set(priorities.map((row) => row.id));
  const memberIds = new Set(members.map((row) => row.id));
  const driverCodes = new Set(driverOptions(partnership.nation).map((item) => item.code));
  if (input.priorityIds.some((id) => !priorityIds.has(id)))
    errors.push({ field: "priorityIds", message: "Select priorities from this partnership's strategy" });
  if (!memberIds.has(input.leadOrganisationId)) {
    errors.push({
      field: "leadOrganisationId",
      message: "Select a lead organisation that is a member of the partnership",
    });
  } else if (!canUpdateAction(actor, partnership, input.leadOrganisationId)) {
    errors.push({
      field: "leadOrganisationId",
      message: "You can only add or change actions that your organisation leads",
    });
  }
  if (input.partnerIds.some((id) => !memberIds.has(id)))
    errors.push({ field: "partnerIds", message: "Select contributing partners from the partnership's members" });
  if (input.drivers.some((code) => !driverCodes.has(code)))
    errors.push({ field: "drivers", message: "Select drivers from the list" });
  if (errors.length) throw AppError.validation(errors);
}

function actionValues(input: ActionInput) {
  return {
    reference: input.reference,
    title: input.title,
    description: input.description,
    leadOrganisationId: input.leadOrganisationId,
    startDate: input.startDate,
    endDate: input.endDate,
    drivers: input.drivers,
    familyTypes: input.familyTypes,
    incomeMaximisation: input.flags.includes("income-maximisation"),
    protectedCharacteristics: input.flags.includes("protected-characteristics"),
  };
}

export async function createAction(
  db: Db,
  audit: AuditContext,
  actor: Actor,
  partnership: PartnershipRow,
  input: ActionInput,
) {
  return db.transaction(async (tx) => {
    await checkReferences(tx, actor, partnership, input);
    const [row] = await repo.insertActions(tx, [{ ...actionValues(input), partnershipId: partnership.id }]);
    await repo.setPriorities(tx, partnership.id, row!.id, input.priorityIds);
    await repo.setPartners(
      tx,
      partnership.id,
      row!.id,
      input.partnerIds.filter((id) => id !== input.leadOrganisationId),
    );
    await recordAudit(tx, audit, {
      action: "action.create",
      entityType: "action",
      entityId: row!.id,
      partnershipId: partnership.id,
      after: { ...row, priorityIds: input.priorityIds, partnerIds: input.partnerIds },
    });
    return row!;
  });
}

export async function editAction(
  db: Db,
  audit: AuditContext,
  actor: Actor,
  partnership: PartnershipRow,
  before: repo.ActionRow,
  input: ActionInput,
) {
  return db.transaction(async (tx) => {
    await checkReferences(tx, actor, partnership, input);
    const after = await repo.updateAction(tx, partnership.id, before.id, actionValues(input));
    await repo.setPriorities(tx, partnership.id, before.id, input.priorityIds);
    await repo.setPartners(
      tx,
      partnership.id,
      before.id,
      input.partnerIds.filter((id) => id !== input.leadOrganisationId),
    );
    await recordAudit(tx, audit, {
      action: "action.update",
      entityType: "action",
      entityId: before.id,
      partnershipId: partnership.id,
      before,
      after: { ...after, priorityIds: input.priorityIds, partnerIds: input.partnerIds },
    });
    return after;
  });
}

export async function removeAction(db: Db, audit: AuditContext, partnershipId: string, actionId: string) {
  await db.transaction(async (tx) => {
    const before = await repo.deleteAction(tx, partnershipId, actionId);
    if (!before) throw AppError.notFound();
    await deleteEvidenceFor(tx, partnershipId, "action", [actionId]);
    await recordAudit(tx, audit, {
      action: "action.delete",
      entityType: "action",
      entityId: actionId,
      partnershipId,
      before,
    });
  });
}

export async function addBudget(
  db: Executor,
  audit: AuditContext,
  partnershipId: string,
  actionId: string,
  input: BudgetInput,
) {
  return db.transaction(async (tx) => {
    const [row] = await repo.insertBudgets(tx, [
      { ...input, amountPence: input.amountPence ?? 0, partnershipId, actionId },
    ]);
    await recordAudit(tx, audit, {
      action: "action.budget.create",
      entityType: "action_budget",
      entityId: row!.id,
      partnershipId,
      after: row,
    });
    return row!;
  });
}

export async function addIndicator(
  db: Executor,
  audit: AuditContext,
  partnershipId: string,
  actionId: string,
  input: IndicatorInput,
) {
  return db.transaction(async (tx) => {
    const row = await repo.insertIndicator(tx, { ...input, partnershipId, actionId });
    await recordAudit(tx, audit, {
      action: "action.indicator.create",
      entityType: "action_indicator",
      entityId: row.id,
      partnershipId,
      after: row,
    });
    return row;
  });
}

export async function addMilestone(
  db: Executor,
  audit: AuditContext,
  partnershipId: string,
  actionId: string,
  input: MilestoneInput,
) {
  return db.transaction(async (tx) => {
    const row = await repo.insertMilestone(tx, { ...input, partnershipId, actionId });
    await recordAudit(tx, audit, {
      action: "action.milestone.create",
      entityType: "action_milestone",
      entityId: row.id,
      partnershipId,
      after: row,
    });
    return row;
  });
}

/** Ticks a milestone off (today, or the given date) or un-ticks it. */
export async function markMilestone(
  db: Executor,
  audit: AuditContext,
  partnershipId: string,
  actionId: string,
  milestoneId: string,
  doneDate: string | null,
) {
  return db.transaction(async (tx) => {
    const after = await repo.setMilestoneDone(tx, partnershipId, actionId, milestoneId, doneDate);
    if (!after) throw AppError.notFound();
    await recordAudit(tx, audit, {
      action: doneDate ? "action.milestone.done" : "action.milestone.reopen",
      entityType: "action_milestone",
      entityId: milestoneId,
      partnershipId,
      after,
    });
    return after;
  });
}

export async function removeActionChild(
  db: Db,
  audit: AuditContext,
  partnershipId: string,
  actionId: string,
  kind: repo.ActionChild,
  id: string,
) {
  await db.transaction(async (tx) => {
    const before = await repo.deleteActionChild(tx, kind, partnershipId, actionId, id);
    if (!before) throw AppError.notFound();
    await recordAudit(tx, audit, {
      action: `action.${kind}.delete`,
      entityType: `action_${kind}`,
      entityId: id,
      partnershipId,
      before,
    });
  });
}
