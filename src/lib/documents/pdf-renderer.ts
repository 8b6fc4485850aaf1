import { existsSync } from "node:fs";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { documentWorker } from "./document-worker-pool.ts";
import type { PrintableHtml } from "./document-worker-tasks.ts";
import type { DocumentInput } from "./schemas.ts";

export const CHROMIUM_PATH = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";
/** The flags this machine needs: no sandbox as root, and no background calls to a closed network. */
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

export interface PdfRendererOptions {
  executablePath?: string;
  /** Pages printed at once; more only queue (each page costs Chromium memory and CPU). */
  concurrency?: number;
  /** Per document, including waiting in the queue. */
  timeoutMs?: number;
  /** Validates the model and renders its page: by default in the documents worker, off the event loop. */
  printableHtml?: (input: DocumentInput) => Promise<PrintableHtml>;
}

export interface PdfRenderer {
  renderHtml(html: string, options?: { title?: string }): Promise<Buffer>;
  renderDocument(input: DocumentInput): Promise<Buffer>;
  close(): Promise<void>;
}

export function chromiumAvailable(executablePath = CHROMIUM_PATH): boolean {
  return existsSync(executablePath);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * One lazily launched Chromium per renderer, kept warm and relaunched after a crash; each document
 * gets a fresh context (nothing carried between documents); the page's HTML is built in the
 * documents worker and the printing runs in Chromium's processes, so the Node event loop only
 * waits on IPC. A small semaphore bounds concurrent pages.
 */
export function createPdfRenderer(options: PdfRendererOptions = {}): PdfRenderer {
  const executablePath = options.executablePath ?? CHROMIUM_PATH;
  const concurrency = options.concurrency ?? 2;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const printableHtml = options.printableHtml ?? ((input: DocumentInput) => documentWorker().printableHtml(input));
  let browser: Promise<Browser> | null = null;
  /**
   * A fresh context and page opened ahead, while nothing is printing: opening a page starts a
   * renderer process (~0.5–1 s of Chromium CPU), which then is not on the next document's path.
   */
  let spare: Promise<{ context: BrowserContext; page: Page }> | null = null;
  let closed = false;
  let active = 0;
  const waiting: (() => void)[] = [];

  const launch = (): Promise<Browser> => {
    if (!browser) {
      if (!chromiumAvailable(executablePath))
        throw new Error(`Chromium not found at ${executablePath}: install Debian's chromium package`);
      browser = chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: timeoutMs }).then((launched) => {
        // A crashed browser is relaunched on the next request rather than failing forever.
        launched.on("disconnected", () => {
          browser = null;
          spare = null;
        });
        return launched;
      });
      browser.catch(() => {
        browser = null;
      });
    }
    return browser;
  };

  const acquire = async (): Promise<void> => {
    if (active < concurrency) {
      active += 1;
      return;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  };
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active -= 1;
  };

  const open = async () => {
    const context = await (await launch()).newContext({ javaScriptEnabled: false, offline: true });
    try {
      return { context, page: await context.newPage() };
    } catch (error) {
      await context.close().catch(() => undefined);
      throw error;
    }
  };
  /** The spare page if it is still usable (its browser may have gone), else a new one. */
  const take = async () => {
    const ready = spare;
    spare = null;
    const got = ready ? await ready.catch(() => null) : null;
    return got && !got.page.isClosed() ? got : open();
  };
  const prepare = () => {
    if (spare || closed || waiting.length > 0) return;
    const next = open();
    next.catch(() => {
      if (spare === next) spare = null;
    });
    spare = next;
  };

  async function print(html: string, title: string): Promise<Buffer> {
    await acquire();
    try {
      const { context, page } = await take();
      try {
        page.setDefaultTimeout(timeoutMs);
        await page.setContent(html, { waitUntil: "load" });
        const footer = `<div style="font-family: Arial, sans-serif; font-size: 8pt; color: #505a5f; width: 100%; padding: 0 18mm; display: flex; justify-content: space-between;"><span>${escapeHtml(title)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;
        return await page.pdf({
          format: "A4",
          printBackground: true,
          margin: { top: "18mm", bottom: "20mm", left: "18mm", right: "18mm" },
          displayHeaderFooter: true,
          headerTemplate: "<span></span>",
          footerTemplate: footer,
          tagged: true,
          outline: true,
        });
      } finally {
        await context.close();
      }
    } finally {
      release();
      prepare();
    }
  }

  const withTimeout = <T>(work: Promise<T>): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`PDF rendering took longer than ${timeoutMs} ms`)), timeoutMs);
    });
    return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
  };

  return {
    renderHtml: (html, printOptions = {}) => withTimeout(print(html, printOptions.title ?? "")),
    renderDocument: (input) => withTimeout(printableHtml(input).then(({ html, title }) => print(html, title))),
    async close() {
      closed = true;
      const current = browser;
      browser = null;
      spare = null;
      if (current) await (await current.catch(() => null))?.close();
    },
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
