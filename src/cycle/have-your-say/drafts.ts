/**
 * Answers in progress. The random token goes to the browser only inside the pages' hidden
 * form fields; the table keeps its SHA-256, so a copy of the database cannot resume anyone's
 * survey. A draft lives an hour after its last page and is deleted when sent.
 */
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, lt, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import { perExecutor } from "../../kernel/db/prepared.ts";
import type { AnswerValue, Language, Version } from "../consultation/index.ts";
import { surveyDrafts } from "./tables.ts";

export const DRAFT_MINUTES = 60;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export type Draft = typeof surveyDrafts.$inferSelect;

const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");
const expiry = (now: Date) => new Date(now.getTime() + DRAFT_MINUTES * 60_000);

/**
 * The statements every page of every respondent runs, prepared once per connection (planning
 * is most of a small statement's cost on the embedded database) and built once per database.
 */
function buildStatements(db: Executor) {
  const hash = sql.placeholder("hash");
  const expiresAt = sql`${sql.placeholder("expiresAt")}`;
  return {
    insert: db
      .insert(surveyDrafts)
      .values({
        tokenHash: hash,
        surveyId: sql.placeholder("surveyId"),
        version: sql.placeholder("version"),
        language: sql.placeholder("language"),
        preview: sql.placeholder("preview"),
        expiresAt,
      })
      .returning()
      .prepare("survey_draft_insert"),
    find: db
      .select()
      .from(surveyDrafts)
      .where(
        and(
          eq(surveyDrafts.tokenHash, hash),
          eq(surveyDrafts.surveyId, sql.placeholder("surveyId")),
          gt(surveyDrafts.expiresAt, sql.placeholder("now")),
        ),
      )
      .limit(1)
      .prepare("survey_draft_find"),
    answers: db
      .update(surveyDrafts)
      .set({ answers: sql`${sql.placeholder("answers")}::jsonb`, expiresAt })
      .where(eq(surveyDrafts.tokenHash, hash))
      .prepare("survey_draft_answers"),
    contact: db
      .update(surveyDrafts)
      .set({ contact: sql`${sql.placeholder("contact")}::jsonb`, expiresAt })
      .where(eq(surveyDrafts.tokenHash, hash))
      .prepare("survey_draft_contact"),
  };
}

const statementsFor = perExecutor(buildStatements);

export async function createDraft(
  db: Executor,
  values: { surveyId: string; version: Version; language: Language; preview: boolean },
  now = new Date(),
): Promise<{ token: string; draft: Draft }> {
  const token = randomBytes(32).toString("base64url");
  const [draft] = await statementsFor(db).insert.execute({
    ...values,
    hash: hashOf(token),
    expiresAt: expiry(now),
  });
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
  const [row] = await statementsFor(db).find.execute({ hash: hashOf(token), surveyId, now });
  return row ?? null;
}

export async function updateDraft(
  db: Executor,
  token: string,
  values: { answers: Record<string, AnswerValue> } | { contact: Draft["contact"] },
  now = new Date(),
): Promise<void> {
  const statements = statementsFor(db);
  const common = { hash: hashOf(token), expiresAt: expiry(now) };
  if ("answers" in values) await statements.answers.execute({ ...common, answers: JSON.stringify(values.answers) });
  else
    await statements.contact.execute({
      ...common,
      contact: values.contact === null ? null : JSON.stringify(values.contact),
    });
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
