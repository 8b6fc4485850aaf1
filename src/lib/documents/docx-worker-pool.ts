import { Worker } from "node:worker_threads";
import { documentSchema, type DocumentInput } from "./schemas.ts";

interface Pending {
  resolve: (buffer: Buffer) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export interface DocxRenderer {
  render(input: DocumentInput): Promise<Buffer>;
  close(): Promise<void>;
}

/**
 * DOCX generation in one lazily started worker thread: docx builds its XML synchronously
 * (~0.3 s for a 12-chart report), which would otherwise stall every other request. Jobs queue
 * in the worker; a crashed worker fails its jobs and is replaced on the next request.
 */
export function createDocxRenderer(options: { timeoutMs?: number } = {}): DocxRenderer {
  const timeoutMs = options.timeoutMs ?? 30_000;
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const failAll = (error: Error) => {
    for (const [id, job] of pending) {
      clearTimeout(job.timer);
      job.reject(error);
      pending.delete(id);
    }
  };

  const start = (): Worker => {
    if (worker) return worker;
    const started = new Worker(new URL("./docx-worker.mjs", import.meta.url));
    started.unref();
    started.on("message", (message: { id?: number; ok?: boolean; data?: Uint8Array; message?: string }) => {
      if (message.id === undefined) return;
      const job = pending.get(message.id);
      if (!job) return;
      pending.delete(message.id);
      clearTimeout(job.timer);
      if (message.ok && message.data)
        job.resolve(Buffer.from(message.data.buffer, message.data.byteOffset, message.data.byteLength));
      else job.reject(new Error(`DOCX generation failed: ${message.message}`));
    });
    started.on("error", (error) => {
      worker = null;
      failAll(error);
    });
    started.on("exit", (code) => {
      if (worker === started) worker = null;
      failAll(new Error(`DOCX worker exited with code ${code}`));
    });
    worker = started;
    return started;
  };

  return {
    async render(input) {
      // Validate here so a bad document fails fast with Zod's message, before any worker work.
      const model = documentSchema.parse(input);
      return new Promise<Buffer>((resolve, reject) => {
        const id = nextId++;
        const current = start();
        current.ref();
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`DOCX generation took longer than ${timeoutMs} ms`));
          // A stuck worker would hold the queue: replace it.
          void current.terminate();
        }, timeoutMs);
        pending.set(id, {
          resolve: (buffer) => {
            if (pending.size === 0) current.unref();
            resolve(buffer);
          },
          reject,
          timer,
        });
        current.postMessage({ id, input: model });
      });
    },
    async close() {
      const current = worker;
      worker = null;
      failAll(new Error("DOCX renderer closed"));
      await current?.terminate();
    },
  };
}

let shared: DocxRenderer | null = null;
/** DOCX of a document, generated off the event loop by the process-wide worker. */
export function renderDocumentDocx(input: DocumentInput): Promise<Buffer> {
  shared ??= createDocxRenderer();
  return shared.render(input);
}

export async function closeDocxRenderer(): Promise<void> {
  const current = shared;
  shared = null;
  await current?.close();
}
