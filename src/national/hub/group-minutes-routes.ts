import fastifyMultipart from "@fastify/multipart";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { FieldError } from "../../kernel/errors/app-error.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { parseForm, submittedValues } from "../../kernel/http/forms.ts";
import { found, needs } from "../../kernel/http/pipeline.ts";
import {
  addPaper,
  attendanceFromBody,
  findPaper,
  MAX_PAPER_BYTES,
  minutesForm,
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

type Body = Record<string, unknown>;

/** The group's minutes (with attendance of its member bodies) and papers. */
export function registerGroupMinutesRoutes(app: FastifyInstance, { db }: AppContext): void {
  const members = async (c: GroupMeetingContext) =>
    (await listMembers(db, c.hub.group.id)).map((member) => ({
      organisationId: member.organisationId,
      name: member.organisationName,
    }));

  async function minutesPage(reply: FastifyReply, c: GroupMeetingContext, values: Body, errors?: FieldError[]) {
    return reply.code(errors?.length ? 400 : 200).view("meetings/views/minutes-edit.njk", {
      title: `Minutes – ${c.hub.group.name}`,
      ...groupMeetingView(c.hub),
      ...c.record,
      members: await members(c),
      values,
      errors,
    });
  }

  app.get(paths.minutes.pattern, needs(paths.minutes, manage), async (request, reply) => {
    const c = await groupMeetingContext(db, request, "edit");
    return minutesPage(reply, c, minutesValues(c.record));
  });

  app.post(paths.minutes.pattern, needs(paths.minutes, manage), async (request, reply) => {
    const c = await groupMeetingContext(db, request, "edit");
    const body = (request.body ?? {}) as Body;
    const form = parseForm(minutesForm.passthrough(), body);
    const attendance = attendanceFromBody(body, await members(c));
    const errors = [...(form.ok ? [] : form.errors), ...attendance.errors];
    if (!form.ok || errors.length > 0) {
      const values = submittedValues(body);
      return minutesPage(reply, c, values, errors);
    }
    await saveMinutes(db, request.auditContext(), c.owner, c.record.meeting.id, form.data, attendance.entries);
    return reply.flash("The minutes have been saved").redirect(paths.meeting(c.hub.nation, c.record.meeting.id), 303);
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
