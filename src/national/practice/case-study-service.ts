import { type AuditContext, recordAudit } from "../../kernel/audit/audit.ts";
import type { Db } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { sanitizeRichText } from "../../kernel/views/rich-text.ts";
import * as repo from "./repository.ts";
import type { ProposalForm, ReviewForm } from "./schemas.ts";

interface ProposingAction {
  id: string;
  partnershipId: string;
  drivers: string[];
  familyTypes: string[];
}

/**
 * A partnership proposes one of its actions as a case study. One open proposal per action:
 * proposing again while one is waiting or was returned changes and resubmits that one.
 */
export async function proposeCaseStudy(
  db: Db,
  audit: AuditContext,
  input: {
    partnership: { id: string; nation: string };
    action: ProposingAction;
    author: { userId: string; name: string };
    form: ProposalForm;
  },
) {
  const { partnership, action, author, form } = input;
  return db.transaction(async (tx) => {
    const open = (await repo.proposalsForAction(tx, partnership.id, action.id)).find((row) =>
      ["proposed", "returned"].includes(row.status),
    );
    // The action's own tags: drivers in Scotland, building blocks elsewhere (the nation's framework).
    const scottish = partnership.nation === "scotland";
    const values = {
      title: form.title,
      summary: form.summary,
      body: sanitizeRichText(form.body, "page"),
      status: "proposed",
      reviewNote: null,
      proposedBy: author.userId,
      proposerName: author.name,
    };
    const row = open
      ? await repo.updateEntry(tx, open.id, values)
      : await repo.insertEntry(tx, {
          ...values,
          kind: "case-study",
          nation: partnership.nation,
          drivers: scottish ? action.drivers : [],
          buildingBlocks: scottish ? [] : action.drivers,
          familyTypes: action.familyTypes,
          visibility: "signed-in",
          partnershipId: partnership.id,
          sourceActionId: action.id,
        });
    await recordAudit(tx, audit, {
      action: open ? "practice-entry.resubmit" : "practice-entry.propose",
      entityType: "practice_entry",
      entityId: row.id,
      partnershipId: partnership.id,
      after: { title: row.title, status: row.status, sourceActionId: action.id },
    });
    return row;
  });
}

/**
 * The coordinator's review: publish (rating its evidence and cost, and the source action then
 * cites it), return for changes, or decline, with a note the partnership reads.
 */
export async function reviewProposal(db: Db, audit: AuditContext, entryId: string, form: ReviewForm) {
  return db.transaction(async (tx) => {
    const before = await repo.findEntry(tx, entryId);
    if (!before) throw AppError.notFound();
    if (before.status !== "proposed")
      throw new AppError("CONFLICT", "Only a proposal waiting for review can be reviewed");
    const status = form.decision === "publish" ? "published" : form.decision === "return" ? "returned" : "declined";
    const after = await repo.updateEntry(tx, entryId, {
      status,
      reviewNote: form.note || null,
      ...(form.decision === "publish"
        ? {
            evidenceLevel: form.evidenceLevel,
            costBand: form.costBand,
            visibility: form.visibility,
            publishedAt: new Date(),
          }
        : {}),
    });
    if (status === "published" && before.sourceActionId && before.partnershipId) {
      await repo.insertCitation(tx, {
        actionId: before.sourceActionId,
        entryId,
        partnershipId: before.partnershipId,
        citedBy: audit.actorUserId,
      });
    }
    await recordAudit(tx, audit, {
      action: `practice-entry.review-${form.decision}`,
      entityType: "practice_entry",
      entityId: entryId,
      partnershipId: before.partnershipId,
      before: { status: before.status },
      after: { status, evidenceLevel: after.evidenceLevel, costBand: after.costBand, note: form.note },
    });
    return after;
  });
}
