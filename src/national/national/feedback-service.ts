import type { Actor } from "../../kernel/auth/policy.ts";
import { type AuditContext, recordAudit } from "../../kernel/audit/audit.ts";
import type { Db } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import type { PartnershipStatusSource } from "./status-source.ts";
import { findFeedback, insertFeedback, updateFeedbackReply, updateFeedbackStatus } from "./repository.ts";

/** A reviewer's comment on a section of one reporting year's report. */
export async function createFeedback(
  db: Db,
  audit: AuditContext,
  actor: Actor,
  partnershipId: string,
  reportingYear: string,
  form: { section: string; comment: string; status: string },
  source: PartnershipStatusSource,
) {
  // Feedback points at the year's report in the reports domain when there is one.
  const reportRef = (await source.reports(db, [partnershipId], reportingYear)).get(partnershipId)?.reportRef ?? null;
  return db.transaction(async (tx) => {
    const row = await insertFeedback(tx, {
      partnershipId,
      reportingYear,
      reportRef,
      ...form,
      authorUserId: actor.userId,
      authorName: actor.name,
    });
    await recordAudit(tx, audit, {
      action: "review-feedback.create",
      entityType: "review_feedback",
      entityId: row.id,
      partnershipId,
      after: row,
    });
    return row;
  });
}

export async function changeStatus(db: Db, audit: AuditContext, partnershipId: string, id: string, status: string) {
  return db.transaction(async (tx) => {
    const before = await findFeedback(tx, partnershipId, id);
    if (!before) throw AppError.notFound();
    const after = await updateFeedbackStatus(tx, partnershipId, id, status);
    await recordAudit(tx, audit, {
      action: "review-feedback.status",
      entityType: "review_feedback",
      entityId: id,
      partnershipId,
      before: { status: before.status },
      after: { status },
    });
    return after;
  });
}

/** The lead's reply to a comment, and whether it is addressed; audited with what it replaced. */
export async function replyToFeedback(
  db: Db,
  audit: AuditContext,
  actor: Actor,
  partnershipId: string,
  id: string,
  form: { reply: string; addressed: boolean },
) {
  return db.transaction(async (tx) => {
    const before = await findFeedback(tx, partnershipId, id);
    if (!before) throw AppError.notFound();
    const after = await updateFeedbackReply(tx, partnershipId, id, {
      reply: form.reply,
      repliedByName: actor.name,
      addressed: form.addressed,
    });
    await recordAudit(tx, audit, {
      action: "review-feedback.reply",
      entityType: "review_feedback",
      entityId: id,
      partnershipId,
      before: { reply: before.reply, addressedAt: before.addressedAt },
      after: { reply: after.reply, addressedAt: after.addressedAt },
    });
    return after;
  });
}
