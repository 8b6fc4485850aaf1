import type { FastifyInstance } from "fastify";
import { AppError } from "../../kernel/errors/app-error.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { PUBLIC } from "../../kernel/http/download.ts";
import { needs } from "../../kernel/http/pipeline.ts";
import { needsAssessmentPaths } from "./paths.ts";
import {
  type DocumentFormat,
  drawChartsAhead,
  renderDocumentFragment,
  sendDocument,
} from "../../lib/documents/index.ts";
import type { AssessmentSnapshot } from "./assessment-view.ts";
import { assessmentCharts, assessmentDocument } from "./document.ts";
import { findPublication, type PublicationRow } from "./repository.ts";
import { formatDate } from "../../kernel/time.ts";

/** A publication as a document: only what was frozen into it, never the live draft. */
function publicationDocument(row: PublicationRow) {
  const snapshot = row.snapshot as AssessmentSnapshot;
  return {
    snapshot,
    document: assessmentDocument(snapshot, {
      status: "Published",
      version: `Version ${row.number}`,
      date: formatDate(row.publishedAt),
      author: row.publishedByName,
    }),
  };
}

/** Published assessments are public: readable without signing in, by their publication id. */
export function registerPublicationRoutes(app: FastifyInstance, { db }: AppContext): void {
  async function load(id: string): Promise<PublicationRow> {
    const row = await findPublication(db, id);
    if (!row) throw AppError.notFound();
    return row;
  }

  const page = needsAssessmentPaths.publication;
  app.get(page.pattern, needs(page, { public: true }), async (request, reply) => {
    const { publicationId } = request.params;
    const row = await load(publicationId);
    const { snapshot, document } = publicationDocument(row);
    return reply.view("needs-assessment/views/publication.njk", {
      title: `${document.title} (version ${row.number})`,
      heading: document.title,
      snapshot,
      publication: {
        id: row.id,
        number: row.number,
        publishedOn: formatDate(row.publishedAt),
        publishedBy: row.publishedByName,
        dataRead: formatDate(snapshot.generatedAt),
      },
      content: renderDocumentFragment(document, { showTitle: false }),
    });
  });

  const download = needsAssessmentPaths.publicationExport;
  app.get(download.pattern, needs(download, { public: true }), async (request, reply) => {
    const { publicationId, format } = request.params;
    const row = await load(publicationId);
    await drawChartsAhead(assessmentCharts(row.snapshot as AssessmentSnapshot));
    const { snapshot, document } = publicationDocument(row);
    // The path allows only the document formats.
    return sendDocument(
      reply,
      document,
      format as DocumentFormat,
      `needs-assessment-${snapshot.areaName}-version-${row.number}`,
      {
        cache: PUBLIC,
      },
    );
  });
}
