import { type AuditContext, recordAudit } from "../../kernel/audit/audit.ts";
import type { Db } from "../../kernel/db/database.ts";
import { AppError, type FieldError } from "../../kernel/errors/app-error.ts";
import { listThemes } from "./coding-repository.ts";
import { findActivity, updateActivity } from "./register-repository.ts";
import { activityStatus } from "./status.ts";
import { findSurveyOf } from "./survey-repository.ts";

/**
 * Publishes "you said, we did": the public page goes live and the activity has reported back.
 * It needs the activity closed, at least one theme, and a response to every theme, so nobody
 * reads "you said" without "we did".
 */
export async function publishYouSaidWeDid(
  db: Db,
  audit: AuditContext,
  partnershipId: string,
  activityId: string,
  weDid: string,
  today: string,
) {
  const activity = await findActivity(db, partnershipId, activityId);
  if (!activity) throw AppError.notFound();
  const survey = await findSurveyOf(db, partnershipId, activityId);
  const status = activityStatus({ ...activity, publishedAt: null }, survey, today);
  const themes = await listThemes(db, partnershipId, activityId);
  const errors: FieldError[] = [];
  if (status !== "closed")
    errors.push({
      field: "weDid",
      message: "Publish once the activity has closed: record it as closed, or wait for the survey's closing date",
    });
  if (themes.length === 0)
    errors.push({ field: "weDid", message: "Add the themes of what people said before publishing" });
  const unanswered = themes.filter((theme) => !theme.response.trim());
  if (unanswered.length)
    errors.push({
      field: "weDid",
      message: `Write what the partnership did about every theme first: ${unanswered.map((theme) => theme.name).join(", ")}`,
    });
  if (errors.length) throw AppError.validation(errors);
  await db.transaction(async (tx) => {
    const row = await updateActivity(tx, partnershipId, activityId, { weDid, publishedAt: new Date() });
    await recordAudit(tx, audit, {
      action: "engagement.publish",
      entityType: "engagement_activity",
      entityId: activityId,
      partnershipId,
      before: { publishedAt: activity.publishedAt, weDid: activity.weDid },
      after: { publishedAt: row?.publishedAt, weDid },
    });
  });
}

export async function withdrawYouSaidWeDid(db: Db, audit: AuditContext, partnershipId: string, activityId: string) {
  await db.transaction(async (tx) => {
    const activity = await findActivity(tx, partnershipId, activityId);
    if (!activity) throw AppError.notFound();
    await updateActivity(tx, partnershipId, activityId, { publishedAt: null });
    await recordAudit(tx, audit, {
      action: "engagement.withdraw",
      entityType: "engagement_activity",
      entityId: activityId,
      partnershipId,
      before: { publishedAt: activity.publishedAt },
    });
  });
}
