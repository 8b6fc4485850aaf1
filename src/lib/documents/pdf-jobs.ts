import { createHash, randomUUID } from "node:crypto";
import type { Db } from "../../kernel/db/database.ts";
import * as repo from "./job-repository.ts";
import { renderDocumentPdf } from "./pdf-renderer.ts";
import { type DocumentInput, type DocumentModel, documentSchema } from "./schemas.ts";

/** This process, as named in the rows of the jobs it prints. */
export const DOCUMENT_NODE_ID = randomUUID();
/** Under the stale limit, so a job being printed is never taken by another node. */
const HEARTBEAT_MS = 10_000;

export interface PdfJobLog {
  error: (obj: object, msg: string) => void;
}

export interface PdfJobs {
  /** Writes the job (or finds the same reader's job for the same content) and starts printing it; returns its id at once. */
  start(input: { userId: string | null; document: DocumentInput; fileName: string }): Promise<string>;
  /** Prints a job whose node went silent, on this node (the job page calls it). */
  resume(jobId: string): void;
  /** Waits for this node's jobs to be written (before the database closes). */
  settled(): Promise<void>;
}

/** The same reader asking for the same file of the same content finds the same job. */
export function contentKeyOf(userId: string | null, fileName: string, model: DocumentModel): string {
  return createHash("sha256")
    .update(`${userId ?? ""}\u0000${fileName}\u0000`)
    .update(JSON.stringify(model))
    .digest("hex");
}

/** The title in the PDF's footer: "(draft)" for drafts, as the HTML banner says. */
function footerTitle(document: DocumentInput): string {
  return `${document.title}${document.metadata?.status === "Draft" ? " (draft)" : ""}`;
}

/**
 * PDF printing as jobs: the row holds the document model and, when done, the file, so the job
 * page and the file can be served by any node, and a job whose node stopped is printed again by
 * the next node that shows its page. The printing itself is the process-wide warm browser
 * (pdf-renderer.ts, at most two pages at once); this adds no queue of its own.
 */
export function createPdfJobs(db: Db, options: { log?: PdfJobLog; render?: typeof renderDocumentPdf } = {}): PdfJobs {
  const render = options.render ?? renderDocumentPdf;
  const running = new Map<string, Promise<void>>();

  const run = (jobId: string) => {
    if (running.has(jobId)) return;
    const work = print(jobId).finally(() => running.delete(jobId));
    running.set(jobId, work);
  };

  async function print(jobId: string): Promise<void> {
    const claimed = await repo.claimDocumentJob(db, jobId, DOCUMENT_NODE_ID).catch((error: unknown) => {
      options.log?.error({ err: error, jobId }, "PDF job: not claimed");
      return null;
    });
    if (!claimed) return;
    const heartbeat = setInterval(() => {
      repo
        .touchDocumentJob(db, jobId, DOCUMENT_NODE_ID)
        .catch((error: unknown) => options.log?.error({ err: error, jobId }, "PDF job: heartbeat not written"));
    }, HEARTBEAT_MS);
    heartbeat.unref();
    try {
      const pdf = await render(claimed.document as DocumentInput);
      await repo.finishDocumentJob(db, jobId, DOCUMENT_NODE_ID, { status: "done", pdf });
    } catch (error) {
      options.log?.error({ err: error, jobId }, "PDF job failed");
      await repo
        .finishDocumentJob(db, jobId, DOCUMENT_NODE_ID, {
          status: "failed",
          errorMessage:
            "The PDF could not be made. Try again later, or download the Word version, or open the HTML version and use your browser's 'Save as PDF'.",
        })
        .catch((failure: unknown) => options.log?.error({ err: failure, jobId }, "PDF job: end not written"));
    } finally {
      clearInterval(heartbeat);
    }
  }

  return {
    async start({ userId, document, fileName }) {
      // Validated and sanitised here, so the row holds what the renderers accept and a bad model fails the request.
      const model = documentSchema.parse(document);
      const contentKey = contentKeyOf(userId, fileName, model);
      const existing = await repo.reusableDocumentJob(db, contentKey);
      if (existing) return existing;
      await repo.purgeDocumentJobs(db);
      const jobId = await repo.insertDocumentJob(db, {
        userId,
        contentKey,
        fileName,
        title: footerTitle(model),
        document: model,
        nodeId: DOCUMENT_NODE_ID,
      });
      run(jobId);
      return jobId;
    },
    resume: run,
    async settled() {
      await Promise.allSettled([...running.values()]);
    },
  };
}
