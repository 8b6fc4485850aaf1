/**
 * What the documents worker thread does (document-worker.mjs loads this), and the one list of
 * tasks the pool may send it. Each is plain data in and out: structured-cloned across threads.
 */
import {
  type ChartResult,
  comparisonChart,
  distributionChart,
  stackedBarChart,
  statusChart,
  trendChart,
} from "../charts/index.ts";
import { renderDocumentDocxInProcess } from "./docx-renderer.ts";
import { documentView, standaloneHtmlFromView } from "./html-renderer.ts";
import type { DocumentInput } from "./schemas.ts";

/** Charts the worker draws, by the name of their lib/charts function (their inputs are JSON). */
const charts = {
  trend: trendChart,
  comparison: comparisonChart,
  distribution: distributionChart,
  status: statusChart,
  stackedBar: stackedBarChart,
};
export type ChartKind = keyof typeof charts;
export type ChartRequest = { [K in ChartKind]: { chart: K; input: Parameters<(typeof charts)[K]>[0] } }[ChartKind];

/** A chart drawn, or why it could not be (the caller decides: a page may show its table alone). */
export type ChartOutcome = { chart: ChartResult } | { problem: string };

/** A PDF's printable page and the title for its footer ("(draft)" for drafts, as the HTML banner says). */
export interface PrintableHtml {
  html: string;
  title: string;
}

export interface DocumentTasks {
  docx: { payload: DocumentInput; result: Uint8Array };
  printableHtml: { payload: DocumentInput; result: PrintableHtml };
  charts: { payload: ChartRequest[]; result: ChartOutcome[] };
}

export function printableHtml(input: DocumentInput): PrintableHtml {
  const view = documentView(input);
  return {
    html: standaloneHtmlFromView(view),
    title: `${view.model.title}${view.model.metadata.status === "Draft" ? " (draft)" : ""}`,
  };
}

function drawChart(request: ChartRequest): ChartOutcome {
  try {
    return { chart: (charts[request.chart] as (input: unknown) => ChartResult)(request.input) };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

export async function runDocumentTask(task: keyof DocumentTasks, payload: unknown): Promise<unknown> {
  if (task === "docx") return renderDocumentDocxInProcess(payload as DocumentInput);
  if (task === "printableHtml") return printableHtml(payload as DocumentInput);
  if (task === "charts") return (payload as ChartRequest[]).map(drawChart);
  throw new Error(`Unknown documents worker task: ${String(task)}`);
}
