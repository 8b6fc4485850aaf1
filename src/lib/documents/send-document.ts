import type { FastifyReply } from "fastify";
import { AppError } from "../../kernel/errors/app-error.ts";
import { fileSlug, PRIVATE, sendDownload } from "../../kernel/http/download.ts";
import { renderDocumentDocx } from "./docx-worker-pool.ts";
import { renderStandaloneHtml } from "./html-renderer.ts";
import { chromiumAvailable, renderDocumentPdf } from "./pdf-renderer.ts";
import type { DocumentInput } from "./schemas.ts";

export const documentFormats = ["html", "docx", "pdf"] as const;
export type DocumentFormat = (typeof documentFormats)[number];

/**
 * Sends a document as a file: DOCX (rendered in the worker thread, off the event loop), PDF
 * (headless Chromium) or standalone HTML (shown in the browser; see kernel/http/download.ts).
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
    return sendDownload(reply, { fileName, type: "pdf", body: await renderDocumentPdf(document), cache });
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
