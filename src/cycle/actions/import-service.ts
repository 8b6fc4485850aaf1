import { randomUUID } from "node:crypto";
import { type AuditContext, recordAudit } from "../../kernel/audit/audit.ts";
import type { Db, Executor } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import type { PartnershipRow } from "../../workspace/partnerships/index.ts";
import { listPriorities } from "../strategy/index.ts";
import type { ParsedSheet } from "./import-parse.ts";
import { type ImportError, validateImport } from "./import-validate.ts";
import * as repo from "./repository.ts";

export async function storeUpload(
  db: Executor,
  partnershipId: string,
  userId: string,
  fileName: string,
  sheet: ParsedSheet,
) {
  // Uploads are only kept while someone works through the steps.
  await repo.deleteImportsBefore(db, partnershipId, new Date(Date.now() - 24 * 60 * 60 * 1000));
  return repo.insertImport(db, { partnershipId, userId, fileName: fileName.slice(0, 200), ...sheet });
}

/** An upload of this partnership, by this person, not yet imported. */
export async function pendingImport(db: Executor, partnershipId: string, importId: string, userId: string) {
  const row = await repo.findImport(db, partnershipId, importId);
  if (!row || row.userId !== userId) throw AppError.notFound();
  if (row.importedAt) throw new AppError("CONFLICT", "This file has already been imported");
  return row;
}

async function references(db: Executor, partnership: PartnershipRow) {
  const [organisations, priorities, existing] = await Promise.all([
    repo.memberOrganisations(db, partnership.id),
    listPriorities(db, partnership.id),
    repo.listActions(db, partnership.id),
  ]);
  return {
    nation: partnership.nation,
    organisations,
    priorities,
    existingReferences: existing.map((row) => row.reference),
  };
}

export async function checkImport(db: Executor, partnership: PartnershipRow, upload: repo.ImportRow) {
  return validateImport(upload, upload.mapping ?? {}, await references(db, partnership));
}

export async function saveMapping(
  db: Executor,
  partnershipId: string,
  importId: string,
  mapping: Record<string, number>,
) {
  await repo.updateImport(db, partnershipId, importId, { mapping });
}

/** The checked plan has errors (rows and columns listed); nothing was imported. */
export class PlanHasErrors extends Error {
  constructor(readonly errors: ImportError[]) {
    super("The action plan has errors");
  }
}

/**
 * Imports every action of a checked upload in one transaction: if any row fails (even if the
 * plan changed since the check), nothing is imported.
 */
export async function confirmImport(
  db: Db,
  audit: AuditContext,
  partnership: PartnershipRow,
  upload: repo.ImportRow,
): Promise<number> {
  return db.transaction(async (tx) => {
    const { errors, drafts } = validateImport(upload, upload.mapping ?? {}, await references(tx, partnership));
    if (errors.length) throw new PlanHasErrors(errors);
    const partnershipId = partnership.id;
    const withIds = drafts.map((draft) => ({ ...draft, id: randomUUID() }));
    await repo.insertActions(
      tx,
      withIds.map(({ row: _row, priorityIds: _p, partnerIds: _o, budgets: _b, ...values }) => ({
        ...values,
        partnershipId,
      })),
    );
    await repo.insertLinks(
      tx,
      withIds.flatMap((draft) =>
        draft.priorityIds.map((priorityId) => ({ actionId: draft.id, priorityId, partnershipId })),
      ),
      withIds.flatMap((draft) =>
        draft.partnerIds.map((organisationId) => ({ actionId: draft.id, organisationId, partnershipId })),
      ),
    );
    await repo.insertBudgets(
      tx,
      withIds.flatMap((draft) => draft.budgets.map((line) => ({ ...line, actionId: draft.id, partnershipId }))),
    );
    for (const draft of withIds) {
      await recordAudit(tx, audit, {
        action: "action.create",
        entityType: "action",
        entityId: draft.id,
        partnershipId,
        after: draft,
      });
    }
    await repo.updateImport(tx, partnershipId, upload.id, { importedAt: new Date() });
    await recordAudit(tx, audit, {
      action: "action_plan.import",
      entityType: "action_import",
      entityId: upload.id,
      partnershipId,
      after: { fileName: upload.fileName, actions: withIds.length },
    });
    return withIds.length;
  });
}
