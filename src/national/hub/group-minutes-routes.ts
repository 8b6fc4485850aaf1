import fastifyMultipart from "@fastify/multipart";
import type { FastifyInstance } from "fastify";
import { formRoute } from "../../kernel/forms/index.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { found, needs } from "../../kernel/http/pipeline.ts";
import {
  addPaper,
  findPaper,
  MAX_PAPER_BYTES,
  minutesSchema,
  minutesValues,
  paperFromBody,
  saveMinutes,
  sendPaper,
} from "../../cycle/meetings/index.ts";
import { listMembers } from "../partners-group/index.ts";
import {
  type GroupMeetingContext,
  groupMeetingContext,
  groupMeetingView,
  renderGroupMeeting,
  requireGroupMinutes,
} from "./group-meeting-context.ts";
import { groupMeetingPaths as paths } from "./paths.ts";

const manage = { nation: "hub:manage" } as const;

/** The group's minutes (with attendance of its member bodies) and papers. */
export function registerGroupMinutesRoutes(app: FastifyInstance, { db }: AppContext): void {
  const members = async (c: GroupMeetingContext) =>
    (await listMembers(db, c.hub.group.id)).map((member) => ({
      organisationId: member.organisationId,
      name: member.organisationName,
    }));

  formRoute(app, {
    path: paths.minutes,
    needs: manage,
    load: async (ctx) => {
      const c = await groupMeetingContext(db, ctx.request, "edit");
      return { c, members: await members(c) };
    },
    template: "meetings/views/minutes-edit.njk",
    view: ({ record: { c, members } }) => ({
      title: `Minutes – ${c.hub.group.name}`,
      ...groupMeetingView(c.hub),
      ...c.record,
      members,
    }),
    initial: (ctx) => minutesValues(ctx.record.c.record),
    schema: (ctx) => minutesSchema(ctx.record.members),
    save: async (ctx, data) => {
      const { c } = ctx.record;
      await saveMinutes(db, ctx.audit, c.owner, c.record.meeting.id, data, data.attendance);
      return paths.meeting(c.hub.nation, c.record.meeting.id);
    },
    flash: "The minutes have been saved",
  });

  app.get(paths.paper.pattern, needs(paths.paper, { signedIn: true }), async (request, reply) => {
    const c = await groupMeetingContext(db, request, "read");
    requireGroupMinutes(c);
    const paper = found(await findPaper(db, c.owner, c.record.meeting.id, request.params.childId));
    return sendPaper(reply, paper);
  });

  // Multipart in its own scope, as for partnerships' papers.
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      attachFieldsToBody: true,
      throwFileSizeLimit: false,
      limits: { fileSize: MAX_PAPER_BYTES, files: 1, fields: 5, fieldSize: 1024 },
    });
    scope.post(
      paths.papers.pattern,
      { ...needs(paths.papers, manage), config: { uploadLimit: "20 MB" } },
      async (request, reply) => {
        const c = await groupMeetingContext(db, request, "edit");
        const check = paperFromBody(request.body, "paper");
        if (!check.ok)
          return renderGroupMeeting(reply, c, { errors: [{ field: "paper", message: check.message }], form: "paper" });
        await addPaper(db, request.auditContext(), {
          owner: c.owner,
          meetingId: c.record.meeting.id,
          fileName: check.fileName,
          contentType: check.contentType,
          sha256: check.sha256,
          content: check.content,
        });
        return reply
          .flash(`${check.fileName} has been uploaded`)
          .redirect(`${paths.meeting(c.hub.nation, c.record.meeting.id)}#papers`, 303);
      },
    );
  });
}
