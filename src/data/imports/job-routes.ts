import type { FastifyInstance, FastifyRequest } from "fastify";
import type { AppContext } from "../../kernel/http/context.ts";
import { found, needs } from "../../kernel/http/pipeline.ts";
import { importedSummary } from "./imported-summary.ts";
import { STALE_AFTER_SECONDS } from "./job-progress.ts";
import { shownJob } from "./job-service.ts";
import { findJob } from "./job-repository.ts";
import { importJobsSettled } from "./job-runner.ts";
import { importPaths } from "./paths.ts";

const VIEW_JOB = "imports/views/import-job.njk";
const edit = { partnership: "partnership:edit" } as const;

/** The job page and its status answer: only for the person who started the job, or an administrator. */
export function registerJobRoutes(app: FastifyInstance, context: AppContext): void {
  const { db } = context;
  // The database closes after the app: a job still running finishes (or fails) first.
  app.addHook("onClose", () => importJobsSettled());

  const load = async (request: FastifyRequest<{ Params: { id: string; jobId: string } }>) => {
    const actor = request.actor!;
    const job = found(await findJob(db, request.partnership.id, request.params.jobId, actor, STALE_AFTER_SECONDS));
    return { job, model: shownJob(job) };
  };

  app.get(importPaths.job.pattern, needs(importPaths.job, edit), async (request, reply) => {
    const { job, model } = await load(request);
    const { id } = request.partnership;
    const imported =
      job.status === "done" && job.batchId !== null ? await importedSummary(db, id, job.batchId) : undefined;
    return reply.view(VIEW_JOB, {
      title: model.over ? `Import of ${job.fileName}` : `Importing ${job.fileName}`,
      job: model,
      fileName: job.fileName,
      startedAt: job.createdAt,
      imported,
      errorMessage: job.errorMessage,
      problems: job.problems,
      problemCount: job.problemCount,
      jobUrl: importPaths.job(id, job.id),
      statusUrl: importPaths.jobStatus(id, job.id),
      uploadUrl: importPaths.upload(id),
    });
  });

  app.get(importPaths.jobStatus.pattern, needs(importPaths.jobStatus, edit), async (request, reply) => {
    const { model } = await load(request);
    reply.header("cache-control", "no-store");
    return model;
  });
}
