import type { Executor } from "../../kernel/db/database.ts";
import { type Periodic, type PeriodicLog, schedulePeriodic } from "../../kernel/periodic.ts";
import { purgeJobs } from "./job-repository.ts";

/** Import jobs are kept 7 days after they end (or after their node stopped), then removed. */
export const IMPORT_JOB_RETENTION_SECONDS = 7 * 24 * 60 * 60;
export const IMPORT_JOB_PURGE_INTERVAL_MS = 60 * 60 * 1000;

/** Hourly: the job rows past their retention (the import batches they name stay). */
export function scheduleImportJobPurge(
  db: Executor,
  options: { log?: PeriodicLog; intervalMs?: number } = {},
): Periodic {
  return schedulePeriodic("purged old import jobs", () => purgeJobs(db, IMPORT_JOB_RETENTION_SECONDS), {
    intervalMs: options.intervalMs ?? IMPORT_JOB_PURGE_INTERVAL_MS,
    log: options.log,
  });
}
