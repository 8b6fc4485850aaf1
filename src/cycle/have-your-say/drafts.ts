/**
 * Answers in progress. The random token goes to the browser only inside the pages' hidden
 * form fields; the table keeps its SHA-256, so a copy of the database cannot resume anyone's
 * survey. A draft lives an hour after its last page and is deleted when sent.
 */
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, lt, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import type { AnswerValue, Language, Version } from "../consultation/index.ts";
import { surveyDrafts } from "./tables.ts";

export const DRAFT_MINUTES = 60;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export type Draft = typeof surveyDrafts.$inferSelect;

const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");
const expiry = (now: Date) => new Date(now.getTime() + DRAFT_MINUTES * 60_000);

export async function createDraft(
  db: Executor,
  values: { surveyId: string; version: Version; language: Language; preview: boolean },
  now = new Date(),
): Promise<{ token: string; draft: Draft }> {
  const token = randomBytes(32).toString("base64url");
  const [draft] = await db
    .insert(surveyDrafts)
    .values({ ...values, tokenHash: hashOf(token), expiresAt: expiry(now) })
    .returning();
  return { token, draft: draft! };
}

/** The draft for a token of this survey, or null when the token is malformed, unknown or expired. */
export async function findDraft(
  db: Executor,
  surveyId: string,
  token: unknown,
  now = new Date(),
): Promise<Draft | null> {
  if (typeof token !== "string" || !TOKEN.test(token)) return null;
  const [row] = await db
    .select()
    .from(surveyDrafts)
    .where(
      and(
        eq(surveyDrafts.tokenHash, hashOf(token)),
        eq(surveyDrafts.surveyId, surveyId),
        gt(surveyDrafts.expiresAt, now),
      ),
    )
    .limit(1);
  return row ?? null;
}

export async function updateDraft(
  db: Executor,
  token: string,
  values: { answers?: Record<string, AnswerValue>; contact?: Draft["contact"] },
  now = new Date(),
): Promise<void> {
  await db
    .update(surveyDrafts)
    .set({ ...values, expiresAt: expiry(now) })
    .where(eq(surveyDrafts.tokenHash, hashOf(token)));
}

export async function deleteDraft(db: Executor, token: string): Promise<void> {
  await db.delete(surveyDrafts).where(eq(surveyDrafts.tokenHash, hashOf(token)));
}

/** Deletes the draft as part of the statement that sends it (see saveOnlineResponse): a row while it was there. */
export function claimDraft(surveyId: string, token: string): SQL {
  return sql`delete from ${surveyDrafts} where ${surveyDrafts.tokenHash} = ${hashOf(token)} and ${surveyDrafts.surveyId} = ${surveyId} returning 1`;
}

export async function purgeExpiredDrafts(db: Executor, now = new Date()): Promise<number> {
  const rows = await db
    .delete(surveyDrafts)
    .where(lt(surveyDrafts.expiresAt, now))
    .returning({ id: surveyDrafts.tokenHash });
  return rows.length;
}
