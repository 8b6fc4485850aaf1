import { type AuditContext, recordAudit } from "../../kernel/audit/audit.ts";
import type { Db } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import * as repo from "./repository.ts";

/** An action cites a published library entry; citing it twice changes nothing. */
export async function citeEntry(
  db: Db,
  audit: AuditContext,
  target: { partnershipId: string; actionId: string; entryId: string },
) {
  return db.transaction(async (tx) => {
    const entry = await repo.findEntry(tx, target.entryId);
    if (entry?.status !== "published")
      throw AppError.validation([{ field: "entryId", message: "Select a published entry of the library to cite" }]);
    const row = await repo.insertCitation(tx, { ...target, citedBy: audit.actorUserId });
    if (row) {
      await recordAudit(tx, audit, {
        action: "practice-citation.add",
        entityType: "action",
        entityId: target.actionId,
        partnershipId: target.partnershipId,
        after: { entryId: entry.id, title: entry.title },
      });
    }
    return entry;
  });
}

export async function uncite(
  db: Db,
  audit: AuditContext,
  target: { partnershipId: string; actionId: string; entryId: string },
) {
  await db.transaction(async (tx) => {
    const removed = await repo.deleteCitation(tx, target.partnershipId, target.actionId, target.entryId);
    if (!removed) throw AppError.notFound();
    await recordAudit(tx, audit, {
      action: "practice-citation.remove",
      entityType: "action",
      entityId: target.actionId,
      partnershipId: target.partnershipId,
      before: { entryId: target.entryId },
    });
  });
}
