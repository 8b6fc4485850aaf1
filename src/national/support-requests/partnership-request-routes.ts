import type { FastifyInstance, FastifyRequest } from "fastify";
import { londonToday } from "../../kernel/time.ts";
import type { z } from "zod";
import type { Nation } from "../../kernel/auth/policy.ts";
import { AppError, type FieldError } from "../../kernel/errors/app-error.ts";
import { formRoute } from "../../kernel/forms/index.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import type { Path } from "../../kernel/http/paths.ts";
import type { LoadedPartnership } from "../../kernel/http/pipeline.ts";
import { found, may, needs } from "../../kernel/http/pipeline.ts";

import { findGroup, hubBase, listMembers } from "../partners-group/index.ts";
import { requestActivities } from "./extension-points.ts";
import { requestFields } from "./fields.ts";
import { authorOf, notifyLater } from "./hub-request-routes.ts";
import { labelled } from "./labels.ts";
import { canClose, canReply } from "./lifecycle.ts";
import { requestPaths as paths } from "./paths.ts";
import { findPartnershipRequest, listMessages, type RequestView } from "./repository.ts";
import { closeRequest, createRequest, postMessage, type RequestEvent } from "./request-service.ts";
import { closeForm, replyForm, requestForm } from "./schemas.ts";
import { ratingLabels, type RequestStatus, requestStatusLabels } from "./vocabulary.ts";

/** A partnership's side of its requests: ask, follow the thread (never the hub's private notes), reply, close. */
export function registerPartnershipRequestRoutes(app: FastifyInstance, context: AppContext): void {
  const { db } = context;

  async function groupOf(partnership: LoadedPartnership) {
    const group = await findGroup(db, partnership.nation);
    if (!group) throw AppError.notFound("There is no national partners group for this nation in the service yet");
    return group;
  }

  formRoute(app, {
    path: paths.add,
    needs: { partnership: "partnership:manage" },
    load: async (ctx) => {
      const group = await groupOf(ctx.partnership);
      return { group, members: await listMembers(db, group.id) };
    },
    title: "Request support from national partners",
    caption: (ctx) => ctx.partnership.name,
    intro: "The national coordinator reads every request and assigns it to the member body best placed to help.",
    fields: (ctx) => requestFields(ctx.partnership.nation, ctx.record.members),
    schema: (ctx) => requestForm(ctx.partnership.nation),
    initial: (ctx) => {
      const type = (ctx.request.query as { type?: string }).type;
      return { urgency: "routine", preferredMemberId: "", ...(type ? { supportType: type } : {}) };
    },
    save: async (ctx, data) => {
      const event = await createRequest(db, ctx.audit, {
        groupId: ctx.record.group.id,
        partnershipId: ctx.partnership.id,
        author: authorOf(ctx.request),
        form: data,
      });
      notifyLater(context, ctx.request, ctx.partnership.nation, event);
      return paths.request(ctx.partnership.id, event.request.id);
    },
    submitText: "Send the request",
    flash: "Your request has been sent to the national partners",
    back: (ctx) => paths.support(ctx.partnership.id),
  });

  const template = "support-requests/views/partnership-request.njk";
  async function view(
    request: FastifyRequest,
    record: RequestView,
    form?: { name: string; values: Record<string, unknown>; errors: FieldError[] },
  ) {
    const partnership = request.partnership;
    const status = record.status as RequestStatus;
    const [messages, activities, mergedInto] = await Promise.all([
      listMessages(db, record.id, false),
      context.extensions.optional(requestActivities)?.(db, [record.id]),
      record.mergedIntoId
        ? findPartnershipRequest(db, partnership.id, record.mergedIntoId)
        : Promise.resolve(undefined),
    ]);
    const view = labelled(record, londonToday());
    return {
      title: `${record.topic} – ${partnership.name}`,
      partnership,
      request: view,
      labels: view.labels,
      statusTag: view.statusTag,
      overdue: view.overdue,
      messages,
      statusLabels: requestStatusLabels,
      activities: activities?.get(record.id) ?? [],
      mergedInto,
      hubBase: hubBase(partnership.nation as Nation),
      canReply: canReply(status) && may(request, "partnership:edit"),
      canClose: canClose(status) && may(request, "partnership:manage"),
      ratingItems: Object.entries(ratingLabels).map(([value, text]) => ({ value, text })),
      form: form?.name,
      values: form?.values ?? {},
      errors: form?.errors ?? [],
    };
  }

  app.get(paths.request.pattern, needs(paths.request, { partnership: "partnership:read" }), async (request, reply) =>
    reply.view(
      template,
      await view(request, found(await findPartnershipRequest(db, request.partnership.id, request.params.requestId))),
    ),
  );

  function action<S extends z.ZodType>(
    target: Path<(typeof paths.reply | typeof paths.close)["pattern"]>,
    need: "partnership:edit" | "partnership:manage",
    name: string,
    schema: S,
    run: (request: Parameters<typeof authorOf>[0], record: RequestView, data: z.output<S>) => Promise<RequestEvent>,
    flash: string,
  ) {
    // The reply and close forms sit on the request's page: a rejected post draws it again.
    formRoute(app, {
      path: target,
      needs: { partnership: need },
      load: (ctx) => findPartnershipRequest(db, ctx.partnership.id, ctx.params.requestId),
      schema,
      page: async (ctx, shown) => ({ template, view: await view(ctx.request, ctx.record, { name, ...shown }) }),
      save: async (ctx, data) => {
        const event = await run(ctx.request, ctx.record, data);
        notifyLater(context, ctx.request, ctx.partnership.nation, event);
        return paths.request(ctx.partnership.id, ctx.record.id);
      },
      flash,
    });
  }

  action(
    paths.reply,
    "partnership:edit",
    "reply",
    replyForm.pick({ body: true }),
    (request, record, data) =>
      postMessage(db, request.auditContext(), record, authorOf(request), "local", {
        body: data.body,
        visibility: "message",
        moveTo: "",
      }),
    "Your message has been sent",
  );
  action(
    paths.close,
    "partnership:manage",
    "close",
    closeForm,
    (request, record, data) => closeRequest(db, request.auditContext(), record, authorOf(request), data),
    "The request has been closed. Thank you for your feedback",
  );
}
