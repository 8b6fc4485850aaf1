import type { Nation } from "../../kernel/auth/policy.ts";
import type { FastifyInstance } from "fastify";
import { addDays, londonToday, partsFromIso } from "../../kernel/time.ts";
import type { z } from "zod";
import type { AuditContext } from "../../kernel/audit/audit.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import type { Path } from "../../kernel/http/paths.ts";
import { needs } from "../../kernel/http/pipeline.ts";
import { deleteRoute, formRoute } from "../../kernel/forms/index.ts";
import {
  addAction,
  addAgendaItem,
  addDecision,
  agendaForm,
  cancelMeeting,
  decisionForm,
  listMeetings,
  meetingActionForm,
  meetingActionStatusForm,
  meetingEditForm,
  meetingEditValues,
  findMeetingPart,
  meetingPartAnchors,
  meetingPartConsequences,
  meetingPartFlash,
  meetingPartQuestion,
  removeMeetingPart,
  scheduleForm,
  scheduleMeetings,
  setActionStatus,
  updateMeetingDetails,
} from "../../cycle/meetings/index.ts";
import { hubFor } from "../partners-group/index.ts";
import {
  type GroupMeetingContext,
  groupMeetingContext,
  groupMeetingPageView,
  groupMeetingTemplate,
  groupMeetingView,
  renderGroupMeeting,
  requireGroupMinutes,
} from "./group-meeting-context.ts";
import { registerGroupMinutesRoutes } from "./group-minutes-routes.ts";
import { groupMeetingPaths as paths } from "./paths.ts";

const signedIn = { signedIn: true } as const;
const manage = { nation: "hub:manage" } as const;

/**
 * The national partners group's meetings, through the meetings domain's records, services and
 * templates (owned by the group rather than a partnership). The coordinator keeps them; the
 * group reads everything; local leads of the nation read the minutes once published.
 */
export function registerGroupMeetingRoutes(app: FastifyInstance, context: AppContext): void {
  const { db } = context;
  registerGroupMinutesRoutes(app, context);
  const meetingUrl = (c: GroupMeetingContext, anchor = "") =>
    `${paths.meeting(c.hub.nation, c.record.meeting.id)}${anchor}`;

  app.get(paths.list.pattern, needs(paths.list, signedIn), async (request, reply) => {
    const hub = await hubFor(db, request);
    const meetings = await listMeetings(db, { groupId: hub.group.id });
    const today = londonToday();
    return reply.view("meetings/views/meetings.njk", {
      title: `Meetings – ${hub.group.name}`,
      ...groupMeetingView(hub),
      upcoming: meetings.filter((meeting) => meeting.meetingDate >= today),
      past: meetings.filter((meeting) => meeting.meetingDate < today).reverse(),
    });
  });

  formRoute(app, {
    path: paths.schedule,
    postTo: paths.list,
    needs: manage,
    load: (ctx) => hubFor(db, ctx.request),
    template: "meetings/views/schedule.njk",
    view: (ctx) => ({ title: `Schedule meetings – ${ctx.record.group.name}`, ...groupMeetingView(ctx.record) }),
    initial: (ctx) => {
      const first = partsFromIso(addDays(londonToday(), 28));
      return {
        count: "6",
        intervalWeeks: String(ctx.record.group.meetingIntervalWeeks),
        title: "National partners group meeting",
        "firstDate-day": first.day,
        "firstDate-month": first.month,
        "firstDate-year": first.year,
      };
    },
    schema: scheduleForm,
    save: async (ctx, data) => {
      const rows = await scheduleMeetings(db, ctx.audit, { groupId: ctx.record.group.id }, data);
      return {
        redirect: paths.list(ctx.record.nation),
        flash: rows.length === 1 ? "1 meeting scheduled" : `${rows.length} meetings scheduled`,
      };
    },
  });

  app.get(paths.meeting.pattern, needs(paths.meeting, signedIn), async (request, reply) =>
    renderGroupMeeting(reply, await groupMeetingContext(db, request, "read")),
  );

  /** A form on the meeting page: the page again with 400 on bad input, else the change and back to the page. */
  function pageForm<P extends string, S extends z.ZodType>(
    target: Path<P, { nation: Nation; meetingId: string }>,
    name: string,
    schema: S,
    run: (c: GroupMeetingContext, data: z.output<S>, audit: AuditContext) => Promise<unknown>,
    anchor: string,
    minutesRecord = false,
  ) {
    formRoute(app, {
      path: target,
      needs: manage,
      load: async (ctx) => {
        const c = await groupMeetingContext(db, ctx.request, "edit");
        if (minutesRecord) requireGroupMinutes(c);
        return c;
      },
      schema,
      page: (ctx, shown) => ({
        template: groupMeetingTemplate,
        view: groupMeetingPageView(ctx.record, { ...shown, form: name }),
      }),
      save: async (ctx, data) => {
        await run(ctx.record, data, ctx.audit);
        return meetingUrl(ctx.record, anchor);
      },
      flash: "Your changes have been saved",
    });
  }

  pageForm(
    paths.agenda,
    "agenda",
    agendaForm,
    (c, data, audit) => addAgendaItem(db, audit, c.owner, c.record.meeting.id, data),
    "#agenda",
  );
  pageForm(
    paths.decisions,
    "decision",
    decisionForm,
    (c, data, audit) => addDecision(db, audit, c.owner, c.record.meeting.id, data.decision),
    "#decisions",
    true,
  );
  pageForm(
    paths.actions,
    "action",
    meetingActionForm,
    (c, data, audit) => addAction(db, audit, c.owner, c.record.meeting.id, data),
    "#actions",
    true,
  );

  formRoute(app, {
    path: paths.action,
    needs: manage,
    load: async (ctx) => {
      const c = await groupMeetingContext(db, ctx.request, "edit");
      requireGroupMinutes(c);
      return c;
    },
    schema: meetingActionStatusForm,
    // Each action's select is "status-<action id>": the summary links to the one posted.
    page: (ctx, shown) => ({
      template: groupMeetingTemplate,
      view: groupMeetingPageView(ctx.record, {
        errors: shown.errors.map((error) => ({ ...error, field: `status-${ctx.params.childId}` })),
      }),
    }),
    save: async (ctx, data) => {
      const c = ctx.record;
      await setActionStatus(db, ctx.audit, c.owner, c.record.meeting.id, ctx.params.childId, data.status);
      return meetingUrl(c, "#actions");
    },
    flash: "Your changes have been saved",
  });

  formRoute(app, {
    path: paths.edit,
    needs: manage,
    load: (ctx) => groupMeetingContext(db, ctx.request, "edit"),
    template: "meetings/views/edit.njk",
    view: ({ record: c }) => ({
      title: `Change meeting details – ${c.hub.group.name}`,
      ...groupMeetingView(c.hub),
      meeting: c.record.meeting,
    }),
    initial: ({ record: c }) => meetingEditValues(c.record.meeting),
    schema: meetingEditForm,
    save: async (ctx, data) => {
      await updateMeetingDetails(db, ctx.audit, ctx.record.owner, ctx.record.record.meeting.id, data);
      return meetingUrl(ctx.record);
    },
    flash: "Your changes have been saved",
  });

  app.get(paths.cancel.pattern, needs(paths.cancel, manage), async (req, reply) => {
    const c = await groupMeetingContext(db, req, "edit");
    return reply.view("meetings/views/cancel.njk", {
      title: `Cancel a meeting – ${c.hub.group.name}`,
      ...groupMeetingView(c.hub),
      ...c.record,
    });
  });

  app.post(paths.cancel.pattern, needs(paths.cancel, manage), async (req, reply) => {
    const c = await groupMeetingContext(db, req, "edit");
    await cancelMeeting(db, req.auditContext(), c.owner, c.record.meeting.id);
    return reply.flash("The meeting has been cancelled").redirect(paths.list(c.hub.nation), 303);
  });

  // Remove a paper, an agenda item or a decision: a confirmation page first (the GOV.UK pattern).
  for (const [part, target] of [
    ["paper", paths.paperRemove],
    ["agenda", paths.agendaRemove],
    ["decision", paths.decisionRemove],
  ] as const) {
    deleteRoute(app, {
      path: target,
      needs: manage,
      load: async (ctx) => {
        const c = await groupMeetingContext(db, ctx.request, "edit");
        return findMeetingPart(c.owner, c.record, part, ctx.params.childId);
      },
      question: (ctx) => meetingPartQuestion(ctx.record),
      consequences: (ctx) => meetingPartConsequences(ctx.record),
      remove: (ctx) => removeMeetingPart(db, ctx.audit, ctx.record, ctx.params.childId),
      done: (ctx) => `${paths.meeting(ctx.params.nation, ctx.params.meetingId)}${meetingPartAnchors[part]}`,
      flash: meetingPartFlash[part],
    });
  }
}
