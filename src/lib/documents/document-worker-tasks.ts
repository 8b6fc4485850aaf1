/**
 * What the documents worker thread does (document-worker.mjs loads this), and the one list of
 * tasks the pool may send it. Each is plain data in and out: structured-cloned across threads.
 */
// Each task loads its renderer on first use: a worker that only draws charts does not load docx,
// resvg or the templates (a fresh worker's start was seconds of CPU with all of them).
import { platform, setPriority } from "node:os";
import type * as Charts from "../charts/index.ts";
import type { ChartResult } from "../charts/index.ts";
import type { PdfPrinter, PdfPrinterOptions } from "./pdf-printer.ts";
import type { DocumentInput } from "./schemas.ts";

/** Charts the worker draws, by the name of their lib/charts function (their inputs are JSON). */
const chartFunctions = {
  trend: "trendChart",
  comparison: "comparisonChart",
  distribution: "distributionChart",
  status: "statusChart",
  stackedBar: "stackedBarChart",
} as const;
export type ChartKind = keyof typeof chartFunctions;
export type ChartRequest = {
  [K in ChartKind]: { chart: K; input: Parameters<(typeof Charts)[(typeof chartFunctions)[K]]>[0] };
}[ChartKind];

/** A chart drawn, or why it could not be (the caller decides: a page may show its table alone). */
export type ChartOutcome = { chart: ChartResult } | { problem: string };

/** A PDF's printable page and the title for its footer ("(draft)" for drafts, as the HTML banner says). */
export interface PrintableHtml {
  html: string;
  title: string;
}

/** A PDF printed in the worker: of a document (its page built there too) or of a page given whole. */
export type PdfRequest = { printer: PdfPrinterOptions } & ({ document: DocumentInput } | PrintableHtml);

export interface DocumentTasks {
  docx: { payload: DocumentInput; result: Uint8Array };
  charts: { payload: ChartRequest[]; result: ChartOutcome[] };
  pdf: { payload: PdfRequest; result: Uint8Array };
  closePdf: { payload: null; result: null };
}

export async function printableHtml(input: DocumentInput): Promise<PrintableHtml> {
  const { documentView, standaloneHtmlFromView } = await import("./html-renderer.ts");
  const view = documentView(input);
  return {
    html: standaloneHtmlFromView(view),
    title: `${view.model.title}${view.model.metadata.status === "Draft" ? " (draft)" : ""}`,
  };
}

const isLinux = platform() === "linux";
/** Below the app's 0: under contention the app's threads get ~10 times Chromium's share of a core. */
const PDF_NICENESS = 10;

/** The worker's warm Chromium: one per PDF worker, made by its first PDF (each renderer has its own worker). */
let printer: PdfPrinter | null = null;

async function printPdf(request: PdfRequest): Promise<Uint8Array> {
  // Validated first: an invalid model is refused without a browser.
  const page = "document" in request ? await printableHtml(request.document) : request;
  if (!printer) {
    const { createPdfPrinter } = await import("./pdf-printer.ts");
    // A PDF is a background job: this thread (Playwright's ~0.1 s of CPU a report) and the
    // Chromium it launches (which inherits it: pdf-printer.ts starts it unable to raise it) give
    // way to the app's threads on a busy machine. On Linux this sets the calling thread only.
    if (isLinux && !printer) {
      try {
        setPriority(PDF_NICENESS);
      } catch {
        // Not allowed here: print at the app's priority.
      }
    }
    printer ??= createPdfPrinter(request.printer);
  }
  return printer.print(page.html, page.title);
}

function drawChart(charts: typeof Charts, request: ChartRequest): ChartOutcome {
  try {
    const draw = charts[chartFunctions[request.chart]] as (input: unknown) => ChartResult;
    return { chart: draw(request.input) };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

export async function runDocumentTask(task: keyof DocumentTasks, payload: unknown): Promise<unknown> {
  if (task === "docx") {
    const { renderDocumentDocxInProcess } = await import("./docx-renderer.ts");
    return renderDocumentDocxInProcess(payload as DocumentInput);
  }
  if (task === "charts") {
    const charts = await import("../charts/index.ts");
    return (payload as ChartRequest[]).map((request) => drawChart(charts, request));
  }
  if (task === "pdf") return printPdf(payload as PdfRequest);
  if (task === "closePdf") {
    const closing = printer;
    printer = null;
    await closing?.close();
    return null;
  }
  throw new Error(`Unknown documents worker task: ${String(task)}`);
}
