import { and, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import { reviewFeedback } from "./tables.ts";

export type FeedbackRow = typeof reviewFeedback.$inferSelect;

/** A partnership's feedback on one reporting year's report, newest first. */
export function listFeedback(db: Executor, partnershipId: string, reportingYear: string): Promise<FeedbackRow[]> {
  return db
    .select()
    .from(reviewFeedback)
    .where(and(eq(reviewFeedback.partnershipId, partnershipId), eq(reviewFeedback.reportingYear, reportingYear)))
    .orderBy(desc(reviewFeedback.createdAt));
}

/** The reporting years a partnership has feedback for (the year select offers them). */
export async function feedbackYears(db: Executor, partnershipId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ year: reviewFeedback.reportingYear })
    .from(reviewFeedback)
    .where(eq(reviewFeedback.partnershipId, partnershipId));
  return rows.map((row) => row.year);
}

export async function updateFeedbackReply(
  db: Executor,
  partnershipId: string,
  id: string,
  values: { reply: string; repliedByName: string; addressed: boolean },
): Promise<FeedbackRow> {
  const now = new Date();
  const [row] = await db
    .update(reviewFeedback)
    .set({
      reply: values.reply,
      repliedByName: values.repliedByName,
      repliedAt: now,
      // Kept from the first time it was marked addressed; cleared when unticked.
      addressedAt: values.addressed
        ? sql`coalesce(${reviewFeedback.addressedAt}, ${now.toISOString()}::timestamptz)`
        : null,
      updatedAt: now,
    })
    .where(and(eq(reviewFeedback.id, id), eq(reviewFeedback.partnershipId, partnershipId)))
    .returning();
  return row!;
}

export async function findFeedback(db: Executor, partnershipId: string, id: string): Promise<FeedbackRow | undefined> {
  const [row] = await db
    .select()
    .from(reviewFeedback)
    .where(and(eq(reviewFeedback.id, id), eq(reviewFeedback.partnershipId, partnershipId)))
    .limit(1);
  return row;
}

export async function insertFeedback(db: Executor, values: typeof reviewFeedback.$inferInsert): Promise<FeedbackRow> {
  const [row] = await db.insert(reviewFeedback).values(values).returning();
  return row!;
}

export async function updateFeedbackStatus(
  db: Executor,
  partnershipId: string,
  id: string,
  status: string,
): Promise<FeedbackRow> {
  const [row] = await db
    .update(reviewFeedback)
    .set({ status, updatedAt: new Date() })
    .where(and(eq(reviewFeedback.id, id), eq(reviewFeedback.partnershipId, partnershipId)))
    .returning();
  return row!;
}

/** Feedback not yet closed per partnership, for the national view. */
export async function openFeedbackCounts(db: Executor, partnershipIds: string[]): Promise<Map<string, number>> {
  if (partnershipIds.length === 0) return new Map();
  const rows = await db
    .select({ partnershipId: reviewFeedback.partnershipId, count: sql<number>`count(*)::int` })
    .from(reviewFeedback)
    .where(and(inArray(reviewFeedback.partnershipId, partnershipIds), sql`${reviewFeedback.status} <> 'returned'`))
    .groupBy(reviewFeedback.partnershipId);
  return new Map(rows.map((row) => [row.partnershipId, Number(row.count)]));
}

/** Feedback returned to partnerships and not yet addressed (for their leads' attention lists). */
export function returnedFeedback(db: Executor, partnershipIds: string[]) {
  if (partnershipIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: reviewFeedback.id,
      partnershipId: reviewFeedback.partnershipId,
      section: reviewFeedback.section,
      updatedAt: reviewFeedback.updatedAt,
    })
    .from(reviewFeedback)
    .where(
      and(
        inArray(reviewFeedback.partnershipId, partnershipIds),
        eq(reviewFeedback.status, "returned"),
        // Once the lead marks it addressed it needs no more attention.
        isNull(reviewFeedback.addressedAt),
      ),
    )
    .orderBy(desc(reviewFeedback.updatedAt));
}

/**
 * Review feedback on a report, or on its year's report before it existed: fills the reports
 * domain's `reportReviewFeedback` extension point (reports never reads this table).
 */
export function feedbackForReport(db: Executor, partnershipId: string, report: { id: string; reportingYear: string }) {
  return db
    .select()
    .from(reviewFeedback)
    .where(
      and(
        eq(reviewFeedback.partnershipId, partnershipId),
        or(
          eq(reviewFeedback.reportRef, report.id),
          and(isNull(reviewFeedback.reportRef), eq(reviewFeedback.reportingYear, report.reportingYear)),
        ),
      ),
    )
    .orderBy(desc(reviewFeedback.createdAt));
}
