/**
 * Times report generation for issue 17's goal: a report with 60 actions and 12 charts, DOCX ≤ 1 s
 * and PDF ≤ 2 s. Also records the worst event-loop delay while generating, since both renderers
 * must leave the server responsive, and CPU time (this process's, and Chromium's for the PDF):
 * on a shared machine it is the steady figure. Run: npx tsx scripts/bench/documents-bench.ts [runs]
 */
import { readdirSync, readFileSync } from "node:fs";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import {
  chromiumAvailable,
  closeDocumentWorker,
  createPdfRenderer,
  type DocumentInput,
  renderDocumentDocx,
  renderDocumentDocxInProcess,
} from "../../src/lib/documents/index.ts";
import { printableHtml } from "../../src/lib/documents/document-worker-tasks.ts";
import { contentKeyOf } from "../../src/lib/documents/pdf-jobs.ts";
import { createPdfPrinter } from "../../src/lib/documents/pdf-printer.ts";
import { CHROMIUM_PATH } from "../../src/lib/documents/pdf-renderer.ts";
import { documentSchema } from "../../src/lib/documents/schemas.ts";
import { svgToPng } from "../../src/lib/documents/svg-to-png.ts";
import { buildSampleDocument, buildSampleDocumentOffThread } from "../../tests/helpers/sample-document.ts";

export interface BenchFigures {
  name: string;
  coldMs: number;
  medianMs: number;
  maxMs: number;
  maxEventLoopDelayMs: number;
  /** Median CPU time of this Node process (all its threads; not Chromium's): less sensitive to a busy machine. */
  medianCpuMs: number;
  /**
   * Median CPU time of this process's main thread alone (the event loop's), from /proc: what the
   * worker takes off it shows here even when a busy machine inflates every delay. Linux only.
   */
  medianMainCpuMs?: number;
  /** Median CPU time of this process's child processes (Chromium), when measured. */
  medianChildCpuMs?: number;
}

/** /proc counts CPU in clock ticks of USER_HZ, 100 a second on Linux. */
const MS_PER_TICK = 10;
/**
 * CPU time of Chromium's processes descended from this one (browser, renderer and GPU), from /proc: a live process's own time plus what its exited children left in
 * cutime/cstime, so a renderer closed with its page is still counted. Linux only; 0 elsewhere.
 */
function childCpuMs(): number {
  let entries: { pid: number; ppid: number; ticks: number }[];
  try {
    entries = readdirSync("/proc")
      .filter((name) => /^\d+$/.test(name))
      .flatMap((name) => {
        try {
          const stat = readFileSync(`/proc/${name}/stat`, "utf8");
          const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
          const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((i) => Number(fields[i]));
          // Chromium's processes only (not tsx's esbuild service, also a child of this process).
          const chromium = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")).startsWith("chrom");
          const ticks = chromium ? utime! + stime! + cutime! + cstime! : 0;
          return [{ pid: Number(name), ppid: Number(fields[1]), ticks }];
        } catch {
          return [];
        }
      });
  } catch {
    return 0;
  }
  const mine = new Set([process.pid]);
  let total = 0;
  for (let grew = true; grew; ) {
    grew = false;
    for (const entry of entries) {
      if (!mine.has(entry.pid) && mine.has(entry.ppid)) {
        mine.add(entry.pid);
        total += entry.ticks;
        grew = true;
      }
    }
  }
  return total * MS_PER_TICK;
}

/** The main thread's CPU time (its task is the process id), in ticks of 10 ms; NaN off Linux. */
function mainThreadCpuMs(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
  } catch {
    return Number.NaN;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function time(name: string, runs: number, work: () => Promise<unknown>): Promise<BenchFigures> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  const durations: number[] = [];
  const cpu: number[] = [];
  const childCpu: number[] = [];
  const mainCpu: number[] = [];
  for (let i = 0; i <= runs; i++) {
    // The cold run compiles templates and schemas once per process: not counted in the delay.
    if (i === 1) histogram.enable();
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const childStart = childCpuMs();
    const mainStart = mainThreadCpuMs();
    await work();
    if (i > 0) mainCpu.push(mainThreadCpuMs() - mainStart);
    if (i > 0) childCpu.push(childCpuMs() - childStart);
    durations.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    if (i > 0) cpu.push((used.user + used.system) / 1000);
    await sleep(20);
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
    medianMainCpuMs: Number.isNaN(median(mainCpu)) ? undefined : median(mainCpu),
    medianChildCpuMs: median(childCpu) > 0 ? median(childCpu) : undefined,
  };
}

export async function benchDocuments(runs = 5): Promise<BenchFigures[]> {
  let document: DocumentInput | undefined;
  const results: BenchFigures[] = [];
  // What the event loop shows with nothing to do: on a shared machine, the floor under the other rows.
  results.push(await time("idle 200 ms (event-loop floor on this machine)", runs, () => sleep(200)));
  // For comparison: ECharts on the event loop, as charts were drawn before the documents worker drew them.
  results.push(
    await time("build 12 charts + model on this thread (before)", runs, async () => {
      document = buildSampleDocument({ charts: 12, actions: 60 });
    }),
  );
  results.push(
    await time("build 12 charts in the worker + model", runs, async () => {
      document = await buildSampleDocumentOffThread({ charts: 12, actions: 60 });
    }),
  );
  // So the DOCX row's cold run starts the worker, as the first document after a restart does.
  await closeDocumentWorker();
  const figures = document!.sections
    .flatMap((section) => section.blocks ?? [])
    .filter((block) => block.type === "figure");
  results.push(
    await time("rasterise 12 charts to PNG (every time, uncached)", runs, () =>
      Promise.all(figures.map((figure) => svgToPng(figure.svg, figure.width * 2))),
    ),
  );
  results.push(
    await time("DOCX in process (charts rasterised once: cold only)", runs, () =>
      renderDocumentDocxInProcess(document!),
    ),
  );
  results.push(await time("DOCX via worker (cold includes worker start)", runs, () => renderDocumentDocx(document!)));
  if (chromiumAvailable()) {
    // What a PDF download's request does now on the event loop, besides one SELECT and one INSERT:
    // validate the model and key it (pdf-jobs.ts); Chromium's work is the job's, below.
    results.push(
      await time("PDF request: validate + key the job (then 303)", runs, async () =>
        contentKeyOf(null, "report.pdf", documentSchema.parse(document!)),
      ),
    );
    // Before: Playwright on this thread and a new page (a new renderer process) for every document.
    const before = createPdfPrinter({
      executablePath: CHROMIUM_PATH,
      concurrency: 2,
      timeoutMs: 60_000,
      documentsPerPage: 1,
      dropPriority: false,
    });
    try {
      results.push(
        await time("PDF on this thread, new page each (before)", runs, async () => {
          const page = await printableHtml(document!);
          return before.print(page.html, page.title);
        }),
      );
    } finally {
      await before.close();
    }
    const pdf = createPdfRenderer();
    try {
      results.push(
        await time("PDF via its worker, warm page (cold: worker+browser)", runs, () => pdf.renderDocument(document!)),
      );
      // Two readers at once: two warm pages print side by side (the renderer's default concurrency).
      results.push(
        await time("2 PDFs at once via its worker (both done)", runs, () =>
          Promise.all([pdf.renderDocument(document!), pdf.renderDocument(document!)]),
        ),
      );
    } finally {
      await pdf.close();
    }
  } else {
    console.warn("PDF skipped: /usr/bin/chromium is not installed");
  }
  await closeDocumentWorker();
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const runs = Number(process.argv[2] ?? 5);
  const { loadavg } = await import("node:os");
  const before = loadavg()[0]!.toFixed(1);
  const results = await benchDocuments(runs);
  console.log(
    `Document generation, ${runs} warm runs after one cold run (load average ${before} before, ${loadavg()[0]!.toFixed(1)} after; 1-minute)`,
  );
  for (const r of results) {
    console.log(
      `${r.name.padEnd(58)} cold ${r.coldMs.toFixed(0).padStart(5)} ms  median ${r.medianMs.toFixed(0).padStart(5)} ms  max ${r.maxMs.toFixed(0).padStart(5)} ms  cpu ${r.medianCpuMs.toFixed(0).padStart(5)} ms (main thread ${r.medianMainCpuMs?.toFixed(0).padStart(3) ?? "?"} ms)${r.medianChildCpuMs === undefined ? "" : ` + Chromium ${r.medianChildCpuMs.toFixed(0)} ms`}  event-loop max ${r.maxEventLoopDelayMs.toFixed(0)} ms`,
    );
  }
}
