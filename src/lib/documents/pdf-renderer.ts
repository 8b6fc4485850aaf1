import { existsSync } from "node:fs";
import { createDocumentWorker } from "./document-worker-pool.ts";
import type { PdfRequest } from "./document-worker-tasks.ts";
import type { PdfPrinterOptions } from "./pdf-printer.ts";
import type { DocumentInput } from "./schemas.ts";

export const CHROMIUM_PATH = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";

export interface PdfRendererOptions {
  executablePath?: string;
  /** Pages printed at once; more only queue (each page costs Chromium memory and CPU). */
  concurrency?: number;
  /** Per document, including waiting in the queue. */
  timeoutMs?: number;
}

export interface PdfRenderer {
  renderHtml(html: string, options?: { title?: string }): Promise<Buffer>;
  renderDocument(input: DocumentInput): Promise<Buffer>;
  close(): Promise<void>;
}

export function chromiumAvailable(executablePath = CHROMIUM_PATH): boolean {
  return existsSync(executablePath);
}

/**
 * PDFs printed by a warm Chromium driven from a worker thread of their own (pdf-printer.ts), so
 * neither the page's HTML, nor Playwright's protocol traffic, nor the PDF's bytes are handled on
 * the app's event loop: it only posts the model and receives the file. The worker starts with the
 * first PDF and keeps the browser and its pages warm between documents. A document that takes
 * longer than timeoutMs fails with a clear error (here, and in the worker, which frees its page);
 * a worker that stops answering is terminated 10 s later, which ends its Chromium too, and the
 * next PDF starts afresh.
 */
export function createPdfRenderer(options: PdfRendererOptions = {}): PdfRenderer {
  const printer: PdfPrinterOptions = {
    executablePath: options.executablePath ?? CHROMIUM_PATH,
    concurrency: options.concurrency ?? 2,
    timeoutMs: options.timeoutMs ?? 30_000,
  };
  // The worker gives up on a document after timeoutMs of its own; this backstop is for a worker
  // that stopped answering (and covers its start, seconds on a busy machine).
  const worker = createDocumentWorker({ timeoutMs: printer.timeoutMs + 10_000 });
  const render = async (request: PdfRequest) => {
    if (!chromiumAvailable(printer.executablePath))
      throw new Error(`Chromium not found at ${printer.executablePath}: install Debian's chromium package`);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`PDF rendering took longer than ${printer.timeoutMs} ms`)),
        printer.timeoutMs,
      );
    });
    return Promise.race([worker.pdf(request), timeout]).finally(() => clearTimeout(timer));
  };
  return {
    renderHtml: (html, printOptions = {}) => render({ printer, html, title: printOptions.title ?? "" }),
    renderDocument: (document) => render({ printer, document }),
    close: () => worker.close(),
  };
}

let shared: PdfRenderer | null = null;
/** The process-wide renderer: call closePdfRenderer() on shutdown. */
export function renderDocumentPdf(input: DocumentInput): Promise<Buffer> {
  shared ??= createPdfRenderer();
  return shared.renderDocument(input);
}

/** Prints any self-contained HTML page (e.g. minutes) with the process-wide renderer. */
export function renderHtmlPdf(html: string, options: { title?: string } = {}): Promise<Buffer> {
  shared ??= createPdfRenderer();
  return shared.renderHtml(html, options);
}

export async function closePdfRenderer(): Promise<void> {
  const current = shared;
  shared = null;
  await current?.close();
}
