import { runnerQuestions } from "./audience-question.ts";
import { cachedPublicSurvey, forgetPublicSurveys } from "./public-survey-cache.ts";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import { findPartnership } from "../../workspace/partnerships/index.ts";
import type { QuestionDef, QuestionKind } from "./survey-model.ts";
import { engagementActivities, surveyQuestions, surveyTallies, surveys } from "./tables.ts";

export type SurveyRow = typeof surveys.$inferSelect;
export type QuestionRow = typeof surveyQuestions.$inferSelect;

export function toQuestionDef(row: QuestionRow): QuestionDef {
  return {
    id: row.id,
    code: row.code,
    position: row.position,
    page: row.page,
    kind: row.kind as QuestionKind,
    required: row.required,
    hidden: row.hidden,
    wording: row.wording,
    options: row.options,
    settings: row.settings,
  };
}

export async function findSurveyOf(db: Executor, partnershipId: string, activityId: string) {
  const [row] = await db
    .select()
    .from(surveys)
    .where(and(eq(surveys.activityId, activityId), eq(surveys.partnershipId, partnershipId)))
    .limit(1);
  return row;
}

/** A survey as the public sees it: with its activity and partnership, by the activity's id. */
export async function findPublicSurvey(db: Executor, activityId: string) {
  const [row] = await db
    .select({ survey: surveys, activity: engagementActivities })
    .from(surveys)
    .innerJoin(engagementActivities, eq(engagementActivities.id, surveys.activityId))
    .where(eq(surveys.activityId, activityId))
    .limit(1);
  const partnership = row ? await findPartnership(db, row.survey.partnershipId) : undefined;
  if (!row || !partnership) return undefined;
  return {
    ...row,
    partnership: {
      id: partnership.id,
      name: partnership.name,
      nation: partnership.nation,
      areaName: partnership.areaName,
      isFictional: partnership.isFictional,
    },
  };
}

/**
 * The public survey with its questions, as every page of the runner needs it (cached briefly):
 * the audience question first when the survey asks it.
 */
export function loadPublicSurvey(db: Executor, activityId: string) {
  return cachedPublicSurvey(db, activityId, async () => {
    const row = await findPublicSurvey(db, activityId);
    return row && { ...row, questions: runnerQuestions(row.survey, await listQuestions(db, row.survey.id)) };
  });
}

export async function insertSurvey(db: Executor, values: typeof surveys.$inferInsert) {
  const [row] = await db.insert(surveys).values(values).returning();
  forgetPublicSurveys();
  return row!;
}

export async function updateSurvey(
  db: Executor,
  partnershipId: string,
  surveyId: string,
  values: Partial<typeof surveys.$inferInsert>,
) {
  const [row] = await db
    .update(surveys)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(surveys.id, surveyId), eq(surveys.partnershipId, partnershipId)))
    .returning();
  forgetPublicSurveys();
  return row;
}

export async function listQuestions(db: Executor, surveyId: string): Promise<QuestionDef[]> {
  const rows = await db
    .select()
    .from(surveyQuestions)
    .where(eq(surveyQuestions.surveyId, surveyId))
    .orderBy(asc(surveyQuestions.position));
  return rows.map(toQuestionDef);
}

export async function findQuestion(db: Executor, partnershipId: string, surveyId: string, questionId: string) {
  const [row] = await db
    .select()
    .from(surveyQuestions)
    .where(
      and(
        eq(surveyQuestions.id, questionId),
        eq(surveyQuestions.surveyId, surveyId),
        eq(surveyQuestions.partnershipId, partnershipId),
      ),
    )
    .limit(1);
  return row;
}

/** The next code and position: codes are never reused, so an export's columns keep their meaning. */
export async function nextQuestionSlot(db: Executor, surveyId: string): Promise<{ code: string; position: number }> {
  const [row] = await db
    .select({
      code: sql<number>`coalesce(max(substring(${surveyQuestions.code} from 2)::int), 0)::int + 1`,
      position: sql<number>`coalesce(max(${surveyQuestions.position}), 0)::int + 1`,
    })
    .from(surveyQuestions)
    .where(eq(surveyQuestions.surveyId, surveyId));
  return { code: `q${row?.code ?? 1}`, position: row?.position ?? 1 };
}

export async function insertQuestion(db: Executor, values: typeof surveyQuestions.$inferInsert) {
  const [row] = await db.insert(surveyQuestions).values(values).returning();
  forgetPublicSurveys();
  return row!;
}

export async function updateQuestion(
  db: Executor,
  partnershipId: string,
  questionId: string,
  values: Partial<typeof surveyQuestions.$inferInsert>,
) {
  const [row] = await db
    .update(surveyQuestions)
    .set(values)
    .where(and(eq(surveyQuestions.id, questionId), eq(surveyQuestions.partnershipId, partnershipId)))
    .returning();
  forgetPublicSurveys();
  return row;
}

export async function deleteQuestion(db: Executor, partnershipId: string, questionId: string) {
  const [row] = await db
    .delete(surveyQuestions)
    .where(and(eq(surveyQuestions.id, questionId), eq(surveyQuestions.partnershipId, partnershipId)))
    .returning();
  forgetPublicSurveys();
  return row;
}

/** True once anyone has answered (online or on paper): such a question may be hidden but never deleted. */
export async function questionHasAnswers(db: Executor, questionId: string): Promise<boolean> {
  const [tally] = await db
    .select({ one: sql<number>`1` })
    .from(surveyTallies)
    .where(and(eq(surveyTallies.questionId, questionId), eq(surveyTallies.value, ""), gt(surveyTallies.count, 0)))
    .limit(1);
  return !!tally;
}

/** The questions of a survey that anyone has answered (online or on paper). */
export async function answeredQuestionIds(db: Executor, surveyId: string): Promise<Set<string>> {
  const rows = await db
    .select({ questionId: surveyTallies.questionId })
    .from(surveyTallies)
    .where(and(eq(surveyTallies.surveyId, surveyId), eq(surveyTallies.value, ""), gt(surveyTallies.count, 0)));
  return new Set(rows.map((row) => row.questionId));
}
