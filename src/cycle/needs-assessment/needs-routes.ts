import type { FastifyInstance } from "fastify";
import { can, type Nation } from "../../kernel/auth/policy.ts";
import { needs } from "../../kernel/http/pipeline.ts";
import { needsAssessmentPaths } from "./paths.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { buildSnapshot } from "./assessment-view.ts";
import { consultationVoices } from "./extension-points.ts";
import { assessmentCharts, assessmentDocument } from "./document.ts";
import { draftHtml, draftView } from "./draft-view.ts";
import { assessmentUrl } from "./form-route.ts";
import { registerNeedsForms } from "./needs-forms.ts";
import { registerNeedsRemovals } from "./needs-removals.ts";
import { formatDate } from "../../kernel/time.ts";
import { type DocumentFormat, drawChartsAhead, sendDocument } from "../../lib/documents/index.ts";

export function registerNeedsRoutes(app: FastifyInstance, context: AppContext): void {
  const { db } = context;
  // What children and families said in published consultations (the consultation domain's).
  const voices = context.extensions.optional(consultationVoices);
  registerNeedsForms(app, db);
  registerNeedsRemovals(app, db, voices);

  app.get(
    needsAssessmentPaths.assessment.pattern,
    needs(needsAssessmentPaths.assessment, { partnership: "partnership:read" }),
    async (request, reply) => {
      const { id } = request.params;
      const partnership = request.partnership;
      const target = { partnershipId: id, nation: partnership.nation as Nation };
      // Kept per content, data and access version (draft-view.ts); what this reader may do is not.
      const view = await draftView(db, partnership, voices);
      const canEdit = can(request.actor, "partnership:edit", target);
      const canPublish = can(request.actor, "partnership:manage", target);
      return reply.view("needs-assessment/views/assessment.njk", {
        title: `Needs assessment – ${partnership.name}`,
        partnership,
        bodyHtml: draftHtml(view, partnership, { canEdit, canPublish, base: assessmentUrl(id) }),
      });
    },
  );

  app.get(
    needsAssessmentPaths.export.pattern,
    needs(needsAssessmentPaths.export, { partnership: "partnership:read" }),
    async (request, reply) => {
      const { format } = request.params;
      const partnership = request.partnership;
      const snapshot = await buildSnapshot(db, partnership, undefined, voices);
      await drawChartsAhead(assessmentCharts(snapshot));
      const document = assessmentDocument(snapshot, { status: "Draft", date: formatDate(new Date()) });
      // The path allows only the document formats.
      return sendDocument(reply, document, format as DocumentFormat, `needs-assessment-draft-${partnership.areaName}`);
    },
  );
}
