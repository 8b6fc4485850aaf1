import type { FastifyInstance } from "fastify";
import { registerMeetingPageRoutes } from "./meeting-page-routes.ts";
import { listMemberOrganisations } from "../governance/index.ts";
import { can, type Nation } from "../../kernel/auth/policy.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { formRoute } from "../../kernel/forms/index.ts";
import { needs } from "../../kernel/http/pipeline.ts";
import { addDays, londonToday, partsFromIso } from "../../kernel/time.ts";
import { meetingContext, meetingView, renderMeeting, requireMinutesVisible } from "./meeting-page.ts";
import { scheduleMeetings } from "./meetings-service.ts";
import { registerMinutesRoutes } from "./minutes-routes.ts";
import { meetingPaths } from "./paths.ts";
import { listMeetings } from "./repository.ts";
import { scheduleForm } from "./schemas.ts";

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

  registerMeetingPageRoutes(app, db, {
    paths: meetingPaths,
    read: { partnership: "partnership:read" },
    edit: { partnership: "partnership:edit" },
    load: (request) => meetingContext(db, request),
    requireMinutes: requireMinutesVisible,
    pageView: meetingView,
    ownerView: (context, page) => ({ title: `${page} – ${context.partnership.name}`, ...context }),
    meetingUrl: (context) => meetingPaths.meeting(context.partnership.id, context.record.meeting.id),
    listUrl: (context) => meetingPaths.list(context.partnership.id),
    members: (context) => listMemberOrganisations(db, [context.partnership.id]),
  });
}
