import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import { type ImportJobProblem, type ImportJobStage, importJobs } from "./tables.ts";

export type ImportJobRow = typeof importJobs.$inferSelect;

/** No heartbeat for this long, judged by the database's clock, which every node shares. */
const silentFor = (seconds: number) =>
  sql<boolean>`${importJobs.heartbeatAt} < now() - make_interval(secs => ${seconds})`;

export async function insertJob(
  db: Executor,
  job: { partnershipId: string; userId: string; uploadRef: string; kind: string; fileName: string; nodeId: string },
): Promise<string> {
  const [row] = await db.insert(importJobs).values(job).returning({ id: importJobs.id });
  return row!.id;
}

/** The job this upload already started and that is not over (a second "Confirm import"). */
export async function activeJobForUpload(db: Executor, uploadRef: string, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: importJobs.id })
    .from(importJobs)
    .where(
      and(
        eq(importJobs.uploadRef, uploadRef),
        eq(importJobs.userId, userId),
        inArray(importJobs.status, ["queued", "running"]),
      ),
    )
    .limit(1);
  return row?.id ?? null;
}

/** A job of this partnership, for the person who started it or an administrator; null otherwise. */
export async function findJob(
  db: Executor,
  partnershipId: string,
  jobId: string,
  viewer: { userId: string; isPlatformAdmin: boolean },
  staleAfterSeconds: number,
): Promise<(ImportJobRow & { stale: boolean }) | null> {
  const [row] = await db
    .select({
      job: importJobs,
      stale: silentFor(staleAfterSeconds),
    })
    .from(importJobs)
    .where(and(eq(importJobs.id, jobId), eq(importJobs.partnershipId, partnershipId)))
    .limit(1);
  if (!row || (row.job.userId !== viewer.userId && !viewer.isPlatformAdmin)) return null;
  return { ...row.job, stale: row.stale };
}

/** This person's jobs for this partnership, newest first (the import page lists them). */
export async function recentJobs(
  db: Executor,
  partnershipId: string,
  userId: string,
  staleAfterSeconds: number,
  limit = 10,
): Promise<(ImportJobRow & { stale: boolean })[]> {
  const rows = await db
    .select({
      job: importJobs,
      stale: silentFor(staleAfterSeconds),
    })
    .from(importJobs)
    .where(and(eq(importJobs.partnershipId, partnershipId), eq(importJobs.userId, userId)))
    .orderBy(sql`${importJobs.createdAt} desc`)
    .limit(limit);
  return rows.map((row) => ({ ...row.job, stale: row.stale }));
}

export interface ProgressState {
  stage: ImportJobStage;
  rowsDone: number;
  rowsTotal: number | null;
}

/** Progress and heartbeat; only while the job is not over, so a late write never undoes the end. */
export async function writeProgress(db: Executor, jobId: string, state: ProgressState): Promise<void> {
  await db
    .update(importJobs)
    .set({
      status: "running",
      stage: state.stage,
      rowsDone: state.rowsDone,
      rowsTotal: state.rowsTotal,
      heartbeatAt: sql`now()`,
      startedAt: sql`coalesce(${importJobs.startedAt}, now())`,
    })
    .where(and(eq(importJobs.id, jobId), inArray(importJobs.status, ["queued", "running"])));
}

/** A queued job's heartbeat: its node is alive and will start it. */
export async function beatQueued(db: Executor, jobIds: string[]): Promise<void> {
  if (jobIds.length === 0) return;
  await db
    .update(importJobs)
    .set({ heartbeatAt: sql`now()` })
    .where(and(inArray(importJobs.id, jobIds), eq(importJobs.status, "queued")));
}

export async function finishJob(
  db: Executor,
  jobId: string,
  outcome:
    | { status: "done"; batchId: number; rowsDone: number; rowsTotal: number | null }
    | { status: "failed"; errorMessage: string; problems: ImportJobProblem[]; problemCount: number },
): Promise<void> {
  const common = { stage: "finished" as const, heartbeatAt: sql`now()`, finishedAt: sql`now()` };
  await db
    .update(importJobs)
    .set(
      outcome.status === "done"
        ? {
            ...common,
            status: "done",
            batchId: outcome.batchId,
            rowsDone: outcome.rowsDone,
            rowsTotal: outcome.rowsTotal,
          }
        : {
            ...common,
            status: "failed",
            errorMessage: outcome.errorMessage,
            problems: outcome.problems,
            problemCount: outcome.problemCount,
          },
    )
    .where(eq(importJobs.id, jobId));
}

/**
 * Finished jobs older than the cut-off, and jobs whose node stopped long before it (their
 * transaction rolled back; nobody will finish them).
 */
export async function purgeJobs(db: Executor, olderThanSeconds: number): Promise<number> {
  const cutOff = sql`now() - make_interval(secs => ${olderThanSeconds})`;
  const removed = await db
    .delete(importJobs)
    .where(
      sql`(${importJobs.finishedAt} < ${cutOff}) or (${importJobs.finishedAt} is null and ${importJobs.heartbeatAt} < ${cutOff})`,
    )
    .returning({ id: importJobs.id });
  return removed.length;
}
