import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { partnerships } from "../../workspace/partnerships/index.ts";

/** A national partner's review comment on a section of a partnership's report. */
export const reviewFeedback = pgTable(
  "review_feedback",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    reportingYear: text("reporting_year").notNull(),
    /** The report in the reporting domain, once it exists; null means "this year's report". */
    reportRef: text("report_ref"),
    section: text("section").notNull(),
    comment: text("comment").notNull(),
    /** requested | in-review | returned */
    status: text("status").notNull().default("requested"),
    /** The partnership lead's reply, and when the lead marked the point addressed. */
    reply: text("reply").notNull().default(""),
    repliedByName: text("replied_by_name"),
    repliedAt: timestamp("replied_at", { withTimezone: true }),
    addressedAt: timestamp("addressed_at", { withTimezone: true }),
    authorUserId: uuid("author_user_id"),
    authorName: text("author_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("review_feedback_partnership_idx").on(table.partnershipId, table.status),
    index("review_feedback_year_idx").on(table.partnershipId, table.reportingYear),
  ],
);
