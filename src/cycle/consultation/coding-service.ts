import { type AuditContext, recordAudit } from "../../kernel/audit/audit.ts";
import type { Db } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import * as repo from "./coding-repository.ts";
import { describeFlags, personalDataFlags } from "./personal-data.ts";
import { findActivity } from "./register-repository.ts";
import { findTextAnswers } from "./response-repository.ts";
import type { QuoteInput, ThemeInput } from "./schemas.ts";
import { findSurveyOf } from "./survey-repository.ts";
import { removeThemeEvidence } from "./theme-links.ts";

async function activityOrNotFound(db: Db, partnershipId: string, activityId: string) {
  const activity = await findActivity(db, partnershipId, activityId);
  if (!activity) throw AppError.notFound();
  return activity;
}

/** Adds a theme to the code frame (themeId null) or changes one. */
export async function saveTheme(
  db: Db,
  audit: AuditContext,
  partnershipId: string,
  activityId: string,
  themeId: string | null,
  input: ThemeInput,
) {
  await activityOrNotFound(db, partnershipId, activityId);
  return db.transaction(async (tx) => {
    const before = themeId ? await repo.findTheme(tx, partnershipId, activityId, themeId) : undefined;
    if (themeId && !before) throw AppError.notFound();
    const row = before
      ? (await repo.updateTheme(tx, partnershipId, before.id, input))!
      : await repo.insertTheme(tx, { ...input, partnershipId, activityId });
    await recordAudit(tx, audit, {
      action: before ? "consultation_theme.update" : "consultation_theme.create",
      entityType: "consultation_theme",
      entityId: row.id,
      partnershipId,
      before: before ?? null,
      after: row,
    });
    return row;
  });
}

export async function removeTheme(
  db: Db,
  audit: AuditContext,
  partnershipId: string,
  activityId: string,
  themeId: string,
) {
  await db.transaction(async (tx) => {
    const theme = await repo.findTheme(tx, partnershipId, activityId, themeId);
    if (!theme) throw AppError.notFound();
    await removeThemeEvidence(tx as unknown as Db, audit, partnershipId, theme.id);
    await repo.deleteTheme(tx, partnershipId, theme.id);
    await recordAudit(tx, audit, {
      action: "consultation_theme.delete",
      entityType: "consultation_theme",
      entityId: theme.id,
      partnershipId,
      before: theme,
    });
  });
}

/**
 * Saves the codes of one page of answers: `answers` are the answer ids shown on the page and
 * `codes` maps each to the themes ticked. Answers and themes must be this activity's own; a
 * forged id changes nothing and is reported.
 */
export async function saveCodes(
  db: Db,
  audit: AuditContext,
  partnershipId: string,
  activityId: string,
  codes: Map<string, string[]>,
) {
  const survey = await findSurveyOf(db, partnershipId, activityId);
  if (!survey) throw AppError.notFound();
  const themes = new Set((await repo.listThemes(db, partnershipId, activityId)).map((theme) => theme.id));
  const answers = await findTextAnswers(db, partnershipId, survey.id, [...codes.keys()]);
  if (answers.length !== codes.size || [...codes.values()].flat().some((id) => !themes.has(id)))
    throw AppError.validation([
      { field: "form", message: "Some answers or themes are not part of this consultation: reload the page" },
    ]);
  await db.transaction(async (tx) => {
    await repo.replaceCodes(
      tx,
      partnershipId,
      activityId,
      answers.map((answer) => ({
        answerId: answer.id,
        responseId: answer.responseId,
        themeIds: codes.get(answer.id)!,
      })),
    );
    await recordAudit(tx, audit, {
      action: "consultation.coded",
      entityType: "engagement_activity",
      entityId: activityId,
      partnershipId,
      after: Object.fromEntries(codes),
    });
  });
}

async function checkQuoteRefs(db: Db, partnershipId: string, activityId: string, input: QuoteInput) {
  if (input.themeId && !(await repo.findTheme(db, partnershipId, activityId, input.themeId)))
    throw AppError.validation([{ field: "themeId", message: "Select a theme of this consultation" }]);
  if (input.answerId) {
    const survey = await findSurveyOf(db, partnershipId, activityId);
    const [answer] = survey ? await findTextAnswers(db, partnershipId, survey.id, [input.answerId]) : [];
    if (!answer)
      throw AppError.validation([{ field: "text", message: "The answer quoted is not part of this consultation" }]);
  }
}

/** Proposes a quote (or changes one, which sends it back for review); the personal-data check runs on every save. */
export async function saveQuote(
  db: Db,
  audit: AuditContext,
  partnershipId: string,
  activityId: string,
  quoteId: string | null,
  input: QuoteInput,
  actorId: string,
) {
  await activityOrNotFound(db, partnershipId, activityId);
  await checkQuoteRefs(db, partnershipId, activityId, input);
  const flags = describeFlags(personalDataFlags(input.text));
  return db.transaction(async (tx) => {
    const before = quoteId ? await repo.findQuote(tx, partnershipId, activityId, quoteId) : undefined;
    if (quoteId && !before) throw AppError.notFound();
    const values = {
      text: input.text,
      themeId: input.themeId,
      flags,
      status: "proposed",
      personalDataConfirmed: false,
      reviewedBy: null,
      reviewedByName: null,
      reviewedAt: null,
    };
    const row = before
      ? (await repo.updateQuote(tx, partnershipId, before.id, values))!
      : await repo.insertQuote(tx, {
          ...values,
          answerId: input.answerId,
          partnershipId,
          activityId,
          proposedBy: actorId,
        });
    await recordAudit(tx, audit, {
      action: before ? "consultation_quote.update" : "consultation_quote.propose",
      entityType: "consultation_quote",
      entityId: row.id,
      partnershipId,
      before: before ?? null,
      after: row,
    });
    return row;
  });
}

/** Approves a quote for publication; one flagged as likely personal data needs the reviewer's confirmation. */
export async function approveQuote(
  db: Db,
  audit: AuditContext,
  partnershipId: string,
  activityId: string,
  quoteId: string,
  confirmed: boolean,
  reviewer: { userId: string; name: string },
) {
  await db.transaction(async (tx) => {
    const quote = await repo.findQuote(tx, partnershipId, activityId, quoteId);
    if (!quote) throw AppError.notFound();
    if (quote.flags.length > 0 && !confirmed)
      throw AppError.validation([
        {
          field: "confirmed",
          message: "Confirm you have checked the quote contains nothing that could identify anyone, or change it",
        },
      ]);
    const row = await repo.updateQuote(tx, partnershipId, quote.id, {
      status: "approved",
      personalDataConfirmed: quote.flags.length > 0,
      reviewedBy: reviewer.userId,
      reviewedByName: reviewer.name,
      reviewedAt: new Date(),
    });
    await recordAudit(tx, audit, {
      action: "consultation_quote.approve",
      entityType: "consultation_quote",
      entityId: quote.id,
      partnershipId,
      before: quote,
      after: row,
    });
  });
}

export async function removeQuote(
  db: Db,
  audit: AuditContext,
  partnershipId: string,
  activityId: string,
  quoteId: string,
) {
  await db.transaction(async (tx) => {
    const quote = await repo.findQuote(tx, partnershipId, activityId, quoteId);
    if (!quote) throw AppError.notFound();
    await repo.deleteQuote(tx, partnershipId, quote.id);
    await recordAudit(tx, audit, {
      action: "consultation_quote.delete",
      entityType: "consultation_quote",
      entityId: quote.id,
      partnershipId,
      before: quote,
    });
  });
}
