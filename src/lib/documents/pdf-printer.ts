/**
 * Chromium driven by Playwright, in the PDF worker thread (pdf-renderer.ts starts it): Playwright
 * parses every protocol message and the PDF's bytes on the thread that drives it, 80–100 ms of CPU
 * per report, which on the app's thread stalled every other request by up to 110 ms.
 */
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

/** The flags this machine needs: no sandbox as root, and no background calls to a closed network. */
export const CHROMIUM_ARGS = [
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

/**
 * A page prints this many documents, then is closed and replaced: a renderer's memory only grows,
 * and a long-lived one would hold every report it ever printed in its caches.
 */
const DOCUMENTS_PER_PAGE = 50;

const SETPRIV = "/usr/bin/setpriv";

/**
 * As root, Chromium raises its own threads to niceness -8 (compositing, IO), which took the cores
 * from the app's event loop while printing: max delay 263 ms, p99 105 ms, over six reports. Started
 * without the right to raise priority (setpriv drops CAP_SYS_NICE), Chromium keeps the PDF worker
 * thread's niceness (10): max 90 ms, p99 37 ms, and the reports printed no slower. Not root: nothing
 * to drop, Chromium is started as it is.
 */
function withoutRaisedPriority(executablePath: string): string {
  if (process.getuid?.() !== 0 || !existsSync(SETPRIV) || executablePath.includes("'")) return executablePath;
  const wrapper = path.join(mkdtempSync(path.join(tmpdir(), "cpah-chromium-")), "chromium");
  writeFileSync(wrapper, `#!/bin/sh\nexec ${SETPRIV} --bounding-set -sys_nice -- '${executablePath}' "$@"\n`);
  chmodSync(wrapper, 0o700);
  return wrapper;
}

export interface PdfPrinterOptions {
  executablePath: string;
  /** Pages printed at once; more only queue (each page costs Chromium memory and CPU). */
  concurrency: number;
  /** Per document, including waiting in the queue. */
  timeoutMs: number;
  /** false: let Chromium raise its own priority, as it did before (for the bench's comparison). */
  dropPriority?: boolean;
  /** Documents a page prints before it is replaced (1: a new page for each, as before pages were kept warm). */
  documentsPerPage?: number;
}

export interface PdfPrinter {
  print(html: string, title: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

interface WarmPage {
  context: BrowserContext;
  page: Page;
  printed: number;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * One lazily launched Chromium, kept warm and relaunched after a crash, and its pages kept warm
 * too: a new page starts a renderer process and lays out its first document cold, which measured
 * 2–3 s of Chromium CPU per report against under 1 s on a page that has printed before. A page
 * holds nothing of one document into the next: JavaScript is off, the context is offline, the page
 * has no cookies or storage to keep (nothing can set them), and setContent replaces the whole
 * document. A page that failed is closed, not reused. At most `concurrency` pages, each printing
 * one document at a time.
 */
export function createPdfPrinter(options: PdfPrinterOptions): PdfPrinter {
  const { concurrency, timeoutMs } = options;
  let executablePath: string | null = null;
  const documentsPerPage = options.documentsPerPage ?? DOCUMENTS_PER_PAGE;
  let browser: Promise<Browser> | null = null;
  let closed = false;
  let open = 0;
  const idle: WarmPage[] = [];
  const waiting: ((page: WarmPage | null) => void)[] = [];

  const launch = async (): Promise<Browser> => {
    // A browser killed a moment ago may not have said so yet: its failed page has.
    const current = browser;
    if (current && !(await current.catch(() => null))?.isConnected() && browser === current) browser = null;
    if (!browser) {
      executablePath ??=
        options.dropPriority === false ? options.executablePath : withoutRaisedPriority(options.executablePath);
      const launching = chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: timeoutMs });
      browser = launching;
      launching.then(
        (launched) => {
          // A crashed browser is relaunched on the next document rather than failing forever.
          launched.on("disconnected", () => {
            if (browser === launching) browser = null;
            open -= idle.length;
            idle.length = 0;
          });
        },
        () => {
          if (browser === launching) browser = null;
        },
      );
    }
    return browser;
  };

  const openPage = async (): Promise<WarmPage> => {
    const context = await (await launch()).newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(timeoutMs);
      return { context, page, printed: 0 };
    } catch (error) {
      await context.close().catch(() => undefined);
      throw error;
    }
  };

  /** An idle page, a new one while under the limit, else the next one given back. */
  const take = async (): Promise<WarmPage> => {
    if (closed) throw new Error("The PDF printer is closed");
    for (let warm = idle.pop(); warm; warm = idle.pop()) {
      if (!warm.page.isClosed() && warm.context.browser()?.isConnected()) return warm;
      open -= 1;
    }
    if (open < concurrency) {
      open += 1;
      try {
        return await openPage();
      } catch (error) {
        open -= 1;
        throw error;
      }
    }
    const handed = await new Promise<WarmPage | null>((resolve) => waiting.push(resolve));
    return handed ?? take();
  };

  /** Hands the page to the next document, or keeps it warm; a spent or failed page is closed. */
  const giveBack = (warm: WarmPage, usable: boolean) => {
    if (!usable || closed || warm.printed >= documentsPerPage || warm.page.isClosed()) {
      open -= 1;
      void warm.context.close().catch(() => undefined);
      // Whoever waits opens a page of their own in its place.
      waiting.shift()?.(null);
      return;
    }
    const next = waiting.shift();
    if (next) next(warm);
    else idle.push(warm);
  };

  /**
   * A page that printed before may have lost its browser since (a crash, killed for memory):
   * then the document is printed once more on a new page in a relaunched browser.
   */
  async function print(html: string, title: string): Promise<Uint8Array> {
    const warm = await take();
    const reused = warm.printed > 0;
    try {
      return await printOn(warm, html, title);
    } catch (error) {
      if (!reused || closed || warm.context.browser()?.isConnected()) throw error;
      return printOn(await take(), html, title);
    }
  }

  async function printOn(warm: WarmPage, html: string, title: string): Promise<Uint8Array> {
    let usable = false;
    try {
      await warm.page.setContent(html, { waitUntil: "load" });
      const footer = `<div style="font-family: Arial, sans-serif; font-size: 8pt; color: #505a5f; width: 100%; padding: 0 18mm; display: flex; justify-content: space-between;"><span>${escapeHtml(title)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;
      const pdf = await warm.page.pdf({
        format: "A4",
        printBackground: true,
        margin: { top: "18mm", bottom: "20mm", left: "18mm", right: "18mm" },
        displayHeaderFooter: true,
        headerTemplate: "<span></span>",
        footerTemplate: footer,
        // Tagged (headings, tables, figures' alt text for screen readers) with an outline of the headings.
        tagged: true,
        outline: true,
      });
      // The next document starts from an empty page, not this one's DOM.
      await warm.page.setContent("");
      warm.printed += 1;
      usable = true;
      return pdf;
    } finally {
      giveBack(warm, usable);
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
    print: (html, title) => {
      if (closed) return Promise.reject(new Error("The PDF printer is closed"));
      return withTimeout(print(html, title));
    },
    async close() {
      closed = true;
      const current = browser;
      browser = null;
      idle.length = 0;
      for (const wake of waiting.splice(0)) wake(null);
      if (current) await (await current.catch(() => null))?.close();
      // The setpriv wrapper's own directory, if one was made.
      if (executablePath && executablePath !== options.executablePath)
        rmSync(path.dirname(executablePath), { recursive: true, force: true });
    },
  };
}
