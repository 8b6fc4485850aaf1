import type { FastifyInstance } from "fastify";
import { nationLabels, type Nation } from "../../kernel/auth/policy.ts";
import { createVersionedCache } from "../../kernel/db/data-version.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { type DocumentInput, renderDocumentFragment, sendDocument } from "../../lib/documents/index.ts";
import { needs } from "../../kernel/http/pipeline.ts";
import { reportPaths } from "./paths.ts";
import { PUBLIC } from "../../kernel/http/download.ts";
import { exportFormats, fileBase } from "./exports.ts";
import { longDate } from "./format.ts";
import { type ReportType, reportTypeLabels } from "./report-types.ts";
import * as repo from "./repository.ts";
import { strategyDocument } from "./strategy-document.ts";
import type { ListedConsultation, PublishedAssessment } from "./extension-points.ts";

interface Snapshot {
  document: DocumentInput;
}

/**
 * A publication is frozen when it is made (nothing updates report_publications), so its rendered
 * body and title are kept by its id: a request reads only the small list of the report's versions
 * (which also says the publication still exists), not the snapshot. Per database object, as every
 * cache here is, so tests' databases never share.
 */
const frozenBodies = createVersionedCache<{ title: string; html: string }>(200);

/** Published reports and signed-off strategies: readable by anyone, no sign-in. */
export function registerPublicRoutes(
  app: FastifyInstance,
  { db }: AppContext,
  deps: {
    publishedAssessments?: (db: AppContext["db"]) => Promise<PublishedAssessment[]>;
    consultations?: (db: AppContext["db"]) => Promise<ListedConsultation[]>;
  } = {},
): void {
  app.get("/published", async (_request, reply) => {
    const [publications, strategies, assessments, consultations] = await Promise.all([
      repo.listAllPublications(db),
      repo.listSignedOffStrategies(db),
      deps.publishedAssessments?.(db) ?? [],
      deps.consultations?.(db) ?? [],
    ]);
    return reply.view("reports/views/published-index.njk", {
      title: "Published reports and strategies",
      publications: publications.map((row) => ({
        ...row,
        typeLabel: reportTypeLabels[row.type as ReportType] ?? row.type,
        nationLabel: nationLabels[row.nation as Nation] ?? row.nation,
        dateLabel: longDate(row.publishedAt),
      })),
      strategies,
      consultations,
      assessments: assessments.map((row) => ({ ...row, dateLabel: longDate(row.publishedAt) })),
    });
  });

  const open = { public: true } as const;
  app.get(reportPaths.published.pattern, needs(reportPaths.published, open), async (request, reply) => {
    const { publicationId } = request.params;
    const versions = await repo.listSiblingPublications(db, publicationId);
    const publication = versions.find((version) => version.id === publicationId);
    if (!publication) throw AppError.notFound();
    const body = await frozenBodies.get(db, "frozen", publicationId, async () => {
      const row = await repo.findPublication(db, publicationId);
      if (!row) throw AppError.notFound();
      const { document } = row.publication.snapshot as Snapshot;
      return { title: document.title, html: renderDocumentFragment(document, { showTitle: false }) };
    });
    return reply.view("reports/views/published-report.njk", {
      title: `${body.title} – ${publication.partnershipName}`,
      heading: body.title,
      partnershipName: publication.partnershipName,
      publication,
      documentHtml: body.html,
      versions: versions.map((version) => ({
        ...version,
        dateLabel: longDate(version.publishedAt),
        current: version.id === publicationId,
      })),
      exports: exportFormats.map((format) => ({
        format,
        href: `/published/reports/${publicationId}/report.${format}`,
      })),
    });
  });

  for (const format of exportFormats) {
    const download = reportPaths.publishedDocument(format);
    app.get(download.pattern, needs(download, open), async (request, reply) => {
      const { publicationId } = request.params;
      const row = await repo.findPublication(db, publicationId);
      if (!row) throw AppError.notFound();
      const snapshot = row.publication.snapshot as Snapshot;
      return sendDocument(
        reply,
        snapshot.document,
        format,
        `${fileBase(snapshot.document.title, row.report.reportingYear)}-v${row.publication.version}`,
        { cache: PUBLIC },
      );
    });
  }

  app.get(reportPaths.publishedStrategy.pattern, needs(reportPaths.publishedStrategy, open), async (request, reply) => {
    const { strategyId } = request.params;
    const row = await repo.findSignedOffStrategy(db, strategyId);
    if (!row) throw AppError.notFound();
    const document = await strategyDocument(db, row.strategy, row.partnership);
    return reply.view("reports/views/published-strategy.njk", {
      title: `${document.title} – ${row.partnership.name}`,
      heading: document.title,
      partnershipName: row.partnership.name,
      documentHtml: renderDocumentFragment(document, { showTitle: false }),
    });
  });
}
