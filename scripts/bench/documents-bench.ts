/**
 * Times report generation for issue 5's goal: a report with 60 actions and 12 charts, DOCX ≤ 1.5 s
 * and PDF ≤ 3 s. Also records the worst event-loop delay while generating, since both renderers
 * must leave the server responsive. Run: npx tsx scripts/bench/documents-bench.ts [runs]
 */
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import {
  chromiumAvailable,
  closeDocxRenderer,
  createPdfRenderer,
  type DocumentInput,
  renderDocumentDocx,
  renderDocumentDocxInProcess,
} from "../../src/lib/documents/index.ts";
import { buildSampleDocument } from "../../tests/helpers/sample-document.ts";

export interface BenchFigures {
  name: string;
  coldMs: number;
  medianMs: number;
  maxMs: number;
  maxEventLoopDelayMs: number;
  /** Median CPU time of this Node process (all its threads; not Chromium's): less sensitive to a busy machine. */
  medianCpuMs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function time(name: string, runs: number, work: () => Promise<unknown>): Promise<BenchFigures> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  const durations: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i <= runs; i++) {
    // The cold run compiles templates and schemas once per process: not counted in the delay.
    if (i === 1) histogram.enable();
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    await work();
    durations.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    if (i > 0) cpu.push((used.user + used.system) / 1000);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  histogram.disable();
  const [cold, ...warm] = durations;
  return {
    name,
    coldMs: cold!,
    medianMs: median(warm),
    maxMs: Math.max(...warm),
    maxEventLoopDelayMs: histogram.count > 0 ? histogram.max / 1e6 : Number.NaN,
    medianCpuMs: median(cpu),
  };
}

export async function benchDocuments(runs = 5): Promise<BenchFigures[]> {
  let document: DocumentInput | undefined;
  const results: BenchFigures[] = [];
  results.push(
    await time("build 12 charts + document model", runs, async () => {
      document = buildSampleDocument({ charts: 12, actions: 60 });
    }),
  );
  results.push(
    await time("DOCX in process (12 charts, 60 actions)", runs, () => renderDocumentDocxInProcess(document!)),
  );
  try {
    results.push(await time("DOCX via worker (cold includes worker start)", runs, () => renderDocumentDocx(document!)));
  } finally {
    await closeDocxRenderer();
  }
  if (chromiumAvailable()) {
    const pdf = createPdfRenderer();
    try {
      results.push(
        await time("PDF (12 charts, 60 actions; cold includes browser launch)", runs, () =>
          pdf.renderDocument(document!),
        ),
      );
    } finally {
      await pdf.close();
    }
  } else {
    console.warn("PDF skipped: /usr/bin/chromium is not installed");
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const runs = Number(process.argv[2] ?? 5);
  const results = await benchDocuments(runs);
  const { loadavg } = await import("node:os");
  console.log(`Document generation, ${runs} warm runs after one cold run (load average ${loadavg()[0]!.toFixed(1)})`);
  for (const r of results) {
    console.log(
      `${r.name.padEnd(58)} cold ${r.coldMs.toFixed(0).padStart(5)} ms  median ${r.medianMs.toFixed(0).padStart(5)} ms  max ${r.maxMs.toFixed(0).padStart(5)} ms  cpu ${r.medianCpuMs.toFixed(0).padStart(5)} ms  event-loop max ${r.maxEventLoopDelayMs.toFixed(0)} ms`,
    );
  }
}
