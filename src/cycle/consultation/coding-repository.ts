import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import { answerThemes, consultationQuotes, consultationThemes, themeFindings } from "./tables.ts";

export type ThemeRow = typeof consultationThemes.$inferSelect;
export type QuoteRow = typeof consultationQuotes.$inferSelect;

export function listThemes(db: Executor, partnershipId: string, activityId: string): Promise<ThemeRow[]> {
  return db
    .select()
    .from(consultationThemes)
    .where(and(eq(consultationThemes.activityId, activityId), eq(consultationThemes.partnershipId, partnershipId)))
    .orderBy(asc(consultationThemes.position), asc(consultationThemes.createdAt));
}

export async function findTheme(db: Executor, partnershipId: string, activityId: string, themeId: string) {
  const [row] = await db
    .select()
    .from(consultationThemes)
    .where(
      and(
        eq(consultationThemes.id, themeId),
        eq(consultationThemes.activityId, activityId),
        eq(consultationThemes.partnershipId, partnershipId),
      ),
    )
    .limit(1);
  return row;
}

export async function insertTheme(db: Executor, values: Omit<typeof consultationThemes.$inferInsert, "position">) {
  const [next] = await db
    .select({ position: sql<number>`coalesce(max(${consultationThemes.position}), 0)::int + 1` })
    .from(consultationThemes)
    .where(eq(consultationThemes.activityId, values.activityId));
  const [row] = await db
    .insert(consultationThemes)
    .values({ ...values, position: next?.position ?? 1 })
    .returning();
  return row!;
}

export async function updateTheme(
  db: Executor,
  partnershipId: string,
  themeId: string,
  values: Partial<typeof consultationThemes.$inferInsert>,
) {
  const [row] = await db
    .update(consultationThemes)
    .set(values)
    .where(and(eq(consultationThemes.id, themeId), eq(consultationThemes.partnershipId, partnershipId)))
    .returning();
  return row;
}

export async function deleteTheme(db: Executor, partnershipId: string, themeId: string) {
  const [row] = await db
    .delete(consultationThemes)
    .where(and(eq(consultationThemes.id, themeId), eq(consultationThemes.partnershipId, partnershipId)))
    .returning();
  return row;
}

/** People (responses) who raised each theme in free text; several answers of one response count once. */
export async function codedCounts(
  db: Executor,
  partnershipId: string,
  activityId: string,
): Promise<Map<string, number>> {
  const rows = await db
    .select({ themeId: answerThemes.themeId, n: sql<number>`count(distinct ${answerThemes.responseId})::int` })
    .from(answerThemes)
    .where(and(eq(answerThemes.activityId, activityId), eq(answerThemes.partnershipId, partnershipId)))
    .groupBy(answerThemes.themeId);
  return new Map(rows.map((row) => [row.themeId, Number(row.n)]));
}

/** Replaces the codes of the given answers (each answer's themes are exactly those given). */
export async function replaceCodes(
  db: Executor,
  partnershipId: string,
  activityId: string,
  answers: { answerId: string; responseId: string; themeIds: string[] }[],
) {
  if (answers.length === 0) return;
  await db.delete(answerThemes).where(
    and(
      eq(answerThemes.partnershipId, partnershipId),
      inArray(
        answerThemes.answerId,
        answers.map((answer) => answer.answerId),
      ),
    ),
  );
  const rows = answers.flatMap((answer) =>
    answer.themeIds.map((themeId) => ({
      answerId: answer.answerId,
      responseId: answer.responseId,
      themeId,
      activityId,
      partnershipId,
    })),
  );
  if (rows.length) await db.insert(answerThemes).values(rows);
}

export function listQuotes(db: Executor, partnershipId: string, activityId: string): Promise<QuoteRow[]> {
  return db
    .select()
    .from(consultationQuotes)
    .where(and(eq(consultationQuotes.activityId, activityId), eq(consultationQuotes.partnershipId, partnershipId)))
    .orderBy(asc(consultationQuotes.createdAt));
}

export async function findQuote(db: Executor, partnershipId: string, activityId: string, quoteId: string) {
  const [row] = await db
    .select()
    .from(consultationQuotes)
    .where(
      and(
        eq(consultationQuotes.id, quoteId),
        eq(consultationQuotes.activityId, activityId),
        eq(consultationQuotes.partnershipId, partnershipId),
      ),
    )
    .limit(1);
  return row;
}

export async function insertQuote(db: Executor, values: typeof consultationQuotes.$inferInsert) {
  const [row] = await db.insert(consultationQuotes).values(values).returning();
  return row!;
}

export async function updateQuote(
  db: Executor,
  partnershipId: string,
  quoteId: string,
  values: Partial<typeof consultationQuotes.$inferInsert>,
) {
  const [row] = await db
    .update(consultationQuotes)
    .set(values)
    .where(and(eq(consultationQuotes.id, quoteId), eq(consultationQuotes.partnershipId, partnershipId)))
    .returning();
  return row;
}

export async function deleteQuote(db: Executor, partnershipId: string, quoteId: string) {
  const [row] = await db
    .delete(consultationQuotes)
    .where(and(eq(consultationQuotes.id, quoteId), eq(consultationQuotes.partnershipId, partnershipId)))
    .returning();
  return row;
}

export function listThemeFindings(db: Executor, partnershipId: string, themeIds: string[]) {
  if (themeIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(themeFindings)
    .where(and(eq(themeFindings.partnershipId, partnershipId), inArray(themeFindings.themeId, themeIds)));
}

export async function insertThemeFinding(db: Executor, values: typeof themeFindings.$inferInsert) {
  await db.insert(themeFindings).values(values).onConflictDoNothing();
}

export async function deleteThemeFinding(db: Executor, partnershipId: string, themeId: string, findingId: string) {
  const [row] = await db
    .delete(themeFindings)
    .where(
      and(
        eq(themeFindings.partnershipId, partnershipId),
        eq(themeFindings.themeId, themeId),
        eq(themeFindings.findingId, findingId),
      ),
    )
    .returning();
  return row;
}
