import { Worker } from "node:worker_threads";
import type { ChartResult } from "../charts/index.ts";
import type { ChartOutcome, ChartRequest, DocumentTasks, PdfRequest } from "./document-worker-tasks.ts";
import type { DocumentInput } from "./schemas.ts";

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export interface DocumentWorker {
  /** The DOCX file (validated in the worker: a bad document rejects with Zod's message). */
  docx(input: DocumentInput): Promise<Buffer>;
  /** Charts drawn by lib/charts, in the order asked: each drawn, or why not. */
  charts(requests: ChartRequest[]): Promise<ChartOutcome[]>;
  /** A PDF printed by the worker's own warm Chromium (pdf-renderer.ts gives each renderer a worker). */
  pdf(request: PdfRequest): Promise<Buffer>;
  /** Closes the browser (if this worker launched one), then the worker. */
  close(): Promise<void>;
}

const labels: Record<keyof DocumentTasks, string> = {
  docx: "DOCX generation",
  charts: "Drawing charts",
  pdf: "PDF rendering",
  closePdf: "Closing the PDF browser",
};

/**
 * The documents' CPU work in one lazily started worker thread: docx builds its XML synchronously
 * (~0.3 s for a 12-chart report), validating a model and rendering its HTML takes tens of ms, and
 * ECharts draws a chart in ~10–20 ms, each of which would otherwise stall every other request.
 * Tasks queue in the worker; a crashed or stuck worker fails its tasks and is replaced on the next.
 * The worker holds the process open only while it has work. PDFs have a worker of their own, made
 * by pdf-renderer.ts with this same function, which owns the warm Chromium.
 */
export function createDocumentWorker(options: { timeoutMs?: number } = {}): DocumentWorker {
  const timeoutMs = options.timeoutMs ?? 30_000;
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  /** Whether a PDF was asked of this worker, so close() shuts its browser down. */
  let launchedBrowser = false;

  const failAll = (error: Error) => {
    for (const [id, job] of pending) {
      clearTimeout(job.timer);
      job.reject(error);
      pending.delete(id);
    }
  };

  const start = (): Worker => {
    if (worker) return worker;
    const started = new Worker(new URL("./document-worker.mjs", import.meta.url));
    started.unref();
    started.on(
      "message",
      (message: { id?: number; ok?: boolean; data?: Uint8Array; result?: unknown; message?: string }) => {
        if (message.id === undefined) return;
        const job = pending.get(message.id);
        if (!job) return;
        pending.delete(message.id);
        clearTimeout(job.timer);
        if (!message.ok) job.reject(new Error(message.message));
        else if (message.data)
          job.resolve(Buffer.from(message.data.buffer, message.data.byteOffset, message.data.byteLength));
        else job.resolve(message.result);
      },
    );
    started.on("error", (error) => {
      worker = null;
      failAll(error);
    });
    started.on("exit", (code) => {
      if (worker === started) worker = null;
      failAll(new Error(`Documents worker exited with code ${code}`));
    });
    worker = started;
    return started;
  };

  function run<K extends keyof DocumentTasks>(task: K, payload: DocumentTasks[K]["payload"]): Promise<unknown> {
    if (task === "pdf") launchedBrowser = true;
    return new Promise((resolve, reject) => {
      const id = nextId++;
      const current = start();
      current.ref();
      const settle = () => {
        if (pending.size === 0) current.unref();
      };
      const timer = setTimeout(() => {
        pending.delete(id);
        settle();
        reject(new Error(`${labels[task]} took longer than ${timeoutMs} ms`));
        // A stuck worker would hold the queue: replace it.
        void current.terminate();
      }, timeoutMs);
      pending.set(id, {
        resolve: (value) => {
          settle();
          resolve(value);
        },
        reject: (error) => {
          settle();
          reject(new Error(`${labels[task]} failed: ${error.message}`));
        },
        timer,
      });
      current.postMessage({ id, task, payload });
    });
  }

  return {
    docx: (input) => run("docx", input) as Promise<Buffer>,
    charts: async (requests) => (requests.length ? ((await run("charts", requests)) as ChartOutcome[]) : []),
    pdf: (request) => run("pdf", request) as Promise<Buffer>,
    async close() {
      // Chromium closed by its own protocol first; terminating the thread alone would leave it
      // to notice its pipe closing (it does, but then stays a zombie until the app exits).
      if (worker && launchedBrowser) {
        let timer: NodeJS.Timeout | undefined;
        const grace = new Promise<void>((resolve) => {
          timer = setTimeout(resolve, 5_000);
        });
        await Promise.race([run("closePdf", null).catch(() => undefined), grace]);
        clearTimeout(timer);
      }
      const current = worker;
      worker = null;
      failAll(new Error("Documents worker closed"));
      await current?.terminate();
    },
  };
}

let shared: DocumentWorker | null = null;
/** The process-wide worker: close it with closeDocumentWorker() when the app closes. */
export function documentWorker(): DocumentWorker {
  shared ??= createDocumentWorker();
  return shared;
}

/** DOCX of a document, generated off the event loop by the process-wide worker. */
export function renderDocumentDocx(input: DocumentInput): Promise<Buffer> {
  return documentWorker().docx(input);
}

/** Charts drawn off the event loop by the process-wide worker; rejects if one cannot be drawn. */
export async function renderChartsOffThread(requests: ChartRequest[]): Promise<ChartResult[]> {
  return (await documentWorker().charts(requests)).map((outcome) => {
    if ("problem" in outcome) throw new Error(`A chart could not be drawn: ${outcome.problem}`);
    return outcome.chart;
  });
}

export async function closeDocumentWorker(): Promise<void> {
  const current = shared;
  shared = null;
  await current?.close();
}
