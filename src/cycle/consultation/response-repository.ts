import { and, asc, count, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import type { Answers } from "./survey-engine.ts";
import type { AnswerValue, Language, QuestionDef, Version } from "./survey-model.ts";
import {
  answerThemes,
  surveyContacts,
  surveyDailyCounts,
  surveyResponses,
  surveyTallies,
  surveyTextAnswers,
} from "./tables.ts";

export interface NewResponse {
  version: Version;
  language: Language;
  source: "online" | "paper";
  submittedOn: string;
  /** An audience code or "prefer-not-to-say"; null (or absent) when not asked or not said. */
  audience?: string | null;
  answers: Answers;
}

const CHUNK = 500;

function chunks<T>(rows: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** The tally keys an answer adds to: "" (answered at all), then each chosen option or the value itself. */
export function tallyValues(question: QuestionDef, value: AnswerValue): string[] {
  if (question.kind === "text") return [""];
  return ["", ...(Array.isArray(value) ? value : [String(value)])];
}

/**
 * Writes responses with their free text apart, and adds them to the running tallies and daily
 * counts, in the caller's transaction: one online submission, or a whole paper import at once.
 */
export async function writeResponses(
  tx: Executor,
  survey: { id: string; partnershipId: string },
  questions: QuestionDef[],
  responses: NewResponse[],
): Promise<string[]> {
  const byId = new Map(questions.map((question) => [question.id, question]));
  const tallies = new Map<string, { questionId: string; version: string; value: string; count: number }>();
  const days = new Map<
    string,
    { day: string; version: string; language: string; source: string; audience: string | null; count: number }
  >();
  const responseRows = responses.map((response) => {
    const closed: Record<string, AnswerValue> = {};
    for (const [questionId, value] of Object.entries(response.answers)) {
      const question = byId.get(questionId);
      if (!question) continue;
      if (question.kind !== "text") closed[questionId] = value;
      for (const tallyValue of tallyValues(question, value)) {
        const key = `${questionId}|${response.version}|${tallyValue}`;
        const entry = tallies.get(key) ?? { questionId, version: response.version, value: tallyValue, count: 0 };
        entry.count += 1;
        tallies.set(key, entry);
      }
    }
    const audience = response.audience ?? null;
    const dayKey = `${response.submittedOn}|${response.version}|${response.language}|${response.source}|${audience}`;
    const day = days.get(dayKey) ?? {
      day: response.submittedOn,
      version: response.version,
      language: response.language,
      source: response.source,
      audience,
      count: 0,
    };
    day.count += 1;
    days.set(dayKey, day);
    return {
      surveyId: survey.id,
      partnershipId: survey.partnershipId,
      version: response.version,
      language: response.language,
      source: response.source,
      submittedOn: response.submittedOn,
      audience,
      answers: closed,
    };
  });
  const ids: string[] = [];
  for (const part of chunks(responseRows))
    ids.push(...(await tx.insert(surveyResponses).values(part).returning({ id: surveyResponses.id })).map((r) => r.id));
  const textRows = responses.flatMap((response, index) =>
    Object.entries(response.answers)
      .filter(([questionId]) => byId.get(questionId)?.kind === "text")
      .map(([questionId, value]) => ({
        responseId: ids[index]!,
        questionId,
        surveyId: survey.id,
        partnershipId: survey.partnershipId,
        text: String(value),
        version: response.version,
        submittedOn: response.submittedOn,
      })),
  );
  for (const part of chunks(textRows)) await tx.insert(surveyTextAnswers).values(part);
  for (const part of chunks([...tallies.values()]))
    await tx
      .insert(surveyTallies)
      .values(part.map((row) => ({ ...row, surveyId: survey.id })))
      .onConflictDoUpdate({
        target: [surveyTallies.questionId, surveyTallies.version, surveyTallies.value],
        set: { count: sql`${surveyTallies.count} + excluded.count` },
      });
  await tx
    .insert(surveyDailyCounts)
    .values([...days.values()].map((row) => ({ ...row, surveyId: survey.id })))
    .onConflictDoUpdate({
      target: [
        surveyDailyCounts.surveyId,
        surveyDailyCounts.day,
        surveyDailyCounts.version,
        surveyDailyCounts.language,
        surveyDailyCounts.source,
        surveyDailyCounts.audience,
      ],
      set: { count: sql`${surveyDailyCounts.count} + excluded.count` },
    });
  return ids;
}

export function listTallies(db: Executor, surveyId: string) {
  return db.select().from(surveyTallies).where(eq(surveyTallies.surveyId, surveyId));
}

export function listDailyCounts(db: Executor, surveyId: string) {
  return db
    .select()
    .from(surveyDailyCounts)
    .where(eq(surveyDailyCounts.surveyId, surveyId))
    .orderBy(asc(surveyDailyCounts.day));
}

export async function countContacts(db: Executor, surveyId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(surveyContacts).where(eq(surveyContacts.surveyId, surveyId));
  return Number(row?.n ?? 0);
}

export type TextFilter = { kind: "all" } | { kind: "uncoded" } | { kind: "theme"; themeId: string };

function filterCondition(filter: TextFilter) {
  if (filter.kind === "uncoded")
    return sql`not exists (select 1 from ${answerThemes} where ${answerThemes.answerId} = ${surveyTextAnswers.id})`;
  if (filter.kind === "theme")
    return sql`exists (select 1 from ${answerThemes} where ${answerThemes.answerId} = ${surveyTextAnswers.id} and ${answerThemes.themeId} = ${filter.themeId})`;
  return undefined;
}

/** One page of a question's free-text answers (erased ones left out), with the themes coded on each. */
export async function pageOfTextAnswers(
  db: Executor,
  partnershipId: string,
  questionId: string,
  filter: TextFilter,
  page: number,
  pageSize: number,
) {
  const where = and(
    eq(surveyTextAnswers.questionId, questionId),
    eq(surveyTextAnswers.partnershipId, partnershipId),
    isNotNull(surveyTextAnswers.text),
    filterCondition(filter),
  );
  const [total] = await db.select({ n: count() }).from(surveyTextAnswers).where(where);
  const rows = await db
    .select({
      id: surveyTextAnswers.id,
      responseId: surveyTextAnswers.responseId,
      text: surveyTextAnswers.text,
      version: surveyTextAnswers.version,
      submittedOn: surveyTextAnswers.submittedOn,
    })
    .from(surveyTextAnswers)
    .where(where)
    .orderBy(asc(surveyTextAnswers.submittedOn), asc(surveyTextAnswers.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const codes = rows.length
    ? await db
        .select({ answerId: answerThemes.answerId, themeId: answerThemes.themeId })
        .from(answerThemes)
        .where(
          inArray(
            answerThemes.answerId,
            rows.map((row) => row.id),
          ),
        )
    : [];
  return {
    total: Number(total?.n ?? 0),
    rows: rows.map((row) => ({
      ...row,
      text: row.text ?? "",
      themeIds: codes.filter((code) => code.answerId === row.id).map((code) => code.themeId),
    })),
  };
}

/** Answers of the survey among `ids` (others, and other partnerships', are left out). */
export async function findTextAnswers(db: Executor, partnershipId: string, surveyId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: surveyTextAnswers.id, responseId: surveyTextAnswers.responseId, text: surveyTextAnswers.text })
    .from(surveyTextAnswers)
    .where(
      and(
        eq(surveyTextAnswers.partnershipId, partnershipId),
        eq(surveyTextAnswers.surveyId, surveyId),
        inArray(surveyTextAnswers.id, ids),
      ),
    );
}

/** Every response for an export, oldest first, with its free text (erased answers as null). */
export async function responsesForExport(db: Executor, surveyId: string) {
  const [responses, texts] = await Promise.all([
    db
      .select()
      .from(surveyResponses)
      .where(eq(surveyResponses.surveyId, surveyId))
      .orderBy(asc(surveyResponses.submittedOn), asc(surveyResponses.id)),
    db
      .select({
        responseId: surveyTextAnswers.responseId,
        questionId: surveyTextAnswers.questionId,
        text: surveyTextAnswers.text,
      })
      .from(surveyTextAnswers)
      .where(eq(surveyTextAnswers.surveyId, surveyId)),
  ]);
  const textByResponse = new Map<string, Map<string, string | null>>();
  for (const row of texts) {
    const map = textByResponse.get(row.responseId) ?? new Map<string, string | null>();
    map.set(row.questionId, row.text);
    textByResponse.set(row.responseId, map);
  }
  return responses.map((row) => ({ ...row, texts: textByResponse.get(row.id) ?? new Map<string, string | null>() }));
}

/** Every free-text answer of a survey with its response (for bulk coding). */
export function listTextAnswerIds(db: Executor, partnershipId: string, surveyId: string) {
  return db
    .select({ id: surveyTextAnswers.id, responseId: surveyTextAnswers.responseId })
    .from(surveyTextAnswers)
    .where(and(eq(surveyTextAnswers.surveyId, surveyId), eq(surveyTextAnswers.partnershipId, partnershipId)));
}
