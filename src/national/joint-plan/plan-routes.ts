import type { FastifyInstance, FastifyRequest } from "fastify";
import { addDays, londonToday } from "../../kernel/time.ts";
import { can, type Nation, nationLabels } from "../../kernel/auth/policy.ts";
import { AppError, type FieldError } from "../../kernel/errors/app-error.ts";
import { deleteRoute, formRoute } from "../../kernel/forms/index.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import type { Path } from "../../kernel/http/paths.ts";
import { found, may, needs, type ParsedRequest } from "../../kernel/http/pipeline.ts";

import { findGroup, type HubView, hubBase, hubFor, listMembers } from "../partners-group/index.ts";
import { supportTypeLabel } from "../support-offer/index.ts";
import {
  labelled,
  listGroupRequests,
  listPartnershipRequests,
  requestPaths,
  requestStatusLabels,
  type RequestStatus,
} from "../support-requests/index.ts";
import { activityFields } from "./fields.ts";
import { planPaths as paths } from "./paths.ts";
import { addProgress, removeActivity, saveActivity } from "./plan-service.ts";
import {
  activitiesForRequests,
  type ActivityView,
  findActivity,
  linkedRequests,
  listActivities,
  listUpdates,
} from "./repository.ts";
import { type ActivityStatus, activityForm, activityStatuses, activityStatusLabels, progressForm } from "./schemas.ts";

const signedIn = { signedIn: true } as const;
const manage = { nation: "hub:manage" } as const;
const statusTags: Record<ActivityStatus, string> = {
  planned: "govuk-tag--blue",
  "in-progress": "govuk-tag--yellow",
  complete: "govuk-tag--green",
  paused: "govuk-tag--grey",
};

const dateLabel = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
const monthOf = (iso: string | null) => (iso ? dateLabel.format(new Date(`${iso}T00:00:00Z`)) : null);

function timescale(activity: ActivityView): string {
  const start = monthOf(activity.startDate);
  const end = monthOf(activity.endDate);
  if (start && end) return `${start} to ${end}`;
  if (start) return `From ${start}`;
  if (end) return `By ${end}`;
  return "Not set";
}

function shown(activity: ActivityView) {
  const status = activity.status as ActivityStatus;
  return {
    ...activity,
    typeLabel: supportTypeLabel(activity.supportType),
    statusLabel: activityStatusLabels[status] ?? activity.status,
    statusTag: statusTags[status] ?? "govuk-tag--grey",
    timescale: timescale(activity),
  };
}

/** The joint plan of support, and each partnership's "what you asked for, what we are doing". */
export function registerPlanRoutes(app: FastifyInstance, { db }: AppContext): void {
  app.get(paths.list.pattern, needs(paths.list, signedIn), async (request, reply) => {
    const hub = await hubFor(db, request);
    const activities = await listActivities(db, hub.group.id);
    const ids = activities.map((activity) => activity.id);
    const [links, updates] = await Promise.all([linkedRequests(db, ids), listUpdates(db, ids)]);
    return reply.view("joint-plan/views/plan.njk", {
      title: `Joint plan of support – ${hub.group.name}`,
      hub,
      activities: activities.map((activity) => ({
        ...shown(activity),
        requestCount: links.get(activity.id)?.length ?? 0,
        latest: updates.find((update) => update.activityId === activity.id),
      })),
    });
  });

  async function activityOf(request: ParsedRequest<{ nation: Nation; activityId: string }>) {
    const hub = await hubFor(db, request);
    const { activityId } = request.params;
    return { hub, activity: found(await findActivity(db, hub.group.id, activityId)) };
  }

  const activityTemplate = "joint-plan/views/activity.njk";
  async function activityView(
    request: FastifyRequest,
    hub: HubView,
    activity: ActivityView,
    values = {},
    errors: FieldError[] = [],
  ) {
    const actor = request.actor!;
    const [links, updates, all] = await Promise.all([
      linkedRequests(db, [activity.id]),
      listUpdates(db, [activity.id]),
      listGroupRequests(db, hub.group.id),
    ]);
    const linkedIds = new Set(links.get(activity.id) ?? []);
    const linked = all.filter((row) => linkedIds.has(row.id));
    // Hub readers see every linked request; a partnership's people see their own; the rest are counted.
    const visible = linked.filter((row) => hub.canRead || actor.partnershipRoles.has(row.partnershipId));
    const today = londonToday();
    return {
      title: `${activity.title} – joint plan`,
      hub,
      activity: shown(activity),
      requests: visible.map((row) => ({
        ...labelled(row, today),
        href: hub.canRead
          ? requestPaths.hubRequest(hub.nation, row.id)
          : requestPaths.request(row.partnershipId, row.id),
      })),
      hiddenRequests: linked.length - visible.length,
      updates,
      statusLabels: activityStatusLabels,
      statusItems: activityStatuses.map((status) => ({ value: status, text: activityStatusLabels[status] })),
      canUpdate: can(actor, "hub:act-for-body", { nation: hub.nation, organisationId: activity.leadOrganisationId }),
      values,
      errors,
    };
  }

  app.get(paths.activity.pattern, needs(paths.activity, signedIn), async (request, reply) => {
    const { hub, activity } = await activityOf(request);
    return reply.view(activityTemplate, await activityView(request, hub, activity));
  });

  // The progress form is on the activity's page: the coordinator and the lead body may post it.
  formRoute(app, {
    path: paths.progress,
    needs: { nation: "hub:read" },
    load: async (ctx) => {
      const { hub, activity } = await activityOf(ctx.request);
      const lead = { nation: hub.nation, organisationId: activity.leadOrganisationId };
      if (!can(ctx.request.actor, "hub:act-for-body", lead))
        throw AppError.forbidden("Only the coordinator and the lead body can report progress on this activity");
      return { hub, activity };
    },
    schema: progressForm,
    page: async (ctx, shown) => ({
      template: activityTemplate,
      view: await activityView(ctx.request, ctx.record.hub, ctx.record.activity, shown.values, shown.errors),
    }),
    save: async (ctx, data) => {
      const { hub, activity } = ctx.record;
      const actor = ctx.request.actor!;
      await addProgress(db, ctx.audit, hub.group.id, activity.id, { userId: actor.userId, name: actor.name }, data);
      return `${paths.activity(hub.nation, activity.id)}#progress`;
    },
    flash: "The progress update has been added",
  });

  // One form adds and changes: the activity's id is in the path when changing one.
  const activityForms: Path<string, { nation: Nation; activityId?: string }>[] = [paths.add, paths.edit];
  for (const formPath of activityForms) {
    formRoute(app, {
      path: formPath,
      needs: manage,
      load: async (ctx) => {
        const hub = await hubFor(db, ctx.request);
        const activityId = ctx.params.activityId;
        const activity = activityId ? found(await findActivity(db, hub.group.id, activityId)) : null;
        const linked = new Set(activity ? ((await linkedRequests(db, [activity.id])).get(activity.id) ?? []) : []);
        const since = new Date(`${addDays(londonToday(), -365)}T00:00:00Z`);
        const requests = (await listGroupRequests(db, hub.group.id)).filter(
          (row) => row.createdAt >= since || linked.has(row.id),
        );
        return { hub, activity, linked: [...linked], members: await listMembers(db, hub.group.id), requests };
      },
      template: "partners-group/views/hub-form.njk",
      view: (ctx) => ({
        title: ctx.record.activity ? `Change “${ctx.record.activity.title}”` : "Add an activity to the joint plan",
        hub: ctx.record.hub,
        fields: activityFields(
          ctx.record.members,
          ctx.record.requests.map((row) => ({
            id: row.id,
            label: `${row.topic} (${row.partnershipName}, ${requestStatusLabels[row.status as RequestStatus].toLowerCase()})`,
          })),
        ),
        backHref: ctx.record.activity
          ? paths.activity(ctx.record.hub.nation, ctx.record.activity.id)
          : paths.list(ctx.record.hub.nation),
      }),
      initial: (ctx) => {
        const activity = ctx.record.activity;
        if (!activity) return { status: "planned" };
        return {
          ...activity,
          leadMemberId: activity.leadMemberId ?? "",
          startDate: activity.startDate ?? "",
          endDate: activity.endDate ?? "",
          themes: activity.themes.join("\n"),
          requestIds: ctx.record.linked,
        };
      },
      schema: activityForm,
      save: async (ctx, data) => {
        const row = await saveActivity(db, ctx.audit, ctx.record.hub.group.id, ctx.record.activity?.id ?? null, data);
        return paths.activity(ctx.record.hub.nation, row.id);
      },
      flash: "The activity has been saved",
    });
  }

  deleteRoute(app, {
    path: paths.remove,
    needs: manage,
    load: async (ctx) => {
      const hub = await hubFor(db, ctx.request);
      const activity = await findActivity(db, hub.group.id, ctx.params.activityId);
      return activity ? { hub, activity } : null;
    },
    question: (ctx) => `Are you sure you want to remove “${ctx.record.activity.title}” from the joint plan?`,
    consequences: () => ["Its progress updates and its links to requests (the requests themselves stay)."],
    remove: (ctx) => removeActivity(db, ctx.audit, ctx.record.hub.group.id, ctx.record.activity.id),
    done: (ctx) => paths.list(ctx.record.hub.nation),
    flash: "The activity has been removed",
  });

  // What the partnership asked for, and what the national partners are doing about it.
  app.get(
    requestPaths.support.pattern,
    needs(requestPaths.support, { partnership: "partnership:read" }),
    async (request, reply) => {
      const partnership = request.partnership;
      const nation = partnership.nation as Nation;
      const group = await findGroup(db, nation);
      const requests = group ? await listPartnershipRequests(db, partnership.id) : [];
      const links = await activitiesForRequests(
        db,
        requests.map((row) => row.id),
      );
      const activities = group
        ? new Map((await listActivities(db, group.id)).map((activity) => [activity.id, shown(activity)]))
        : new Map();
      const today = londonToday();
      return reply.view("joint-plan/views/asked.njk", {
        title: `Support from national partners – ${partnership.name}`,
        partnership,
        nationLabel: nationLabels[nation],
        hubBase: group ? hubBase(nation) : null,
        canRequest: may(request, "partnership:manage"),
        rows: requests.map((row) => ({
          ...labelled(row, today),
          activities: links
            .filter((link) => link.requestId === row.id)
            .map((link) => activities.get(link.activityId))
            .filter(Boolean),
        })),
      });
    },
  );
}
