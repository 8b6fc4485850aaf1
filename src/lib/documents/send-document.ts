import type { FastifyReply } from "fastify";
import { AppError } from "../../kernel/errors/app-error.ts";
import { fileSlug, PRIVATE, sendDownload } from "../../kernel/http/download.ts";
import { renderDocumentDocx } from "./document-worker-pool.ts";
import { renderStandaloneHtml } from "./html-renderer.ts";
import { documentPaths } from "./paths.ts";
import { chromiumAvailable } from "./pdf-renderer.ts";
import type { DocumentInput } from "./schemas.ts";

export const documentFormats = ["html", "docx", "pdf"] as const;
export type DocumentFormat = (typeof documentFormats)[number];

/**
 * Sends a document as a file: DOCX (rendered in the worker thread, off the event loop), standalone
 * HTML (shown in the browser; see kernel/http/download.ts), or for PDF a redirect to a PDF job's
 * page (job-routes.ts): printing takes Chromium seconds, which no request waits for.
 * `name` is a title; the file is named from it ("Needs assessment: Eastmuir" →
 * "needs-assessment-eastmuir.docx").
 */
export async function sendDocument(
  reply: FastifyReply,
  document: DocumentInput,
  format: DocumentFormat,
  name: string,
  options: { cache?: string } = {},
): Promise<FastifyReply> {
  const fileName = `${fileSlug(name, "document")}.${format}`;
  const cache = options.cache ?? PRIVATE;
  if (format === "docx")
    return sendDownload(reply, { fileName, type: "docx", body: await renderDocumentDocx(document), cache });
  if (format === "pdf") {
    if (!chromiumAvailable())
      throw new AppError(
        "UNAVAILABLE",
        "PDF is not available on this server: download the Word version, or open the HTML version and use your browser's 'Save as PDF'",
      );
    const jobs = reply.server.pdfJobs;
    if (!jobs) throw new Error("PDF jobs need the documents domain's routes (src/app.ts)");
    const jobId = await jobs.start({ userId: reply.request.actor?.userId ?? null, document, fileName });
    return reply.redirect(documentPaths.pdfJob(jobId), 303);
  }
  // The standalone page carries its own inline stylesheet: allowed by this response's CSP nonce.
  const nonce = (reply as unknown as { cspNonce?: { style?: string } }).cspNonce?.style;
  // An empty icon, so browsers showing the page (or the saved file) do not ask for /favicon.ico.
  const html = renderStandaloneHtml(document, nonce ? { nonce } : {}).replace(
    "<head>",
    '<head>\n  <link rel="icon" href="data:,">',
  );
  return sendDownload(reply, { fileName, type: "html", body: html, cache });
}
