import type { FastifyInstance, FastifyRequest } from "fastify";
import { type Actor, can, type Nation } from "../../kernel/auth/policy.ts";
import { AppError, type FieldError } from "../../kernel/errors/app-error.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { formRoute } from "../../kernel/forms/index.ts";
import { nationalPaths } from "./paths.ts";
import { londonToday, reportingYearChoices, reportingYearFrom } from "../../kernel/time.ts";
import type { PartnershipRow } from "../../workspace/partnerships/index.ts";
import { changeStatus, createFeedback, replyToFeedback } from "./feedback-service.ts";
import { noRecordsStatusSource, type PartnershipStatusSource } from "./status-source.ts";
import { feedbackYears, listFeedback } from "./repository.ts";
import {
  feedbackForm,
  feedbackReplyForm,
  feedbackStatuses,
  feedbackStatusForm,
  feedbackStatusLabels,
} from "./schemas.ts";

/** Reviewers are the nation's coordinators (and platform admins); readers add the partnership's lead, who replies. */
function access(actor: Actor | null, partnership: PartnershipRow) {
  const nation = partnership.nation as Nation;
  const canReview = can(actor, "nation:read", { nation });
  const canReply = can(actor, "partnership:manage", { partnershipId: partnership.id, nation });
  return { canReview, canReply, canRead: canReview || canReply };
}

const feedbackUrl = (id: string, year: string) =>
  `${nationalPaths.feedback(id)}?${new URLSearchParams({ year }).toString()}`;

export function registerFeedbackRoutes(
  app: FastifyInstance,
  { db }: AppContext,
  source: PartnershipStatusSource = noRecordsStatusSource,
): void {
  async function page(
    request: FastifyRequest,
    partnership: PartnershipRow,
    reportingYear: string,
    extra: {
      errors?: FieldError[];
      values?: Record<string, unknown>;
      replyValues?: Record<string, unknown>;
      flash?: string;
    } = {},
  ) {
    const [rows, years] = await Promise.all([
      listFeedback(db, partnership.id, reportingYear),
      feedbackYears(db, partnership.id),
    ]);
    const rights = access(request.actor, partnership);
    return {
      title: `Review feedback – ${partnership.name}`,
      partnership,
      rows,
      reportingYear,
      yearItems: reportingYearChoices(londonToday(), [...years, reportingYear]).map((year) => ({
        value: year,
        text: year,
      })),
      canReview: rights.canReview,
      canReply: rights.canReply,
      statusItems: feedbackStatuses.map((value) => ({ value, text: feedbackStatusLabels[value] })),
      statusLabels: feedbackStatusLabels,
      errors: extra.errors,
      values: extra.values ?? { status: "requested" },
      replyValues: extra.replyValues ?? {},
      flash: extra.flash,
    };
  }

  // The routes' needs load the partnership (read); who may review or reply is decided here.
  async function load(request: FastifyRequest, need: "read" | "review" | "reply") {
    const partnership = request.partnership;
    const rights = access(request.actor, partnership);
    const allowed = need === "read" ? rights.canRead : need === "review" ? rights.canReview : rights.canReply;
    if (!allowed) throw AppError.forbidden();
    return partnership;
  }

  const read = { partnership: "partnership:read" } as const;
  const yearOf = (value: unknown) => reportingYearFrom(value, londonToday());

  /** The year the page is about: the query's on the page, the form's hidden field on a post. */
  const yearAsked = (request: FastifyRequest) =>
    yearOf(
      request.method === "POST"
        ? (request.body as { year?: unknown } | undefined)?.year
        : (request.query as { year?: unknown }).year,
    );

  // The page carries the reviewers' form: reading it needs "read", posting it "review" (decided in load).
  formRoute(app, {
    path: nationalPaths.feedback,
    needs: read,
    load: (ctx) => load(ctx.request, ctx.request.method === "POST" ? "review" : "read"),
    template: "national/views/feedback.njk",
    view: (ctx) => page(ctx.request, ctx.record, yearAsked(ctx.request)),
    initial: () => ({ status: "requested" }),
    schema: feedbackForm,
    save: async (ctx, data) => {
      const year = yearAsked(ctx.request);
      await createFeedback(db, ctx.audit, ctx.request.actor!, ctx.record.id, year, data, source);
      return feedbackUrl(ctx.record.id, year);
    },
    flash: "The feedback has been saved",
  });

  // The status and reply forms sit on the feedback page: a rejected post draws it again, with the
  // error keyed to the row's own select or reply box so the summary's link reaches it.
  const keyedTo = (errors: FieldError[], field: string) => errors.map((error) => ({ ...error, field }));
  const postedYear = (request: FastifyRequest) => yearOf((request.body as { year?: unknown } | undefined)?.year);

  formRoute(app, {
    path: nationalPaths.feedbackStatus,
    needs: read,
    load: (ctx) => load(ctx.request, "review"),
    schema: feedbackStatusForm,
    page: async (ctx, shown) => ({
      template: "national/views/feedback.njk",
      view: await page(ctx.request, ctx.record, postedYear(ctx.request), {
        errors: keyedTo(shown.errors, `status-${ctx.params.childId}`),
      }),
    }),
    save: async (ctx, data) => {
      const row = await changeStatus(db, ctx.audit, ctx.record.id, ctx.params.childId, data.status);
      return feedbackUrl(ctx.record.id, row.reportingYear);
    },
    flash: "The feedback has been saved",
  });

  formRoute(app, {
    path: nationalPaths.feedbackReply,
    needs: read,
    load: (ctx) => load(ctx.request, "reply"),
    schema: feedbackReplyForm,
    page: async (ctx, shown) => ({
      template: "national/views/feedback.njk",
      view: await page(ctx.request, ctx.record, postedYear(ctx.request), {
        errors: keyedTo(shown.errors, `reply-${ctx.params.childId}`),
        replyValues: { [ctx.params.childId]: shown.values },
      }),
    }),
    save: async (ctx, data) => {
      const row = await replyToFeedback(db, ctx.audit, ctx.request.actor!, ctx.record.id, ctx.params.childId, data);
      return {
        redirect: feedbackUrl(ctx.record.id, row.reportingYear),
        flash: row.addressedAt
          ? "Your reply has been saved and the feedback marked as addressed"
          : "Your reply has been saved",
      };
    },
  });
}
