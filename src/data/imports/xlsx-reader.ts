/**
 * The one workbook reader (.xlsx, and Excel 97-2003 .xls through xls-read.ts), used by every
 * import (and by the action-plan upload through imports).
 * Workbooks are read in a worker thread, started on first use and kept (starting one costs
 * most of a second), so unpacking and parsing never stall the event loop. A heap limit and a
 * time limit stop a workbook that gets past the zip guard but is still too much: the worker is
 * then replaced, and its memory given back.
 */
import { Worker } from "node:worker_threads";
import { ImportRejected } from "./report.ts";
import type { SourceFile } from "./source-file.ts";

export const XLSX_READ_LIMITS = { timeoutMs: 60_000, heapMb: 1024 };

type Reply =
  | { id: number; type: "rows"; rows: string[][] }
  | { id: number; type: "done" }
  | { id: number; type: "error"; refused: "limit" | "damaged" | null; message: string };

interface Job {
  file: SourceFile;
  rows: string[][];
  resolve: (rows: string[][]) => void;
  reject: (error: ImportRejected) => void;
  timer: NodeJS.Timeout;
}

const excerpt = (text: string) => (text.length > 200 ? `${text.slice(0, 200)}…` : text);

function rejection(file: SourceFile, reply: Reply & { type: "error" }): ImportRejected {
  if (reply.refused === "limit") return new ImportRejected(file.name, `the workbook was refused: ${reply.message}`);
  return new ImportRejected(
    file.name,
    `the workbook could not be read (${excerpt(reply.message)}); save it as .xlsx, or as CSV UTF-8`,
  );
}

let worker: Worker | null = null;
let nextId = 1;
const jobs = new Map<number, Job>();

function settle(id: number, outcome: { rows: string[][] } | { error: ImportRejected }): void {
  const job = jobs.get(id);
  if (!job) return;
  jobs.delete(id);
  clearTimeout(job.timer);
  if ("error" in outcome) job.reject(outcome.error);
  else job.resolve(outcome.rows);
  if (jobs.size === 0) worker?.unref();
}

/** Ends the worker, failing what it was reading (each job with its own file's name). */
function stop(reason: (file: SourceFile) => ImportRejected): void {
  const current = worker;
  worker = null;
  for (const [id, job] of [...jobs]) settle(id, { error: reason(job.file) });
  void current?.terminate();
}

function start(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL("./xlsx-worker.mjs", import.meta.url), {
    resourceLimits: { maxOldGenerationSizeMb: XLSX_READ_LIMITS.heapMb },
  });
  started.on("message", (reply: Reply) => {
    const job = jobs.get(reply.id);
    if (!job) return;
    if (reply.type === "rows") for (const row of reply.rows) job.rows.push(row);
    else if (reply.type === "done") settle(reply.id, { rows: job.rows });
    else settle(reply.id, { error: rejection(job.file, reply) });
  });
  started.on("error", (error: Error & { code?: string }) => {
    if (worker !== started) return;
    stop((file) =>
      error.code === "ERR_WORKER_OUT_OF_MEMORY"
        ? new ImportRejected(file.name, "the workbook is too large to read; save the sheet as CSV UTF-8")
        : new ImportRejected(file.name, `the workbook could not be read (${excerpt(error.message)})`),
    );
  });
  started.on("exit", () => {
    if (worker !== started) return;
    stop((file) => new ImportRejected(file.name, "the workbook could not be read (the reader stopped); try again"));
  });
  worker = started;
  return started;
}

/** Rows of cell text of one sheet (a number from 1, or a name); index = sheet row - 1. Throws ImportRejected. */
export function readXlsx(file: SourceFile, sheet: string | number = 1): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    const current = start();
    current.ref();
    const timer = setTimeout(() => {
      const late = new ImportRejected(
        file.name,
        `reading the workbook took longer than ${XLSX_READ_LIMITS.timeoutMs / 1000} seconds, so it was stopped; save the sheet as CSV UTF-8`,
      );
      settle(id, { error: late });
      // A stuck read would hold every other: replace the worker.
      stop(
        (other) =>
          new ImportRejected(other.name, "the workbook could not be read (the reader was restarted); try again"),
      );
    }, XLSX_READ_LIMITS.timeoutMs);
    jobs.set(id, { file, rows: [], resolve, reject, timer });
    // A copy goes to the worker (the caller keeps its bytes); transferring the copy avoids another.
    const bytes = new Uint8Array(file.bytes);
    current.postMessage({ id, bytes, sheet }, [bytes.buffer]);
  });
}

/** Stops the worker (at shutdown, and in tests). */
export async function closeXlsxReader(): Promise<void> {
  stop((file) => new ImportRejected(file.name, "the workbook could not be read (the service is stopping)"));
}
