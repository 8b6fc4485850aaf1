import type { FastifyInstance, FastifyReply } from "fastify";
import { addDays, londonToday } from "../../kernel/time.ts";
import type { z } from "zod";
import type { AuditContext } from "../../kernel/audit/audit.ts";
import { AppError, type FieldError } from "../../kernel/errors/app-error.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { fieldErrorsOf, parseForm, submittedValues } from "../../kernel/http/forms.ts";
import type { Path } from "../../kernel/http/paths.ts";
import { needs } from "../../kernel/http/pipeline.ts";
import { deleteRoute } from "../../kernel/forms/index.ts";
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
import { type HubView, hubFor } from "../partners-group/index.ts";
import {
  type GroupMeetingContext,
  groupMeetingContext,
  groupMeetingView,
  renderGroupMeeting,
  requireGroupMinutes,
} from "./group-meeting-context.ts";
import { registerGroupMinutesRoutes } from "./group-minutes-routes.ts";
import { groupMeetingPaths as paths } from "./paths.ts";

const signedIn = { signedIn: true } as const;
const manage = { nation: "hub:manage" } as const;

const isoParts = (iso: string) => {
  const [year = "", month = "", day = ""] = iso.split("-");
  return { day: String(Number(day)), month: String(Number(month)), year };
};

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

  const scheduleView = (reply: FastifyReply, hub: HubView, values: Record<string, unknown>, errors?: FieldError[]) =>
    reply.code(errors?.length ? 400 : 200).view("meetings/views/schedule.njk", {
      title: `Schedule meetings – ${hub.group.name}`,
      ...groupMeetingView(hub),
      values,
      errors,
    });

  app.get(paths.schedule.pattern, needs(paths.schedule, manage), async (request, reply) => {
    const hub = await hubFor(db, request);
    const first = isoParts(addDays(londonToday(), 28));
    return scheduleView(reply, hub, {
      count: "6",
      intervalWeeks: String(hub.group.meetingIntervalWeeks),
      title: "National partners group meeting",
      "firstDate-day": first.day,
      "firstDate-month": first.month,
      "firstDate-year": first.year,
    });
  });

  app.post(paths.list.pattern, needs(paths.list, manage), async (request, reply) => {
    const hub = await hubFor(db, request);
    const form = parseForm(scheduleForm, request.body);
    if (!form.ok) return scheduleView(reply, hub, form.values, form.errors);
    try {
      const rows = await scheduleMeetings(db, request.auditContext(), { groupId: hub.group.id }, form.data);
      return reply
        .flash(rows.length === 1 ? "1 meeting scheduled" : `${rows.length} meetings scheduled`)
        .redirect(paths.list(hub.nation), 303);
    } catch (error) {
      const errors = fieldErrorsOf(error);
      if (!errors) throw error;
      return scheduleView(reply, hub, submittedValues(request.body), errors);
    }
  });

  app.get(paths.meeting.pattern, needs(paths.meeting, signedIn), async (request, reply) =>
    renderGroupMeeting(reply, await groupMeetingContext(db, request, "read")),
  );

  /** A form on the meeting page: the page again with 400 on bad input, else the change and back to the page. */
  function pageForm<P extends string, S extends z.ZodType>(
    target: Path<P>,
    name: string,
    schema: S,
    run: (c: GroupMeetingContext, data: z.output<S>, audit: AuditContext) => Promise<unknown>,
    anchor: string,
    minutesRecord = false,
  ) {
    app.post(target.pattern, needs(target, manage), async (req, reply) => {
      const c = await groupMeetingContext(db, req, "edit");
      if (minutesRecord) requireGroupMinutes(c);
      const form = parseForm(schema, req.body);
      if (!form.ok) return renderGroupMeeting(reply, c, { errors: form.errors, values: form.values, form: name });
      try {
        await run(c, form.data, req.auditContext());
      } catch (error) {
        const errors = fieldErrorsOf(error);
        if (!errors) throw error;
        return renderGroupMeeting(reply, c, { errors, values: submittedValues(req.body), form: name });
      }
      return reply.flash("Your changes have been saved").redirect(meetingUrl(c, anchor), 303);
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

  app.post(paths.action.pattern, needs(paths.action, manage), async (req, reply) => {
    const c = await groupMeetingContext(db, req, "edit");
    requireGroupMinutes(c);
    const form = parseForm(meetingActionStatusForm, req.body);
    if (!form.ok) throw new AppError("BAD_REQUEST", "Select a status for the action");
    await setActionStatus(db, req.auditContext(), c.owner, c.record.meeting.id, req.params.childId, form.data.status);
    return reply.flash("Your changes have been saved").redirect(meetingUrl(c, "#actions"), 303);
  });

  const editView = (
    reply: FastifyReply,
    c: GroupMeetingContext,
    values: Record<string, unknown>,
    errors?: FieldError[],
  ) =>
    reply.code(errors?.length ? 400 : 200).view("meetings/views/edit.njk", {
      title: `Change meeting details – ${c.hub.group.name}`,
      ...groupMeetingView(c.hub),
      meeting: c.record.meeting,
      values,
      errors,
    });

  app.get(paths.edit.pattern, needs(paths.edit, manage), async (req, reply) => {
    const c = await groupMeetingContext(db, req, "edit");
    const { meeting } = c.record;
    const date = isoParts(meeting.meetingDate);
    return editView(reply, c, {
      title: meeting.title,
      startTime: meeting.startTime,
      location: meeting.location,
      "meetingDate-day": date.day,
      "meetingDate-month": date.month,
      "meetingDate-year": date.year,
    });
  });

  app.post(paths.edit.pattern, needs(paths.edit, manage), async (req, reply) => {
    const c = await groupMeetingContext(db, req, "edit");
    const form = parseForm(meetingEditForm, req.body);
    if (!form.ok) return editView(reply, c, form.values, form.errors);
    try {
      await updateMeetingDetails(db, req.auditContext(), c.owner, c.record.meeting.id, form.data);
    } catch (error) {
      const errors = fieldErrorsOf(error);
      if (!errors) throw error;
      return editView(reply, c, submittedValues(req.body), errors);
    }
    return reply.flash("Your changes have been saved").redirect(meetingUrl(c), 303);
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
