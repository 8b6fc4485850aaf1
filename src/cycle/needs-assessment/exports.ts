import type { FastifyReply } from "fastify";
import { AppError } from "../../kernel/errors/app-error.ts";
import {
  chromiumAvailable,
  type DocumentInput,
  renderDocumentDocx,
  renderDocumentPdf,
  renderStandaloneHtml,
} from "../../lib/documents/index.ts";

export const exportFormats = ["html", "docx", "pdf"] as const;
export type ExportFormat = (typeof exportFormats)[number];

const contentTypes: Record<ExportFormat, string> = {
  html: "text/html; charset=utf-8",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
};

function fileName(base: string, format: ExportFormat): string {
  const safe =
    base
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "needs-assessment";
  return `${safe}.${format}`;
}

/** Sends the document as a download in one of the three formats (DOCX in a worker, PDF via Chromium). */
export async function sendExport(
  reply: FastifyReply,
  document: DocumentInput,
  format: ExportFormat,
  name: string,
  cacheControl: string,
) {
  let body: string | Buffer;
  if (format === "html") {
    const nonce = (reply as unknown as { cspNonce?: { style?: string } }).cspNonce?.style;
    body = renderStandaloneHtml(document, { nonce });
  } else if (format === "docx") body = await renderDocumentDocx(document);
  else {
    if (!chromiumAvailable())
      throw new AppError(
        "UNAVAILABLE",
        "PDF export is not available on this server: download the HTML version and use your browser's 'Save as PDF'",
      );
    body = await renderDocumentPdf(document);
  }
  return reply
    .header("content-type", contentTypes[format])
    .header("content-disposition", `attachment; filename="${fileName(name, format)}"`)
    .header("cache-control", cacheControl)
    .send(body);
}
