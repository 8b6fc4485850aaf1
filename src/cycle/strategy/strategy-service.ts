import type { AuditContext } from "../../kernel/audit/audit.ts";
import { recordAudit } from "../../kernel/audit/audit.ts";
import type { Db, Executor } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import * as repo from "./repository.ts";
import type {
  ChoiceInput,
  EvidenceInput,
  PriorityInput,
  RelatedInput,
  SignOffInput,
  StrategyInput,
} from "./schemas.ts";

/** Everything the strategy page shows, loaded in parallel. */
export async function loadStrategyPage(db: Executor, partnershipId: string) {
  const [strategy, priorities, choices, related, signOffs, evidence] = await Promise.all([
    repo.findStrategy(db, partnershipId),
    repo.listPriorities(db, partnershipId),
    repo.listChoices(db, partnershipId),
    repo.listRelated(db, partnershipId),
    repo.listSignOffs(db, partnershipId),
    repo.listEvidence(db, partnershipId, "priority"),
  ]);
  return { strategy, priorities, choices, related, signOffs, evidence };
}

async function requireStrategy(db: Executor, partnershipId: string) {
  const strategy = await repo.findStrategy(db, partnershipId);
  if (!strategy) {
    throw AppError.validation(
      [{ field: "form", message: "Set up the strategy (its period and vision) first" }],
      "No strategy yet",
    );
  }
  return strategy;
}

export async function saveStrategy(db: Db, audit: AuditContext, partnershipId: string, input: StrategyInput) {
  return db.transaction(async (tx) => {
    const before = await repo.findStrategy(tx, partnershipId);
    if (input.status === "signed-off" && (await repo.listSignOffs(tx, partnershipId)).length === 0) {
      throw AppError.validation([
        { field: "status", message: "Record who signed off the strategy before marking it signed off" },
      ]);
    }
    const after = before
      ? await repo.updateStrategy(tx, partnershipId, input)
      : await repo.insertStrategy(tx, { ...input, partnershipId });
    await recordAudit(tx, audit, {
      action: before ? "strategy.update" : "strategy.create",
      entityType: "strategy",
      entityId: after.id,
      partnershipId,
      before,
      after,
    });
    return after;
  });
}

export async function addPriority(db: Db, audit: AuditContext, partnershipId: string, input: PriorityInput) {
  return db.transaction(async (tx) => {
    const strategy = await requireStrategy(tx, partnershipId);
    const existing = await repo.listPriorities(tx, partnershipId);
    const position = input.position ?? existing.reduce((max, row) => Math.max(max, row.position), 0) + 1;
    const row = await repo.insertPriority(tx, {
      partnershipId,
      strategyId: strategy.id,
      title: input.title,
      description: input.description,
      position,
    });
    await recordAudit(tx, audit, {
      action: "strategy.priority.create",
      entityType: "strategy_priority",
      entityId: row.id,
      partnershipId,
      after: row,
    });
    return row;
  });
}

export async function editPriority(
  db: Db,
  audit: AuditContext,
  partnershipId: string,
  id: string,
  input: PriorityInput,
) {
  return db.transaction(async (tx) => {
    const before = await repo.findPriority(tx, partnershipId, id);
    if (!before) throw AppError.notFound();
    const after = await repo.updatePriority(tx, partnershipId, id, {
      title: input.title,
      description: input.description,
      position: input.position ?? before.position,
    });
    await recordAudit(tx, audit, {
      action: "strategy.priority.update",
      entityType: "strategy_priority",
      entityId: id,
      partnershipId,
      before,
      after,
    });
    return after!;
  });
}

export async function removePriority(db: Db, audit: AuditContext, partnershipId: string, id: string) {
  await db.transaction(async (tx) => {
    const before = await repo.deletePriority(tx, partnershipId, id);
    if (!before) throw AppError.notFound();
    await recordAudit(tx, audit, {
      action: "strategy.priority.delete",
      entityType: "strategy_priority",
      entityId: id,
      partnershipId,
      before,
    });
  });
}

export async function addChoice(db: Db, audit: AuditContext, partnershipId: string, input: ChoiceInput) {
  return db.transaction(async (tx) => {
    const strategy = await requireStrategy(tx, partnershipId);
    const row = await repo.insertChoice(tx, { ...input, partnershipId, strategyId: strategy.id });
    await recordAudit(tx, audit, {
      action: "strategy.choice.create",
      entityType: "strategic_choice",
      entityId: row.id,
      partnershipId,
      after: row,
    });
    return row;
  });
}

export async function addRelated(db: Db, audit: AuditContext, partnershipId: string, input: RelatedInput) {
  return db.transaction(async (tx) => {
    const strategy = await requireStrategy(tx, partnershipId);
    const row = await repo.insertRelated(tx, { ...input, partnershipId, strategyId: strategy.id });
    await recordAudit(tx, audit, {
      action: "strategy.related.create",
      entityType: "related_strategy",
      entityId: row.id,
      partnershipId,
      after: row,
    });
    return row;
  });
}

export async function addSignOff(db: Db, audit: AuditContext, partnershipId: string, input: SignOffInput) {
  return db.transaction(async (tx) => {
    const strategy = await requireStrategy(tx, partnershipId);
    const row = await repo.insertSignOff(tx, { ...input, partnershipId, strategyId: strategy.id });
    await recordAudit(tx, audit, {
      action: "strategy.sign_off.create",
      entityType: "strategy_sign_off",
      entityId: row.id,
      partnershipId,
      after: row,
    });
    return row;
  });
}

export async function removeChild(
  db: Db,
  audit: AuditContext,
  partnershipId: string,
  kind: repo.StrategyChild,
  id: string,
) {
  await db.transaction(async (tx) => {
    const before = await repo.deleteChild(tx, kind, partnershipId, id);
    if (!before) throw AppError.notFound();
    await recordAudit(tx, audit, {
      action: `strategy.${kind.replace("-", "_")}.delete`,
      entityType: `strategy_${kind}`,
      entityId: id,
      partnershipId,
      before,
    });
  });
}

/**
 * Links a priority or an action to evidence. The caller has checked the subject belongs to
 * the partnership (and the actor's right to change it).
 */
export async function addEvidence(
  db: Executor,
  audit: AuditContext,
  partnershipId: string,
  subject: { type: "priority" | "action"; id: string },
  input: EvidenceInput,
) {
  const write = async (tx: Executor) => {
    const row = await repo.insertEvidence(tx, {
      ...input,
      partnershipId,
      subjectType: subject.type,
      subjectId: subject.id,
    });
    await recordAudit(tx, audit, {
      action: "evidence_link.create",
      entityType: "evidence_link",
      entityId: row.id,
      partnershipId,
      after: row,
    });
    return row;
  };
  // Inside an open transaction this becomes a savepoint.
  return db.transaction(write);
}

export async function removeEvidence(
  db: Db,
  audit: AuditContext,
  partnershipId: string,
  subject: { type: string; id: string },
  id: string,
) {
  await db.transaction(async (tx) => {
    const before = await repo.deleteEvidence(tx, partnershipId, id);
    if (!before || before.subjectType !== subject.type || before.subjectId !== subject.id) throw AppError.notFound();
    await recordAudit(tx, audit, {
      action: "evidence_link.delete",
      entityType: "evidence_link",
      entityId: id,
      partnershipId,
      before,
    });
  });
}
