import { type AuditContext, recordAudit } from "../../kernel/audit/audit.ts";
import type { Db, Executor } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { findActivity, updateActivity } from "./register-repository.ts";
import { kindHasOptions, type QuestionInput, type SurveyInput } from "./schemas.ts";
import type { OptionDef, QuestionDef, QuestionSettings, Variant, Wording } from "./survey-model.ts";
import * as repo from "./survey-repository.ts";

function surveyValues(input: SurveyInput, welshAllowed: boolean) {
  const welsh = welshAllowed && input.welsh;
  return {
    opensOn: input.opensOn,
    closesOn: input.closesOn,
    retainUntil: input.retainUntil,
    welsh,
    offerContact: input.offerContact,
    askAudience: input.askAudience,
    burstLimit: input.burstLimit,
    intro: {
      "standard-en": input.introStandardEn,
      "young-en": input.introYoungEn,
      ...(welsh ? { "standard-cy": input.introStandardCy, "young-cy": input.introYoungCy } : {}),
    },
    localHelp: input.localHelp,
  };
}

/** Sets up (or changes) an activity's online survey; Welsh is offered to Welsh partnerships only. */
export async function saveSurvey(
  db: Db,
  audit: AuditContext,
  partnership: { id: string; nation: string },
  activityId: string,
  input: SurveyInput,
) {
  return db.transaction(async (tx) => {
    const activity = await findActivity(tx, partnership.id, activityId);
    if (!activity) throw AppError.notFound();
    const before = await repo.findSurveyOf(tx, partnership.id, activityId);
    const values = surveyValues(input, partnership.nation === "wales");
    const row = before
      ? (await repo.updateSurvey(tx, partnership.id, before.id, values))!
      : await repo.insertSurvey(tx, { ...values, partnershipId: partnership.id, activityId });
    if (!activity.methods.includes("online-survey"))
      await updateActivity(tx, partnership.id, activityId, { methods: [...activity.methods, "online-survey"] });
    await recordAudit(tx, audit, {
      action: before ? "survey.update" : "survey.create",
      entityType: "survey",
      entityId: row.id,
      partnershipId: partnership.id,
      before: before ?? null,
      after: row,
    });
    return row;
  });
}

const fieldVariants: [Variant, "StandardEn" | "YoungEn" | "StandardCy" | "YoungCy"][] = [
  ["standard-en", "StandardEn"],
  ["young-en", "YoungEn"],
  ["standard-cy", "StandardCy"],
  ["young-cy", "YoungCy"],
];

function wordingOf(input: QuestionInput, welsh: boolean): Wording {
  const wording: Wording = {};
  for (const [variant, suffix] of fieldVariants) {
    if (!welsh && variant.endsWith("-cy")) continue;
    const text = input[`text${suffix}`];
    const hint = input[`hint${suffix}`];
    if (text) wording[variant] = hint ? { text, hint } : { text };
  }
  return wording;
}

/** Options by position: values stay ("o1", "o2"…) when labels are reworded, so answers keep their meaning. */
function optionsOf(input: QuestionInput, welsh: boolean, existing: OptionDef[]): OptionDef[] {
  if (!kindHasOptions(input.kind)) return [];
  return input.optionsStandardEn.map((label, index) => {
    const labels: OptionDef["labels"] = { "standard-en": label };
    for (const [variant, suffix] of fieldVariants.slice(1)) {
      if (!welsh && variant.endsWith("-cy")) continue;
      const other = input[`options${suffix}`][index];
      if (other) labels[variant] = other;
    }
    const previous = existing[index];
    return { value: previous?.value ?? `o${index + 1}`, labels, skipTo: previous?.skipTo ?? null };
  });
}

function settingsOf(input: QuestionInput): QuestionSettings {
  if (input.kind === "text") return input.maxLength ? { maxLength: input.maxLength } : {};
  if (input.kind === "number")
    return { ...(input.min !== null ? { min: input.min } : {}), ...(input.max !== null ? { max: input.max } : {}) };
  if (input.kind === "rating") return { scale: input.scale ?? "quality" };
  return {};
}

async function loadSurvey(db: Executor, partnershipId: string, activityId: string) {
  const survey = await repo.findSurveyOf(db, partnershipId, activityId);
  if (!survey) throw AppError.notFound();
  return survey;
}

/** Adds a question (questionId null) or changes one; an answered question keeps its kind and its answers. */
export async function saveQuestion(
  db: Db,
  audit: AuditContext,
  partnershipId: string,
  activityId: string,
  questionId: string | null,
  input: QuestionInput,
) {
  return db.transaction(async (tx) => {
    const survey = await loadSurvey(tx, partnershipId, activityId);
    const before = questionId ? await repo.findQuestion(tx, partnershipId, survey.id, questionId) : undefined;
    if (questionId && !before) throw AppError.notFound();
    const kind = before ? (before.kind as QuestionInput["kind"]) : input.kind;
    const effective = { ...input, kind };
    if (before && kindHasOptions(kind) && effective.optionsStandardEn.length < before.options.length) {
      if (await repo.questionHasAnswers(tx, before.id))
        throw AppError.validation([
          {
            field: "optionsStandardEn",
            message: `People have answered this question: reword the ${before.options.length} answers or add more, but do not remove any`,
          },
        ]);
    }
    const values = {
      page: input.page,
      required: kind === "postcode" ? false : input.required,
      wording: wordingOf(effective, survey.welsh),
      options: optionsOf(effective, survey.welsh, before?.options ?? []),
      settings: settingsOf(effective),
    };
    const row = before
      ? (await repo.updateQuestion(tx, partnershipId, before.id, values))!
      : await repo.insertQuestion(tx, {
          ...values,
          ...(await repo.nextQuestionSlot(tx, survey.id)),
          kind,
          surveyId: survey.id,
          partnershipId,
        });
    await recordAudit(tx, audit, {
      action: before ? "survey_question.update" : "survey_question.create",
      entityType: "survey_question",
      entityId: row.id,
      partnershipId,
      before: before ?? null,
      after: row,
    });
    return row;
  });
}

/** "Skip to" per option of a single-choice question: forwards only, to a page that exists, or the end. */
export async function saveSkips(
  db: Db,
  audit: AuditContext,
  partnershipId: string,
  activityId: string,
  questionId: string,
  body: Record<string, unknown>,
  questions: QuestionDef[],
) {
  const survey = await loadSurvey(db, partnershipId, activityId);
  const question = await repo.findQuestion(db, partnershipId, survey.id, questionId);
  if (question?.kind !== "single") throw AppError.notFound();
  const pages = new Set(questions.filter((q) => !q.hidden).map((q) => q.page));
  const errors: { field: string; message: string }[] = [];
  const options = question.options.map((option) => {
    const given = body[`skip-${option.value}`];
    const value = typeof given === "string" ? given : "";
    if (value === "" || value === "next") return { ...option, skipTo: null };
    if (value === "end") return { ...option, skipTo: "end" as const };
    const page = Number(value);
    if (!Number.isInteger(page) || page <= question.page || !pages.has(page))
      errors.push({ field: `skip-${option.value}`, message: "Choose a later page of the survey, or the end" });
    return { ...option, skipTo: page };
  });
  if (errors.length) throw AppError.validation(errors);
  await db.transaction(async (tx) => {
    await repo.updateQuestion(tx, partnershipId, question.id, { options });
    await recordAudit(tx, audit, {
      action: "survey_question.skips",
      entityType: "survey_question",
      entityId: question.id,
      partnershipId,
      before: question.options,
      after: options,
    });
  });
}

/** Hide, show, move up or down, or delete (only while nobody has answered). */
export async function changeQuestion(
  db: Db,
  audit: AuditContext,
  partnershipId: string,
  activityId: string,
  questionId: string,
  change: "hide" | "show" | "up" | "down" | "delete",
) {
  await db.transaction(async (tx) => {
    const survey = await loadSurvey(tx, partnershipId, activityId);
    const question = await repo.findQuestion(tx, partnershipId, survey.id, questionId);
    if (!question) throw AppError.notFound();
    if (change === "delete") {
      if (await repo.questionHasAnswers(tx, question.id))
        throw new AppError("CONFLICT", "People have answered this question, so it cannot be deleted: hide it instead");
      await repo.deleteQuestion(tx, partnershipId, question.id);
    } else if (change === "hide" || change === "show") {
      await repo.updateQuestion(tx, partnershipId, question.id, { hidden: change === "hide" });
    } else {
      const all = await repo.listQuestions(tx, survey.id);
      const index = all.findIndex((q) => q.id === question.id);
      const other = all[change === "up" ? index - 1 : index + 1];
      if (other) {
        await repo.updateQuestion(tx, partnershipId, question.id, { position: other.position });
        await repo.updateQuestion(tx, partnershipId, other.id, { position: question.position });
      }
    }
    await recordAudit(tx, audit, {
      action: `survey_question.${change}`,
      entityType: "survey_question",
      entityId: question.id,
      partnershipId,
      before: question,
    });
  });
}
