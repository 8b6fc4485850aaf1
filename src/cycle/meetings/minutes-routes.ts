import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../kernel/http/context.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { needs } from "../../kernel/http/pipeline.ts";
import { sendDocument } from "../../lib/documents/index.ts";
import { meetingContext, requireMinutesVisible } from "./meeting-page.ts";
import { minutesDocument } from "./minutes-document.ts";
import { meetingPaths } from "./paths.ts";

export function registerMinutesRoutes(app: FastifyInstance, { db }: AppContext): void {
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
}
