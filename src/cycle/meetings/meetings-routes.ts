import type { FastifyInstance } from "fastify";
import type { z } from "zod";
import type { AuditContext } from "../../kernel/audit/audit.ts";
import type { Path } from "../../kernel/http/paths.ts";
import { can, type Nation } from "../../kernel/auth/policy.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { deleteRoute, type FormContext, formRoute, type ShownForm } from "../../kernel/forms/index.ts";
import { needs } from "../../kernel/http/pipeline.ts";
import { addDays, londonToday, partsFromIso } from "../../kernel/time.ts";
import {
  type MeetingContext,
  meetingContext,
  meetingTemplate,
  meetingView,
  renderMeeting,
  requireMinutesVisible,
} from "./meeting-page.ts";
import {
  addAction,
  addAgendaItem,
  addDecision,
  cancelMeeting,
  loadMeetingRecord,
  scheduleMeetings,
  setActionStatus,
  updateMeetingDetails,
} from "./meetings-service.ts";
import { registerMinutesRoutes } from "./minutes-routes.ts";
import { meetingPaths } from "./paths.ts";
import {
  findMeetingPart,
  meetingPartAnchors,
  meetingPartConsequences,
  meetingPartFlash,
  meetingPartQuestion,
  removeMeetingPart,
} from "./removals.ts";
import { listMeetings } from "./repository.ts";
import {
  actionForm,
  actionStatusForm,
  agendaForm,
  decisionForm,
  meetingEditForm,
  meetingEditValues,
  scheduleForm,
} from "./schemas.ts";

/** Meetings, and (in minutes-routes.ts) their minutes, papers and exports. */
export function registerMeetingRoutes(app: FastifyInstance, context: AppContext): void {
  const { db } = context;
  registerMinutesRoutes(app, context);
  app.get(
    meetingPaths.list.pattern,
    needs(meetingPaths.list, { partnership: "partnership:read" }),
    async (request, reply) => {
      const partnership = request.partnership;
      const id = partnership.id;
      const meetings = await listMeetings(db, { partnershipId: id });
      const today = londonToday();
      return reply.view("meetings/views/meetings.njk", {
        title: `Meetings – ${partnership.name}`,
        partnership,
        upcoming: meetings.filter((meeting) => meeting.meetingDate >= today),
        past: meetings.filter((meeting) => meeting.meetingDate < today).reverse(),
        canEdit: can(request.actor, "partnership:edit", { partnershipId: id, nation: partnership.nation as Nation }),
      });
    },
  );

  formRoute(app, {
    path: meetingPaths.schedule,
    postTo: meetingPaths.list,
    needs: { partnership: "partnership:edit" },
    template: "meetings/views/schedule.njk",
    view: (ctx) => ({ title: `Schedule meetings – ${ctx.partnership.name}`, partnership: ctx.partnership }),
    initial: () => {
      const first = partsFromIso(addDays(londonToday(), 28));
      return {
        count: "1",
        intervalWeeks: "4",
        title: "Partnership meeting",
        "firstDate-day": first.day,
        "firstDate-month": first.month,
        "firstDate-year": first.year,
      };
    },
    schema: scheduleForm,
    save: async (ctx, data) => {
      await scheduleMeetings(db, ctx.audit, { partnershipId: ctx.partnership.id }, data);
      return meetingPaths.list(ctx.partnership.id);
    },
    flash: (_ctx, data) => (data.count === 1 ? "1 meeting scheduled" : `${data.count} meetings scheduled`),
  });

  app.get(
    meetingPaths.meeting.pattern,
    needs(meetingPaths.meeting, { partnership: "partnership:read" }),
    async (request, reply) => {
      const context = await meetingContext(db, request);
      return renderMeeting(reply, context);
    },
  );

  // The agenda, decision and action forms sit on the meeting page: a rejected post draws it again.
  const edit = { partnership: "partnership:edit" } as const;
  const saved = "Your changes have been saved";
  const meetingUrl = (ctx: FormContext<string, MeetingContext, unknown>, anchor: string) =>
    `${meetingPaths.meeting(ctx.partnership.id, ctx.record.record.meeting.id)}${anchor}`;

  /** A form on the meeting page named `form`: saved by `run`, then back to the page at `anchor`. */
  function onMeetingPage<S extends z.ZodType>(
    path: Path<string, { id: string; meetingId: string }>,
    form: string,
    schema: S,
    run: (context: MeetingContext, data: z.output<S>, audit: AuditContext) => Promise<unknown>,
    anchor: string,
  ) {
    formRoute(app, {
      path,
      needs: edit,
      load: (ctx) => meetingContext(db, ctx.request),
      schema,
      page: (ctx, shown: ShownForm) => ({
        template: meetingTemplate,
        view: meetingView(ctx.record, { ...shown, form }),
      }),
      save: async (ctx, data) => {
        await run(ctx.record, data, ctx.audit);
        return meetingUrl(ctx, anchor);
      },
      flash: saved,
    });
  }
  const meetingIdOf = (context: MeetingContext) => context.record.meeting.id;
  onMeetingPage(
    meetingPaths.agenda,
    "agenda",
    agendaForm,
    (c, data, audit) => addAgendaItem(db, audit, c.owner, meetingIdOf(c), data),
    "#agenda",
  );
  onMeetingPage(
    meetingPaths.decisions,
    "decision",
    decisionForm,
    (c, data, audit) => addDecision(db, audit, c.owner, meetingIdOf(c), data.decision),
    "#decisions",
  );
  onMeetingPage(
    meetingPaths.actions,
    "action",
    actionForm,
    (c, data, audit) => addAction(db, audit, c.owner, meetingIdOf(c), data),
    "#actions",
  );

  formRoute(app, {
    path: meetingPaths.actionStatus,
    needs: edit,
    load: async (ctx) => {
      const context = await meetingContext(db, ctx.request);
      requireMinutesVisible(context);
      return context;
    },
    schema: actionStatusForm,
    // The status select of each action is "status-<action id>": the summary links to the one posted.
    page: (ctx, shown) => ({
      template: meetingTemplate,
      view: meetingView(ctx.record, {
        errors: shown.errors.map((error) => ({ ...error, field: `status-${ctx.params.childId}` })),
      }),
    }),
    save: async (ctx, data) => {
      const { owner, record } = ctx.record;
      await setActionStatus(db, ctx.audit, owner, record.meeting.id, ctx.params.childId, data.status);
      return meetingUrl(ctx, "#actions");
    },
    flash: saved,
  });

  formRoute(app, {
    path: meetingPaths.edit,
    needs: { partnership: "partnership:edit" },
    load: (ctx) => meetingContext(db, ctx.request),
    template: "meetings/views/edit.njk",
    view: (ctx) => ({
      title: `Change meeting details – ${ctx.partnership.name}`,
      ...ctx.record,
      meeting: ctx.record.record.meeting,
    }),
    initial: (ctx) => meetingEditValues(ctx.record.record.meeting),
    schema: meetingEditForm,
    save: async (ctx, data) => {
      const { owner, record } = ctx.record;
      await updateMeetingDetails(db, ctx.audit, owner, record.meeting.id, data);
      return meetingPaths.meeting(ctx.partnership.id, record.meeting.id);
    },
    flash: "Your changes have been saved",
  });

  app.get(
    meetingPaths.cancel.pattern,
    needs(meetingPaths.cancel, { partnership: "partnership:edit" }),
    async (request, reply) => {
      const context = await meetingContext(db, request);
      return reply.view("meetings/views/cancel.njk", {
        title: `Cancel a meeting – ${context.partnership.name}`,
        ...context,
        ...context.record,
      });
    },
  );

  app.post(
    meetingPaths.cancel.pattern,
    needs(meetingPaths.cancel, { partnership: "partnership:edit" }),
    async (request, reply) => {
      const context = await meetingContext(db, request);
      await cancelMeeting(db, request.auditContext(), context.owner, context.record.meeting.id);
      return reply.flash("The meeting has been cancelled").redirect(meetingPaths.list(context.partnership.id), 303);
    },
  );

  // Remove a paper, an agenda item or a decision: a confirmation page first (the GOV.UK pattern).
  for (const [part, path] of [
    ["paper", meetingPaths.removePaper],
    ["agenda", meetingPaths.removeAgenda],
    ["decision", meetingPaths.removeDecision],
  ] as const) {
    deleteRoute(app, {
      path,
      needs: { partnership: "partnership:edit" },
      load: async (ctx) => {
        const owner = { partnershipId: ctx.params.id };
        const record = await loadMeetingRecord(db, owner, ctx.params.meetingId);
        return findMeetingPart(owner, record, part, ctx.params.childId);
      },
      question: (ctx) => meetingPartQuestion(ctx.record),
      consequences: (ctx) => meetingPartConsequences(ctx.record),
      remove: (ctx) => removeMeetingPart(db, ctx.audit, ctx.record, ctx.params.childId),
      done: (ctx) => `${meetingPaths.meeting(ctx.params.id, ctx.params.meetingId)}${meetingPartAnchors[part]}`,
      flash: meetingPartFlash[part],
    });
  }
}
