import { createHash } from "node:crypto";
import type { Db } from "../../kernel/db/database.ts";
import type { ImportIssue, ImportReport } from "./report.ts";
import { JobProgress, NODE_ID, rowWriter } from "./job-progress.ts";
import { activeJobForUpload, finishJob, insertJob } from "./job-repository.ts";
import { type ImportRequest, runImport } from "./run-import.ts";

export interface JobLog {
  error: (obj: object, msg: string) => void;
}

/** One import at a time per node: each is one transaction, and on the embedded database one session. */
let chain: Promise<unknown> = Promise.resolve();

/** The job row names the upload by a hash of its token, never the token itself. */
export function uploadRef(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Starts a confirmed upload's import as a job on this node and returns its id at once (or the
 * id of the job this upload already started), and its end: the report, or nothing when the
 * service failed (or the job was already started). `whenDone` runs after a successful import (the
 * pending file is dropped). The job's end is written whatever happens; an error of the service
 * is logged and the job failed in words, its transaction rolled back.
 */
export async function startImportJob(
  db: Db,
  job: { partnershipId: string; userId: string; token: string; request: ImportRequest },
  options: { log?: JobLog; whenDone?: () => Promise<void>; minIntervalMs?: number } = {},
): Promise<{ jobId: string; finished: Promise<ImportReport | undefined> }> {
  const ref = uploadRef(job.token);
  const existing = await activeJobForUpload(db, ref, job.userId);
  if (existing) return { jobId: existing, finished: Promise.resolve(undefined) };
  const jobId = await insertJob(db, {
    partnershipId: job.partnershipId,
    userId: job.userId,
    uploadRef: ref,
    kind: job.request.importer.kind,
    fileName: job.request.file.name,
    nodeId: NODE_ID,
  });
  const progress = new JobProgress(jobId, rowWriter(db, jobId), {
    minIntervalMs: options.minIntervalMs,
    onError: (error) => options.log?.error({ err: error, jobId }, "import job: progress not written"),
  });
  const finished = chain.then(() => runJob(db, progress, job.request, options));
  chain = finished;
  return { jobId, finished };
}

/** Waits for this node's jobs (before the database closes). */
export async function importJobsSettled(): Promise<void> {
  await chain;
}

async function runJob(
  db: Db,
  progress: JobProgress,
  request: ImportRequest,
  options: { log?: JobLog; whenDone?: () => Promise<void> },
): Promise<ImportReport | undefined> {
  const { jobId } = progress;
  try {
    let report: ImportReport;
    try {
      report = await runImport(db, { ...request, dryRun: false, watch: progress });
    } finally {
      await progress.close();
    }
    if (report.ok && report.batchId !== undefined) {
      await finishJob(db, jobId, {
        status: "done",
        batchId: report.batchId,
        rowsDone: report.valuesWritten ?? 0,
        rowsTotal: report.valuesWritten ?? null,
      });
      await options.whenDone?.().catch((error) => options.log?.error({ err: error, jobId }, "import job: clean-up"));
      return report;
    }
    const count = report.errorCount || report.errors.length;
    const [first] = report.errors;
    await finishJob(db, jobId, {
      status: "failed",
      errorMessage: `${request.file.name} was not imported: ${count.toLocaleString("en-GB")} problem${count === 1 ? "" : "s"} found${first ? `, the first: ${where(first)}` : ""}. Nothing was written.`,
      problems: report.errors.map((issue) => ({ row: issue.row, column: issue.column, message: issue.message })),
      problemCount: count,
    });
    return report;
  } catch (error) {
    options.log?.error({ err: error, jobId }, "import job failed");
    await finishJob(db, jobId, {
      status: "failed",
      errorMessage: `${request.file.name} was not imported: the service stopped the import with an error of its own, not of the file. Nothing was written. Try again later, or tell the service's administrators.`,
      problems: [],
      problemCount: 0,
    }).catch((failure) => options.log?.error({ err: failure, jobId }, "import job: end not written"));
    return undefined;
  } finally {
    progress.end();
  }
}

/** "row 12, column "value": …" (the job page names the file already). */
function where(issue: ImportIssue): string {
  const place = [issue.row ? `row ${issue.row}` : "", issue.column ? `column "${issue.column}"` : ""].filter(Boolean);
  return place.length ? `${place.join(", ")}: ${issue.message}` : issue.message;
}
