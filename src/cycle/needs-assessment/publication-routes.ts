import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { AppError } from "../../kernel/errors/app-error.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { parseParams } from "../../kernel/http/params.ts";
import { PUBLIC } from "../../kernel/http/download.ts";
import { documentFormats, renderDocumentFragment, sendDocument } from "../../lib/documents/index.ts";
import type { AssessmentSnapshot } from "./assessment-view.ts";
import { assessmentDocument } from "./document.ts";
import { findPublication, type PublicationRow } from "./repository.ts";
import { formatDate } from "../../kernel/time.ts";

const pageParams = z.object({ publicationId: z.uuid() });
const exportParams = z.object({ publicationId: z.uuid(), format: z.enum(documentFormats) });

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

  app.get("/published/needs-assessments/:publicationId", async (request, reply) => {
    const { publicationId } = parseParams(pageParams, request.params);
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

  app.get("/published/needs-assessments/:publicationId/export/:format", async (request, reply) => {
    const { publicationId, format } = parseParams(exportParams, request.params);
    const row = await load(publicationId);
    const { snapshot, document } = publicationDocument(row);
    return sendDocument(reply, document, format, `needs-assessment-${snapshot.areaName}-version-${row.number}`, {
      cache: PUBLIC,
    });
  });
}
