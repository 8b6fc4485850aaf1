import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../../workspace/access/index.ts";
import { partnerships } from "../../workspace/partnerships/index.ts";

export type ImportJobStatus = "queued" | "running" | "done" | "failed";
/** What a job is doing: reading and checking the file, writing it, then updating statistics. */
export type ImportJobStage = "waiting" | "reading" | "writing" | "analysing" | "finished";

/** A problem that failed a job, as the preview shows it: where in the file and what. */
export interface ImportJobProblem {
  row?: number | undefined;
  column?: string | undefined;
  message: string;
}

/**
 * A confirmed web import running as a job. It runs on the node that took the upload (the file
 * waits on that node's disk), and writes its progress here, outside the import's own
 * transaction, so any node can show it. A job whose node stopped beating is shown as stopped:
 * its transaction rolled back, so nothing was written. Finished jobs are purged (job-purge.ts).
 */
export const importJobs = pgTable(
  "import_jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** SHA-256 of the pending upload's token: a second "Confirm import" finds the job the first started. */
    uploadRef: text("upload_ref").notNull(),
    kind: text("kind").notNull(),
    fileName: text("file_name").notNull(),
    /** The process that runs it (a random id per process). */
    nodeId: text("node_id").notNull(),
    status: text("status").$type<ImportJobStatus>().notNull().default("queued"),
    stage: text("stage").$type<ImportJobStage>().notNull().default("waiting"),
    rowsDone: integer("rows_done").notNull().default(0),
    rowsTotal: integer("rows_total"),
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    /** The import batch written, when done. */
    batchId: integer("batch_id"),
    /** Why it failed, in words, and the file's problems with their rows and columns. */
    errorMessage: text("error_message"),
    problems: jsonb("problems").$type<ImportJobProblem[]>().notNull().default([]),
    problemCount: integer("problem_count").notNull().default(0),
  },
  (table) => [
    index("import_jobs_partnership_idx").on(table.partnershipId, table.userId),
    index("import_jobs_upload_idx").on(table.uploadRef),
    index("import_jobs_finished_idx").on(table.finishedAt),
  ],
);
