import { type AuditContext, recordAudit } from "../../kernel/audit/audit.ts";
import type { Db } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { sanitizeRichText } from "../../kernel/views/rich-text.ts";
import * as repo from "./repository.ts";
import type { EntryForm } from "./schemas.ts";

/** Proposals go through review (case-study-service.ts), not the entry form. */
const underReview = ["proposed", "returned", "declined"];

/** Creates (entryId null) or changes an entry written by a coordinator. The body is sanitised here. */
export async function saveEntry(db: Db, audit: AuditContext, entryId: string | null, form: EntryForm) {
  return db.transaction(async (tx) => {
    const before = entryId ? await repo.findEntry(tx, entryId) : undefined;
    if (entryId && !before) throw AppError.notFound();
    if (before && underReview.includes(before.status))
      throw new AppError("CONFLICT", "This case study is a partnership's proposal: review it rather than editing it");
    const values = {
      ...form,
      body: sanitizeRichText(form.body, "page"),
      publishedAt: form.status === "published" ? (before?.publishedAt ?? new Date()) : (before?.publishedAt ?? null),
    };
    const row = before ? await repo.updateEntry(tx, before.id, values) : await repo.insertEntry(tx, values);
    await recordAudit(tx, audit, {
      action: before ? "practice-entry.update" : "practice-entry.create",
      entityType: "practice_entry",
      entityId: row.id,
      before: before ? { title: before.title, status: before.status, evidenceLevel: before.evidenceLevel } : null,
      after: { title: row.title, status: row.status, evidenceLevel: row.evidenceLevel, visibility: row.visibility },
    });
    return row;
  });
}

export async function addAttachment(
  db: Db,
  audit: AuditContext,
  entryId: string,
  file: { fileName: string; contentType: string; sha256: string; content: Buffer },
) {
  return db.transaction(async (tx) => {
    const row = await repo.insertAttachment(tx, {
      entryId,
      ...file,
      sizeBytes: file.content.length,
      uploadedBy: audit.actorUserId,
    });
    await recordAudit(tx, audit, {
      action: "practice-entry.attachment-add",
      entityType: "practice_attachment",
      entityId: row.id,
      after: row,
    });
    return row;
  });
}

export async function removeAttachment(db: Db, audit: AuditContext, entryId: string, attachmentId: string) {
  await db.transaction(async (tx) => {
    const removed = await repo.deleteAttachment(tx, entryId, attachmentId);
    if (!removed) throw AppError.notFound();
    await recordAudit(tx, audit, {
      action: "practice-entry.attachment-remove",
      entityType: "practice_attachment",
      entityId: attachmentId,
      before: removed,
    });
  });
}
