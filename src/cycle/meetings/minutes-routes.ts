import fastifyMultipart from "@fastify/multipart";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../kernel/http/context.ts";
import { formRoute } from "../../kernel/forms/index.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { needs } from "../../kernel/http/pipeline.ts";
import { sendDocument } from "../../lib/documents/index.ts";
import { listMemberOrganisations } from "../governance/index.ts";
import { type MeetingContext, meetingContext, renderMeeting, requireMinutesVisible } from "./meeting-page.ts";
import { addPaper, saveMinutes } from "./meetings-service.ts";
import { minutesDocument } from "./minutes-document.ts";
import { minutesSchema, minutesValues } from "./minutes-form.ts";
import { MAX_PAPER_BYTES, paperFromBody, sendPaper } from "./papers.ts";
import { findPaper } from "./repository.ts";
import { meetingPaths } from "./paths.ts";

export function registerMinutesRoutes(app: FastifyInstance, { db }: AppContext): void {
  const base = (context: MeetingContext) => meetingPaths.meeting(context.partnership.id, context.record.meeting.id);

  formRoute(app, {
    path: meetingPaths.minutes,
    needs: { partnership: "partnership:edit" },
    load: async (ctx) => {
      const context = await meetingContext(db, ctx.request);
      const members = await listMemberOrganisations(db, [context.partnership.id]);
      return { context, members };
    },
    template: "meetings/views/minutes-edit.njk",
    view: ({ record: { context, members } }) => ({
      title: `Minutes – ${context.partnership.name}`,
      ...context,
      ...context.record,
      members,
    }),
    initial: (ctx) => minutesValues(ctx.record.context.record),
    schema: (ctx) => minutesSchema(ctx.record.members),
    save: async (ctx, data) => {
      const { context } = ctx.record;
      await saveMinutes(db, ctx.audit, context.owner, context.record.meeting.id, data, data.attendance);
      return base(context);
    },
    flash: "Your changes have been saved",
  });

  // Word and PDF come from one document model through lib/documents, like every other document.
  for (const format of ["docx", "pdf"] as const) {
    const path = format === "docx" ? meetingPaths.minutesDocx : meetingPaths.minutesPdf;
    app.get(path.pattern, needs(path, { partnership: "partnership:read" }), async (request, reply) => {
      const context = await meetingContext(db, request);
      requireMinutesVisible(context);
      if (!context.record.meeting.minutes) throw AppError.notFound("No minutes have been recorded for this meeting");
      const document = minutesDocument(context.partnership, context.record);
      return sendDocument(reply, document, format, `minutes-${context.record.meeting.meetingDate}`);
    });
  }

  app.get(
    meetingPaths.minutesPrint.pattern,
    needs(meetingPaths.minutesPrint, { partnership: "partnership:read" }),
    async (request, reply) => {
      const context = await meetingContext(db, request);
      requireMinutesVisible(context);
      return reply.view("meetings/views/minutes-print.njk", {
        title: `Minutes – ${context.partnership.name}`,
        ...context,
        ...context.record,
      });
    },
  );

  app.get(
    meetingPaths.paper.pattern,
    needs(meetingPaths.paper, { partnership: "partnership:read" }),
    async (request, reply) => {
      const { childId } = request.params;
      const context = await meetingContext(db, request);
      requireMinutesVisible(context);
      const paper = await findPaper(db, context.owner, context.record.meeting.id, childId);
      if (!paper) throw AppError.notFound();
      return sendPaper(reply, paper);
    },
  );

  // Uploads get multipart parsing in their own scope; fields come back on the body so the
  // kernel's CSRF check reads `_csrf` like any other form.
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      attachFieldsToBody: true,
      throwFileSizeLimit: false,
      limits: { fileSize: MAX_PAPER_BYTES, files: 1, fields: 5, fieldSize: 1024 },
    });
    scope.post(
      meetingPaths.papers.pattern,
      { ...needs(meetingPaths.papers, { partnership: "partnership:edit" }), config: { uploadLimit: "20 MB" } },
      async (request, reply) => {
        const context = await meetingContext(db, request);
        const check = paperFromBody(request.body, "paper");
        if (!check.ok)
          return renderMeeting(
            reply,
            context,
            { errors: [{ field: "paper", message: check.message }], form: "paper" },
            400,
          );
        await addPaper(db, request.auditContext(), {
          owner: context.owner,
          meetingId: context.record.meeting.id,
          fileName: check.fileName,
          contentType: check.contentType,
          sha256: check.sha256,
          content: check.content,
        });
        return reply.flash("Your changes have been saved").redirect(`${base(context)}#papers`, 303);
      },
    );
  });
}
