import type { FastifyInstance } from "fastify";
import { addDays, londonToday, partsFromIso } from "../../kernel/time.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { needs } from "../../kernel/http/pipeline.ts";
import { formRoute } from "../../kernel/forms/index.ts";
import { listMeetings, registerMeetingPageRoutes, scheduleForm, scheduleMeetings } from "../../cycle/meetings/index.ts";
import { hubFor, listMembers } from "../partners-group/index.ts";
import {
  type GroupMeetingContext,
  groupMeetingContext,
  groupMeetingPageView,
  groupMeetingView,
  renderGroupMeeting,
  requireGroupMinutes,
} from "./group-meeting-context.ts";
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
  const meetingUrl = (c: GroupMeetingContext) => paths.meeting(c.hub.nation, c.record.meeting.id);

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

  registerMeetingPageRoutes(app, db, {
    paths: {
      ...paths,
      actionStatus: paths.action,
      removePaper: paths.paperRemove,
      removeAgenda: paths.agendaRemove,
      removeDecision: paths.decisionRemove,
    },
    read: signedIn,
    edit: manage,
    load: (request, need) => groupMeetingContext(db, request, need),
    requireMinutes: requireGroupMinutes,
    pageView: groupMeetingPageView,
    ownerView: (c, page) => ({ title: `${page} – ${c.hub.group.name}`, ...groupMeetingView(c.hub) }),
    meetingUrl,
    listUrl: (c) => paths.list(c.hub.nation),
    members: async (c) =>
      (await listMembers(db, c.hub.group.id)).map((member) => ({
        organisationId: member.organisationId,
        name: member.organisationName,
      })),
  });
}
