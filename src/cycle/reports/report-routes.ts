import type { FastifyInstance } from "fastify";
import type { CompletenessLinks } from "./completeness.ts";
import { can, type Nation } from "../../kernel/auth/policy.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { needs, type ParsedRequest } from "../../kernel/http/pipeline.ts";
import { reportPaths } from "./paths.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { renderDocumentFragment, sendDocument } from "../../lib/documents/index.ts";
import { currentReportingYear, londonToday, reportingYearChoices, reportingYearFrom } from "../../kernel/time.ts";
import type { PartnershipRow } from "../../workspace/partnerships/index.ts";
import { signOffRoleLabels, type SignOffRole } from "../strategy/index.ts";
import { composeDocument } from "./compose.ts";
import { registerPublishRoutes } from "./publish-routes.ts";
import { registerReportForms } from "./report-form-routes.ts";
import { exportFormats, fileBase } from "./exports.ts";
import { longDate } from "./format.ts";
import { type ReportType, reportTypeLabels } from "./report-types.ts";
import type { LivedExperienceActivity, ReviewComment } from "./extension-points.ts";
import * as repo from "./repository.ts";
import * as service from "./report-service.ts";

export const statusLabels: Record<string, string> = {
  draft: "Draft",
  "signed-off": "Signed off",
  published: "Published",
};
const feedbackStatusLabels: Record<string, string> = {
  requested: "Requested",
  "in-review": "In review",
  returned: "Returned",
};

export interface ReportRouteDeps {
  /** National partners' review comments on a report (the national domain's, through an extension point). */
  reviewFeedback?: (
    db: Executor,
    partnershipId: string,
    report: { id: string; reportingYear: string },
  ) => Promise<ReviewComment[]>;
  /** Engagement activities of the report year (the consultation domain's, through an extension point). */
  livedExperience?: (db: Executor, partnershipId: string, reportingYear: string) => Promise<LivedExperienceActivity[]>;
  /** Pages of higher domains the completeness check links to (the consultation register). */
  links: CompletenessLinks;
}

export function registerReportRoutes(app: FastifyInstance, { db }: AppContext, deps: ReportRouteDeps): void {
  const target = (partnership: PartnershipRow) => ({
    partnershipId: partnership.id,
    nation: partnership.nation as Nation,
  });

  /** The report at `:reportId` of the partnership the route's needs loaded and authorized. */
  async function reportContext(request: ParsedRequest<{ reportId: string }>) {
    const partnership = request.partnership;
    const id = partnership.id;
    const { reportId } = request.params;
    const loaded = await service.loadReport(db, id, reportId, deps.links);
    return { partnership, loaded };
  }

  app.get(
    reportPaths.list.pattern,
    needs(reportPaths.list, { partnership: "partnership:read" }),
    async (request, reply) => {
      const { id } = request.params;
      const partnership = request.partnership;
      const all = await repo.listReports(db, id);
      // One reporting year (the one due now unless chosen), or every year.
      const asked = (request.query as { year?: unknown } | undefined)?.year;
      const year = asked === "all" ? "all" : reportingYearFrom(asked, londonToday());
      const rows = year === "all" ? all : all.filter((row) => row.reportingYear === year);
      const withVersions = await Promise.all(
        rows.map(async (row) => ({
          ...row,
          typeLabel: reportTypeLabels[row.type as ReportType] ?? row.type,
          statusLabel: statusLabels[row.status] ?? row.status,
          publications: await repo.listPublications(db, row.id),
        })),
      );
      return reply.view("reports/views/list.njk", {
        title: `Reports – ${partnership.name}`,
        partnership,
        rows: withVersions,
        canEdit: can(request.actor, "partnership:edit", target(partnership)),
        currentYear: currentReportingYear(londonToday()),
        year,
        otherYears: all.length - rows.length,
        yearItems: [
          { value: "all", text: "All years" },
          ...reportingYearChoices(
            londonToday(),
            all.map((row) => row.reportingYear),
          ).map((value) => ({ value, text: value })),
        ],
      });
    },
  );

  registerReportForms(app, db, deps);

  const read = { partnership: "partnership:read" } as const;
  app.get(reportPaths.report.pattern, needs(reportPaths.report, read), async (request, reply) => {
    const { partnership, loaded } = await reportContext(request);
    const { report, generated, narratives, signOffs, publications } = loaded;
    const document = composeDocument({ partnership, generated, narratives, signOffs, status: "Draft" });
    // Review feedback is for the partnership's lead and the nation's coordinators (as on the feedback page).
    const canSeeFeedback =
      can(request.actor, "partnership:manage", target(partnership)) ||
      can(request.actor, "nation:read", { nation: partnership.nation as Nation });
    const feedback = canSeeFeedback && deps.reviewFeedback ? await deps.reviewFeedback(db, partnership.id, report) : [];
    return reply.view("reports/views/report.njk", {
      canSeeFeedback,
      feedback: feedback.map((row) => ({ ...row, statusLabel: feedbackStatusLabels[row.status] ?? row.status })),
      title: `${generated.title} – ${partnership.name}`,
      partnership,
      report,
      generated,
      statusLabel: statusLabels[report.status] ?? report.status,
      sections: generated.sections.map((section) => ({
        ...section,
        hasNarrative: !!narratives.get(section.key)?.trim(),
        href: reportPaths.section(partnership.id, report.id, section.key),
      })),
      completeness: loaded.completeness,
      missing: loaded.completeness.filter((item) => !item.met).length,
      signOffs: signOffs.map((row) => ({
        ...row,
        roleLabel: signOffRoleLabels[row.role as SignOffRole] ?? row.role,
        dateLabel: longDate(row.signedOn),
      })),
      publications: publications.map((row) => ({ ...row, dateLabel: longDate(row.publishedAt) })),
      generatedOnLabel: longDate(generated.generatedOn),
      documentHtml: renderDocumentFragment(document, { showTitle: false }),
      canEdit: can(request.actor, "partnership:edit", target(partnership)),
      canManage: can(request.actor, "partnership:manage", target(partnership)),
      exports: exportFormats.map((format) => ({
        format,
        href: reportPaths.exportDraft(format)(partnership.id, report.id),
      })),
    });
  });

  for (const format of exportFormats) {
    const download = reportPaths.exportDraft(format);
    app.get(download.pattern, needs(download, read), async (request, reply) => {
      const { partnership, loaded } = await reportContext(request);
      const document = composeDocument({
        partnership,
        generated: loaded.generated,
        narratives: loaded.narratives,
        signOffs: loaded.signOffs,
        status: "Draft",
      });
      return sendDocument(
        reply,
        document,
        format,
        `${fileBase(loaded.generated.title, loaded.report.reportingYear)}-draft`,
      );
    });
  }

  app.post(
    reportPaths.regenerate.pattern,
    needs(reportPaths.regenerate, { partnership: "partnership:edit" }),
    async (request, reply) => {
      const { id, reportId } = request.params;
      const partnership = request.partnership;
      await service.regenerateReport(db, request.auditContext(), partnership, reportId, londonToday(), deps);
      return reply.flash("Your changes have been saved").redirect(reportPaths.report(id, reportId), 303);
    },
  );

  registerPublishRoutes(app, db, deps.links);
}
