import { isRenderCached, seedRenderCache } from "../charts/index.ts";
import { documentWorker } from "./document-worker-pool.ts";
import type { ChartRequest } from "./document-worker-tasks.ts";

/** A chart synchronous code will draw with `renderCached(cacheKind, [JSON.stringify(input)], …)`. */
export interface ChartAhead {
  cacheKind: string;
  request: ChartRequest;
}

/**
 * Draws in the documents worker the charts that code building a document will ask renderCached
 * for, and keeps them there, so that code (synchronous, shared with the pages) finds them drawn
 * instead of running ECharts on the event loop. A chart the worker cannot draw is left for the
 * synchronous code, which says why in its own way; one already kept is not drawn again.
 */
export async function drawChartsAhead(charts: ChartAhead[]): Promise<void> {
  const wanted = new Map<string, ChartAhead>();
  for (const chart of charts) {
    const parts = [JSON.stringify(chart.request.input)];
    const key = `${chart.cacheKind}\u0000${parts[0]}`;
    if (!wanted.has(key) && !isRenderCached(chart.cacheKind, parts)) wanted.set(key, chart);
  }
  const missing = [...wanted.values()];
  const outcomes = await documentWorker().charts(missing.map((chart) => chart.request));
  outcomes.forEach((outcome, i) => {
    const chart = missing[i]!;
    if ("chart" in outcome) seedRenderCache(chart.cacheKind, [JSON.stringify(chart.request.input)], outcome.chart);
  });
}
