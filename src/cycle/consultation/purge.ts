import { forgetPublicSurveys } from "./public-survey-cache.ts";
import { and, eq, inArray, isNotNull, isNull, lt } from "drizzle-orm";
import { recordAudit } from "../../kernel/audit/audit.ts";
import type { Db } from "../../kernel/db/database.ts";
import { surveyContacts, surveyTextAnswers, surveys } from "./tables.ts";

/**
 * The retention date: the day after a survey's `retainUntil`, its contact details are deleted
 * and its free-text answers erased (their coding stays, so theme counts hold; approved quotes
 * were copied and checked when approved). Runs at start and hourly; safe to run again.
 */
export async function purgeExpiredSurveyData(
  db: Db,
  today: string,
): Promise<{ surveys: number; contacts: number; answers: number }> {
  const due = await db
    .select({ id: surveys.id, partnershipId: surveys.partnershipId })
    .from(surveys)
    .where(and(lt(surveys.retainUntil, today), isNull(surveys.purgedAt)));
  let contacts = 0;
  let answers = 0;
  for (const survey of due) {
    await db.transaction(async (tx) => {
      const removed = await tx
        .delete(surveyContacts)
        .where(eq(surveyContacts.surveyId, survey.id))
        .returning({ id: surveyContacts.id });
      const erased = await tx
        .update(surveyTextAnswers)
        .set({ text: null })
        .where(and(eq(surveyTextAnswers.surveyId, survey.id), isNotNull(surveyTextAnswers.text)))
        .returning({ id: surveyTextAnswers.id });
      await tx
        .update(surveys)
        .set({ purgedAt: new Date() })
        .where(inArray(surveys.id, [survey.id]));
      forgetPublicSurveys();
      await recordAudit(
        tx,
        { actorUserId: null, actorLabel: "system" },
        {
          action: "survey.retention_purge",
          entityType: "survey",
          entityId: survey.id,
          partnershipId: survey.partnershipId,
          after: { contactsDeleted: removed.length, answersErased: erased.length },
        },
      );
      contacts += removed.length;
      answers += erased.length;
    });
  }
  return { surveys: due.length, contacts, answers };
}
