import type { FastifyInstance, FastifyRequest } from "fastify";
import { londonToday } from "../../kernel/time.ts";
import type { z } from "zod";
import { can, type Nation } from "../../kernel/auth/policy.ts";
import { AppError, type FieldError } from "../../kernel/errors/app-error.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { formRoute } from "../../kernel/forms/index.ts";
import type { Path } from "../../kernel/http/paths.ts";
import { found, needs, type ParsedRequest } from "../../kernel/http/pipeline.ts";

import { type HubView, hubFor, listMembers } from "../partners-group/index.ts";
import { supportTypes } from "../support-offer/index.ts";
import { requestActivities } from "./extension-points.ts";
import { labelled } from "./labels.ts";
import { canAssign, canDecline, canMerge, canReply, hubMoves } from "./lifecycle.ts";
import { notifyRequestEvent } from "./notify.ts";
import { requestPaths as paths } from "./paths.ts";
import { findGroupRequest, listGroupRequests, listMessages, mergeTargets, type RequestView } from "./repository.ts";
import {
  assignRequest,
  type Author,
  declineRequest,
  mergeRequest,
  postMessage,
  type RequestEvent,
} from "./request-service.ts";
import { assignForm, declineForm, mergeForm, replyForm, requestQuery } from "./schemas.ts";
import { openStatuses, type RequestStatus, requestStatuses, requestStatusLabels } from "./vocabulary.ts";

const read = { nation: "hub:read" } as const;

export function authorOf(request: FastifyRequest): Author {
  const actor = request.actor!;
  return { userId: actor.userId, name: actor.name, organisationId: actor.organisationId };
}

/** Sends the notifications of a change in the background: a slow or failing mail server never holds up the page. */
export function notifyLater(context: AppContext, request: FastifyRequest, nation: string, event: RequestEvent): void {
  const baseUrl = context.config.publicUrl ?? `${request.protocol}://${request.host}`;
  notifyRequestEvent(context.db, context.config, request.log, baseUrl, nation as never, event).catch((error: unknown) =>
    request.log.warn({ err: error, requestId: event.request.id }, "support request notification failed"),
  );
}

/** The hub side of support requests: the list, triage, the thread with private notes. */
export function registerHubRequestRoutes(app: FastifyInstance, context: AppContext): void {
  const { db } = context;
  const activitiesOf = async (ids: string[]) =>
    (await context.extensions.optional(requestActivities)?.(db, ids)) ?? new Map();

  app.get(paths.hubList.pattern, needs(paths.hubList, read), async (request, reply) => {
    const hub = await hubFor(db, request);
    const query = requestQuery.parse(request.query ?? {});
    const actor = request.actor!;
    const statuses: readonly RequestStatus[] | undefined =
      query.status === "all" ? undefined : query.status === "open" ? [...openStatuses, "done"] : [query.status];
    const assigned =
      query.assigned === "mine" ? actor.organisationId : query.assigned === "unassigned" ? null : query.assigned;
    const today = londonToday();
    const rows = (
      await listGroupRequests(db, hub.group.id, { statuses, supportType: query.type, assignedOrganisationId: assigned })
    ).map((row) => labelled(row, today));
    const members = await listMembers(db, hub.group.id);
    const option = (value: string, text: string, current: string | undefined) => ({
      value,
      text,
      selected: value === current,
    });
    return reply.view("support-requests/views/hub-requests.njk", {
      title: `Support requests – ${hub.group.name}`,
      hub,
      rows,
      statusItems: [
        option("open", "Open or awaiting close", query.status),
        option("all", "All", query.status),
        ...requestStatuses.map((status) => option(status, requestStatusLabels[status], query.status)),
      ],
      typeItems: [
        option("", "All types", query.type),
        ...supportTypes.map((type) => option(type.code, type.label, query.type)),
      ],
      assignedItems: [
        option("", "Anyone or nobody", query.assigned),
        option("mine", "My organisation", query.assigned),
        option("unassigned", "Not assigned", query.assigned),
        ...members.map((member) => option(member.organisationId, member.organisationName, query.assigned)),
      ],
    });
  });

  async function loadRequest(
    request: ParsedRequest<{ nation: Nation; requestId: string }>,
  ): Promise<{ hub: HubView; record: RequestView }> {
    const hub = await hubFor(db, request);
    const { requestId } = request.params;
    return { hub, record: found(await findGroupRequest(db, hub.group.id, requestId)) };
  }

  const template = "support-requests/views/hub-request.njk";
  async function view(
    request: FastifyRequest,
    hub: HubView,
    record: RequestView,
    form?: { name: string; values: Record<string, unknown>; errors: FieldError[] },
  ) {
    const actor = request.actor;
    const status = record.status as RequestStatus;
    const body = { nation: hub.nation, organisationId: record.assignedOrganisationId };
    const canSeeNotes = can(actor, "hub:act-for-body", body);
    const [messages, members, targets, activities, mergedInto] = await Promise.all([
      listMessages(db, record.id, canSeeNotes),
      listMembers(db, hub.group.id),
      hub.canManage && canMerge(status) ? mergeTargets(db, record) : Promise.resolve([]),
      activitiesOf([record.id]),
      record.mergedIntoId ? findGroupRequest(db, hub.group.id, record.mergedIntoId) : Promise.resolve(undefined),
    ]);
    const view = labelled(record, londonToday());
    return {
      title: `${record.topic} – support request`,
      hub,
      request: view,
      labels: view.labels,
      statusTag: view.statusTag,
      overdue: view.overdue,
      messages,
      statusLabels: requestStatusLabels,
      activities: activities.get(record.id) ?? [],
      mergedInto,
      canTriage: hub.canManage && canAssign(status),
      canDecline: hub.canManage && canDecline(status),
      canSeeNotes,
      canAnswer: canReply(status) && can(actor, "hub:act-for-body", body),
      memberItems: [
        { value: "", text: "Select a body" },
        ...members.map((member) => ({ value: member.id, text: member.organisationName })),
      ],
      mergeItems: [
        { value: "", text: "Select a request" },
        ...targets.map((target) => ({
          value: target.id,
          text: `${target.topic} (asked ${target.createdAt.toISOString().slice(0, 10)})`,
        })),
      ],
      moveItems: [
        { value: "", text: "Leave it " + requestStatusLabels[status].toLowerCase() },
        ...hubMoves(status).map((next) => ({
          value: next,
          text: `Move to ${requestStatusLabels[next].toLowerCase()}`,
        })),
      ],
      form: form?.name,
      values: form?.values ?? {},
      errors: form?.errors ?? [],
    };
  }

  app.get(paths.hubRequest.pattern, needs(paths.hubRequest, read), async (request, reply) => {
    const { hub, record } = await loadRequest(request);
    return reply.view(template, await view(request, hub, record));
  });

  /** A triage or reply form on the request page: parse, authorize, run, notify, redirect; or the page again with 400. */
  function action<P extends `/hub/:nation/requests/:requestId/${string}`, S extends z.ZodType>(
    target: Path<P, { nation: Nation; requestId: string }>,
    name: string,
    schema: S,
    allowed: (request: FastifyRequest, hub: HubView, record: RequestView) => boolean,
    run: (request: FastifyRequest, record: RequestView, data: z.output<S>) => Promise<RequestEvent>,
    flash: string,
  ) {
    formRoute(app, {
      path: target,
      needs: read,
      load: async (ctx) => {
        const { hub, record } = await loadRequest(ctx.request);
        if (!allowed(ctx.request, hub, record)) throw AppError.forbidden("You cannot do that on this request");
        return { hub, record };
      },
      schema,
      page: async (ctx, shown) => ({
        template,
        view: await view(ctx.request, ctx.record.hub, ctx.record.record, { name, ...shown }),
      }),
      save: async (ctx, data) => {
        const { hub, record } = ctx.record;
        const event = await run(ctx.request, record, data);
        notifyLater(context, ctx.request, hub.nation, event);
        return paths.hubRequest(hub.nation, record.id);
      },
      flash,
    });
  }

  const coordinator = (_request: FastifyRequest, hub: HubView) => hub.canManage;
  action(
    paths.assign,
    "assign",
    assignForm,
    coordinator,
    (request, record, data) => assignRequest(db, request.auditContext(), record, authorOf(request), data),
    "The request has been assigned",
  );
  action(
    paths.decline,
    "decline",
    declineForm,
    coordinator,
    (request, record, data) => declineRequest(db, request.auditContext(), record, authorOf(request), data.reason),
    "The request has been declined",
  );
  action(
    paths.merge,
    "merge",
    mergeForm,
    coordinator,
    (request, record, data) => mergeRequest(db, request.auditContext(), record, authorOf(request), data.targetId),
    "The request has been merged",
  );
  action(
    paths.hubReply,
    "reply",
    replyForm,
    // The coordinator, or a person of the body the request is assigned to.
    (request, hub, record) =>
      can(request.actor, "hub:act-for-body", { nation: hub.nation, organisationId: record.assignedOrganisationId }),
    (request, record, data) => postMessage(db, request.auditContext(), record, authorOf(request), "hub", data),
    "Your message has been added",
  );
}
