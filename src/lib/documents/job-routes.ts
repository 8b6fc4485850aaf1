import type { FastifyInstance, FastifyRequest } from "fastify";
import type { AppContext } from "../../kernel/http/context.ts";
import { sendDownload } from "../../kernel/http/download.ts";
import { found, needs } from "../../kernel/http/pipeline.ts";
import { closeDocumentWorker } from "./document-worker-pool.ts";
import { findDocumentJob, documentJobFile } from "./job-repository.ts";
import { pdfJobModel } from "./job-view.ts";
import { documentPaths } from "./paths.ts";
import { closePdfRenderer } from "./pdf-renderer.ts";
import { createPdfJobs, type PdfJobs } from "./pdf-jobs.ts";

declare module "fastify" {
  interface FastifyInstance {
    /** PDF printing as jobs (lib/documents): sendDocument's PDF branch starts one. */
    pdfJobs?: PdfJobs;
  }
}

const everyone = { public: true } as const;

/**
 * The PDF job's page, status answer and file. A job belongs to the person who asked for it, or
 * to anyone when it was asked for without signing in (a published document): anyone else gets a 404.
 */
export function registerPdfJobRoutes(app: FastifyInstance, { db }: AppContext): void {
  const jobs = createPdfJobs(db, { log: app.log });
  app.decorate("pdfJobs", jobs);
  // Jobs write their end before the database closes; the browser and the DOCX worker end with the app,
  // so tests and `cpah` commands exit without waiting for them.
  app.addHook("onClose", async () => {
    await jobs.settled();
    await Promise.allSettled([closePdfRenderer(), closeDocumentWorker()]);
  });

  const load = async (request: FastifyRequest<{ Params: { jobId: string } }>) => {
    const job = found(await findDocumentJob(db, request.params.jobId, request.actor?.userId ?? null));
    // Its node stopped: print it here (the claim lets only one node do so).
    if (job.stale && (job.status === "queued" || job.status === "running")) jobs.resume(job.id);
    return { job, model: pdfJobModel(job) };
  };

  app.get(documentPaths.pdfJob.pattern, needs(documentPaths.pdfJob, everyone), async (request, reply) => {
    const { job, model } = await load(request);
    reply.header("cache-control", "no-store");
    return reply.view("documents/views/pdf-job.njk", {
      title: model.over ? `PDF of ${job.title}` : `Making a PDF of ${job.title}`,
      job: model,
      fileName: job.fileName,
      startedAt: job.createdAt,
      errorMessage: job.errorMessage,
      jobUrl: documentPaths.pdfJob(job.id),
      statusUrl: documentPaths.pdfJobStatus(job.id),
      fileUrl: documentPaths.pdfJobFile(job.id),
    });
  });

  app.get(documentPaths.pdfJobStatus.pattern, needs(documentPaths.pdfJobStatus, everyone), async (request, reply) => {
    const { model } = await load(request);
    reply.header("cache-control", "no-store");
    return model;
  });

  app.get(documentPaths.pdfJobFile.pattern, needs(documentPaths.pdfJobFile, everyone), async (request, reply) => {
    const { jobId } = request.params;
    const job = found(await findDocumentJob(db, jobId, request.actor?.userId ?? null));
    const pdf = found(await documentJobFile(db, jobId, request.actor?.userId ?? null));
    return sendDownload(reply, { fileName: job.fileName, type: "pdf", body: pdf });
  });
}
