import type { FastifyReply } from "fastify";
import { AppError } from "../../kernel/errors/app-error.ts";
import {
  chromiumAvailable,
  type DocumentInput,
  renderDocumentDocx,
  renderDocumentPdf,
  renderStandaloneHtml,
} from "../../lib/documents/index.ts";

export type ExportFormat = "docx" | "pdf" | "html";

function contentDisposition(kind: "attachment" | "inline", fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function fileBase(title: string, year: string): string {
  return `${title.replace(/\d{4}\/\d{2}/, "").trim()} ${year.replace("/", "-")}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** Sends the document as DOCX (rendered off the event loop), PDF (headless Chromium) or standalone HTML. */
export async function sendDocument(
  reply: FastifyReply,
  document: DocumentInput,
  format: ExportFormat,
  name: string,
  options: { cache?: boolean } = {},
) {
  reply.header("cache-control", options.cache ? "public, max-age=300" : "no-store");
  if (format === "docx") {
    const buffer = await renderDocumentDocx(document);
    return reply
      .type("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
      .header("content-disposition", contentDisposition("attachment", `${name}.docx`))
      .send(buffer);
  }
  if (format === "pdf") {
    if (!chromiumAvailable())
      throw new AppError(
        "UNAVAILABLE",
        "PDF printing is not available on this server: download the Word or HTML version",
      );
    const buffer = await renderDocumentPdf(document);
    return reply
      .type("application/pdf")
      .header("content-disposition", contentDisposition("attachment", `${name}.pdf`))
      .send(buffer);
  }
  // The standalone page carries its own inline stylesheet: allowed by this response's CSP nonce.
  const nonce = (reply as unknown as { cspNonce?: { style: string } }).cspNonce?.style;
  // An empty icon, so browsers showing the page (or the saved file) do not ask for /favicon.ico.
  const html = renderStandaloneHtml(document, nonce ? { nonce } : {}).replace(
    "<head>",
    '<head>\n  <link rel="icon" href="data:,">',
  );
  return reply
    .type("text/html; charset=utf-8")
    .header("content-disposition", contentDisposition("inline", `${name}.html`))
    .send(html);
}

export const exportFormats = ["docx", "pdf", "html"] as const;
