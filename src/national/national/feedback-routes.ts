import type { FastifyInstance, FastifyRequest } from "fastify";
import { type Actor, can, type Nation } from "../../kernel/auth/policy.ts";
import { type AuditContext, recordAudit } from "../../kernel/audit/audit.ts";
import type { Db } from "../../kernel/db/database.ts";
import { AppError, type FieldError } from "../../kernel/errors/app-error.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { parseForm } from "../../kernel/http/forms.ts";
import { parseParams, partnershipChildParams, partnershipParams } from "../../kernel/http/params.ts";
import { currentReportingYear, londonToday } from "../../kernel/time.ts";
import { partnershipFor, type PartnershipRow } from "../../workspace/partnerships/index.ts";
import { noRecordsStatusSource, type PartnershipStatusSource } from "./status-source.ts";
import { findFeedback, insertFeedback, listFeedback, updateFeedbackStatus } from "./repository.ts";
import { feedbackForm, feedbackStatuses, feedbackStatusForm, feedbackStatusLabels } from "./schemas.ts";

/** Reviewers are the nation's coordinators (and platform admins); readers add the partnership's lead. */
function access(actor: Actor | null, partnership: PartnershipRow) {
  const nation = partnership.nation as Nation;
  const canReview = can(actor, "nation:read", { nation });
  const canRead = canReview || can(actor, "partnership:manage", { partnershipId: partnership.id, nation });
  return { canReview, canRead };
}

async function createFeedback(
  db: Db,
  audit: AuditContext,
  actor: Actor,
  partnershipId: string,
  form: { section: string; comment: string; status: string },
  source: PartnershipStatusSource,
) {
  const reportingYear = currentReportingYear(londonToday());
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

async function changeStatus(db: Db, audit: AuditContext, partnershipId: string, id: string, status: string) {
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

export function registerFeedbackRoutes(
  app: FastifyInstance,
  { db }: AppContext,
  source: PartnershipStatusSource = noRecordsStatusSource,
): void {
  async function page(
    request: FastifyRequest,
    partnership: PartnershipRow,
    extra: { errors?: FieldError[]; values?: Record<string, unknown>; flash?: string } = {},
  ) {
    const rows = await listFeedback(db, partnership.id);
    return {
      title: `Review feedback – ${partnership.name}`,
      partnership,
      rows,
      reportingYear: currentReportingYear(londonToday()),
      canReview: access(request.actor, partnership).canReview,
      statusItems: feedbackStatuses.map((value) => ({ value, text: feedbackStatusLabels[value] })),
      statusLabels: feedbackStatusLabels,
      errors: extra.errors,
      values: extra.values ?? { status: "requested" },
      flash: extra.flash,
    };
  }

  async function load(request: FastifyRequest, write: boolean) {
    const { id } = parseParams(partnershipParams.loose(), request.params);
    const partnership = await partnershipFor(db, request.actor, id, "partnership:read");
    const rights = access(request.actor, partnership);
    if (!rights.canRead || (write && !rights.canReview)) throw AppError.forbidden();
    return partnership;
  }

  app.get("/partnerships/:id/feedback", async (request, reply) => {
    const partnership = await load(request, false);
    const flash = (request.query as { saved?: string }).saved ? "The feedback has been saved" : undefined;
    return reply.view("national/views/feedback.njk", await page(request, partnership, { flash }));
  });

  app.post("/partnerships/:id/feedback", async (request, reply) => {
    const partnership = await load(request, true);
    const form = parseForm(feedbackForm, request.body);
    if (!form.ok) return reply.code(400).view("national/views/feedback.njk", await page(request, partnership, form));
    await createFeedback(db, request.auditContext(), request.actor!, partnership.id, form.data, source);
    return reply.redirect(`/partnerships/${partnership.id}/feedback?saved=1`, 303);
  });

  app.post("/partnerships/:id/feedback/:childId", async (request, reply) => {
    const { childId } = parseParams(partnershipChildParams, request.params);
    const partnership = await load(request, true);
    const form = parseForm(feedbackStatusForm, request.body);
    if (!form.ok) throw new AppError("BAD_REQUEST", "Select a status for the feedback");
    await changeStatus(db, request.auditContext(), partnership.id, childId, form.data.status);
    return reply.redirect(`/partnerships/${partnership.id}/feedback?saved=1`, 303);
  });
}
