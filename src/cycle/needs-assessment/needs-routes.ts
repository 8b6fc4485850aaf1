import type { FastifyInstance } from "fastify";
import { can, type Nation } from "../../kernel/auth/policy.ts";
import { needs } from "../../kernel/http/pipeline.ts";
import { needsAssessmentPaths } from "./paths.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { evidenceCoverage } from "../actions/index.ts";
import { buildSnapshot } from "./assessment-view.ts";
import { consultationVoices } from "./extension-points.ts";
import { assessmentCharts, assessmentDocument } from "./document.ts";
import { panelHtml } from "./panel-html.ts";
import { assessmentUrl } from "./form-route.ts";
import { registerNeedsForms } from "./needs-forms.ts";
import { registerNeedsRemovals } from "./needs-removals.ts";
import { findAssessment, listPublications } from "./repository.ts";
import { formatDate } from "../../kernel/time.ts";
import { type DocumentFormat, drawChartsAhead, sendDocument } from "../../lib/documents/index.ts";

type Coverage = Awaited<ReturnType<typeof evidenceCoverage>>[number];

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
      const assessmentRow = findAssessment(db, id);
      const [assessment, snapshot, publications] = await Promise.all([
        assessmentRow,
        buildSnapshot(db, partnership, undefined, voices, assessmentRow),
        listPublications(db, id),
      ]);
      // Two-way links: which strategy priorities and actions answer each finding, entry and indicator.
      const references = snapshot.sections.flatMap((section) => [
        ...section.findings.map((f) => ({ kind: "finding" as const, referenceId: f.id })),
        ...section.qualitative.map((q) => ({ kind: "qualitative" as const, referenceId: q.id })),
        ...section.panels.map((p) => ({ kind: "indicator" as const, referenceId: p.indicatorSlug })),
      ]);
      const coverage = await evidenceCoverage(db, id, references);
      const linksFor = (kind: string, referenceId: string): Coverage | undefined =>
        coverage.find((c) => c.kind === kind && c.referenceId === referenceId);
      const sections = snapshot.sections.map((section) => ({
        ...section,
        panels: section.panels.map((panel) => ({
          ...panel,
          html: panelHtml(panel),
          links: linksFor("indicator", panel.indicatorSlug),
        })),
        findings: section.findings.map((finding) => ({
          ...finding,
          links: linksFor("finding", finding.id),
          voices: (snapshot.voices ?? []).flatMap((voice) =>
            voice.themes.filter((theme) => theme.findingIds.includes(finding.id)).map((theme) => ({ ...theme, voice })),
          ),
        })),
        qualitative: section.qualitative.map((entry) => ({ ...entry, links: linksFor("qualitative", entry.id) })),
      }));
      return reply.view("needs-assessment/views/assessment.njk", {
        title: `Needs assessment – ${partnership.name}`,
        partnership,
        snapshot,
        sections,
        state: publications.length ? "published" : assessment ? "draft" : "not-started",
        lastUpdated: assessment ? formatDate(assessment.updatedAt) : null,
        reviewDate: snapshot.reviewDate ? formatDate(snapshot.reviewDate) : null,
        publications: publications.map((row) => ({ ...row, publishedOn: formatDate(row.publishedAt) })),
        canEdit: can(request.actor, "partnership:edit", target),
        canPublish: can(request.actor, "partnership:manage", target),
        base: assessmentUrl(id),
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
