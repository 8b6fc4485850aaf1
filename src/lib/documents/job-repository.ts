import { and, desc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import { documentJobs } from "./tables.ts";

export type DocumentJobRow = typeof documentJobs.$inferSelect;
/** The row without the document and the file: what the job page needs. */
export type DocumentJobSummary = Omit<DocumentJobRow, "document" | "pdf"> & { stale: boolean };

/** No heartbeat for this long (judged by the database's clock, which every node shares): its node stopped. */
export const STALE_AFTER_SECONDS = 30;
const silent = sql<boolean>`${documentJobs.heartbeatAt} < now() - make_interval(secs => ${STALE_AFTER_SECONDS})`;

const summary = {
  id: documentJobs.id,
  userId: documentJobs.userId,
  contentKey: documentJobs.contentKey,
  fileName: documentJobs.fileName,
  title: documentJobs.title,
  nodeId: documentJobs.nodeId,
  status: documentJobs.status,
  heartbeatAt: documentJobs.heartbeatAt,
  createdAt: documentJobs.createdAt,
  finishedAt: documentJobs.finishedAt,
  errorMessage: documentJobs.errorMessage,
  stale: silent,
};

export async function insertDocumentJob(
  db: Executor,
  job: {
    userId: string | null;
    contentKey: string;
    fileName: string;
    title: string;
    document: unknown;
    nodeId: string;
  },
): Promise<string> {
  const [row] = await db.insert(documentJobs).values(job).returning({ id: documentJobs.id });
  return row!.id;
}

/**
 * The newest job for the same reader and content, made within the hour, that is done or still
 * alive; an older one could be purged (after a day) while its reader is on its page.
 */
export async function reusableDocumentJob(db: Executor, contentKey: string): Promise<string | null> {
  const [row] = await db
    .select({ id: documentJobs.id })
    .from(documentJobs)
    .where(
      and(
        eq(documentJobs.contentKey, contentKey),
        sql`${documentJobs.createdAt} > now() - interval '1 hour'`,
        or(
          eq(documentJobs.status, "done"),
          and(inArray(documentJobs.status, ["queued", "running"]), sql`not ${silent}`),
        ),
      ),
    )
    .orderBy(desc(documentJobs.createdAt))
    .limit(1);
  return row?.id ?? null;
}

/** A job the reader may see: theirs, or a public document's; null otherwise. */
export async function findDocumentJob(
  db: Executor,
  jobId: string,
  userId: string | null,
): Promise<DocumentJobSummary | null> {
  const reader = userId
    ? or(isNull(documentJobs.userId), eq(documentJobs.userId, userId))
    : isNull(documentJobs.userId);
  const [row] = await db
    .select(summary)
    .from(documentJobs)
    .where(and(eq(documentJobs.id, jobId), reader))
    .limit(1);
  return row ?? null;
}

/**
 * Takes a job for this node to print: one still queued here, or one whose node went silent.
 * The condition is in the UPDATE, so of two nodes asking at once only one gets it.
 */
export async function claimDocumentJob(
  db: Executor,
  jobId: string,
  nodeId: string,
): Promise<{ document: unknown; title: string } | null> {
  const [row] = await db
    .update(documentJobs)
    .set({ status: "running", nodeId, heartbeatAt: sql`now()` })
    .where(
      and(
        eq(documentJobs.id, jobId),
        inArray(documentJobs.status, ["queued", "running"]),
        or(and(eq(documentJobs.nodeId, nodeId), eq(documentJobs.status, "queued")), silent),
      ),
    )
    .returning({ document: documentJobs.document, title: documentJobs.title });
  return row ?? null;
}

export async function touchDocumentJob(db: Executor, jobId: string, nodeId: string): Promise<void> {
  await db
    .update(documentJobs)
    .set({ heartbeatAt: sql`now()` })
    .where(and(eq(documentJobs.id, jobId), eq(documentJobs.nodeId, nodeId)));
}

export async function finishDocumentJob(
  db: Executor,
  jobId: string,
  nodeId: string,
  end: { status: "done"; pdf: Buffer } | { status: "failed"; errorMessage: string },
): Promise<void> {
  await db
    .update(documentJobs)
    .set({ ...end, finishedAt: sql`now()`, heartbeatAt: sql`now()` })
    .where(and(eq(documentJobs.id, jobId), eq(documentJobs.nodeId, nodeId)));
}

export async function documentJobFile(db: Executor, jobId: string, userId: string | null): Promise<Buffer | null> {
  const reader = userId
    ? or(isNull(documentJobs.userId), eq(documentJobs.userId, userId))
    : isNull(documentJobs.userId);
  const [row] = await db
    .select({ pdf: documentJobs.pdf })
    .from(documentJobs)
    .where(and(eq(documentJobs.id, jobId), eq(documentJobs.status, "done"), reader))
    .limit(1);
  return row?.pdf ?? null;
}

/** Jobs (and their files) a day old: a PDF asked for again is printed again. */
export async function purgeDocumentJobs(db: Executor, olderThanSeconds = 24 * 60 * 60): Promise<void> {
  await db
    .delete(documentJobs)
    .where(lt(documentJobs.createdAt, sql`now() - make_interval(secs => ${olderThanSeconds})`));
}
