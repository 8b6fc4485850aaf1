import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { bytea } from "../../kernel/db/column-types.ts";

export type DocumentJobStatus = "queued" | "running" | "done" | "failed";

/**
 * A PDF being printed, or printed: the request that asks for a PDF only writes this row and
 * goes to the job's page, so no request waits on Chromium. The document model is kept, so any
 * node can print it again if the node that started it stops; the PDF is kept here, not in a
 * node's memory, so any node serves it. No foreign keys: documents are a library below the
 * domains that own people and partnerships (rows go after a day, `purgeDocumentJobs`).
 */
export const documentJobs = pgTable(
  "document_jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Who may see the job and its file; null for a public document (anyone with the link). */
    userId: uuid("user_id"),
    /** SHA-256 of the reader, file name and model: the same request finds the same job. */
    contentKey: text("content_key").notNull(),
    fileName: text("file_name").notNull(),
    title: text("title").notNull(),
    document: jsonb("document").notNull(),
    /** The process printing it (a random id per process). */
    nodeId: text("node_id").notNull(),
    status: text("status").$type<DocumentJobStatus>().notNull().default("queued"),
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    pdf: bytea("pdf"),
    errorMessage: text("error_message"),
  },
  (table) => [
    index("document_jobs_content_key_idx").on(table.contentKey),
    index("document_jobs_created_idx").on(table.createdAt),
  ],
);
