import type { Executor } from "../../kernel/db/database.ts";
import { liveProgress, NODE_ID, STALE_AFTER_SECONDS } from "./job-progress.ts";
import { type ImportJobRow, recentJobs } from "./job-repository.ts";
import { jobStatusModel } from "./job-view.ts";
import { importPaths } from "./paths.ts";

/** A job as shown: this node knows whether it runs the job; another node's job is alive while it beats. */
export function shownJob(job: ImportJobRow & { stale: boolean }) {
  const live = job.nodeId === NODE_ID ? liveProgress(job.id) : undefined;
  const alive = job.nodeId === NODE_ID ? live !== undefined : !job.stale;
  return jobStatusModel(job, live, alive);
}

/** This person's recent imports on this partnership, for the import page. */
export async function recentImports(db: Executor, partnershipId: string, userId: string) {
  const jobs = await recentJobs(db, partnershipId, userId, STALE_AFTER_SECONDS);
  return jobs.map((job) => {
    const model = shownJob(job);
    return {
      fileName: job.fileName,
      startedAt: job.createdAt,
      statusText: model.statusText,
      status: model.status,
      href: importPaths.job(partnershipId, job.id),
    };
  });
}
