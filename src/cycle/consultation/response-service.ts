import { type AuditContext, recordAudit } from "../../kernel/audit/audit.ts";
import type { Db, Executor } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { parseUpload } from "../actions/index.ts";
import { ImportRejected } from "../../data/imports/index.ts";
import { MAX_LISTED_PROBLEMS, readPaperResponses } from "./paper-import.ts";
import type { SQL } from "drizzle-orm";
import { AUDIENCE_QUESTION_ID, splitAudience } from "./audience-question.ts";
import { writeOnlineResponse } from "./online-response.ts";
import { type NewResponse, writeResponses } from "./response-repository.ts";
import { answersOnPath } from "./survey-engine.ts";
import type { QuestionDef } from "./survey-model.ts";
import { findSurveyOf, listQuestions, type SurveyRow } from "./survey-repository.ts";

export const CONSENT_TEXT =
  "I agree that the partnership may keep these contact details, apart from my answers, to tell me what happened next, and will delete them when it stops keeping the survey's answers.";

/**
 * Saves one online response: only answers on the path taken, no address or browser details
 * (there are none to save), and contact details, when given with consent, in their own table
 * with no link to the answers. One statement, all or nothing, written only if `claim` returns
 * a row (see writeOnlineResponse); returns whether it was written. The audience question's
 * answer, when given, is kept on the response itself, not among the answers.
 */
export function saveOnlineResponse(
  db: Executor,
  survey: SurveyRow,
  questions: QuestionDef[],
  response: Omit<NewResponse, "source">,
  contact: { name: string; contact: string } | null,
  claim?: SQL,
): Promise<boolean> {
  const withContact = contact && response.version === "standard" && survey.offerContact;
  const { audience, answers } = splitAudience(response.answers);
  const own = questions.filter((question) => question.id !== AUDIENCE_QUESTION_ID);
  return writeOnlineResponse(
    db,
    survey,
    own,
    { ...response, audience, answers: answersOnPath(own, answers) },
    withContact ? { ...contact, consentText: CONSENT_TEXT } : null,
    claim,
  );
}

/** Imports paper responses typed in the export's layout: all or nothing, every problem named. */
export async function importPaperResponses(
  db: Db,
  audit: AuditContext,
  partnershipId: string,
  activityId: string,
  file: { name: string; content: Buffer; truncated: boolean },
  today: string,
): Promise<number> {
  const survey = await findSurveyOf(db, partnershipId, activityId);
  if (!survey) throw AppError.notFound();
  if (survey.purgedAt)
    throw AppError.validation([
      { field: "file", message: "This survey's answers were erased at its retention date: no more can be added" },
    ]);
  if (file.truncated)
    throw AppError.validation([
      { field: "file", message: `${file.name} is larger than 5 MB: split it into smaller files` },
    ]);
  let sheet: Awaited<ReturnType<typeof parseUpload>>;
  try {
    sheet = await parseUpload(file.name, file.content);
  } catch (error) {
    if (!(error instanceof ImportRejected)) throw error;
    throw AppError.validation([
      { field: "file", message: error.message.replace("but no actions", "but no responses") },
    ]);
  }
  const questions = await listQuestions(db, survey.id);
  const { responses, problems } = readPaperResponses(sheet, questions, today);
  if (problems.length) {
    const listed = problems
      .slice(0, MAX_LISTED_PROBLEMS)
      .map((message) => ({ field: "file", message: `${file.name}: ${message}` }));
    if (problems.length > MAX_LISTED_PROBLEMS)
      listed.push({
        field: "file",
        message: `${file.name}: and ${problems.length - MAX_LISTED_PROBLEMS} more problems`,
      });
    throw AppError.validation(listed, "Nothing was imported");
  }
  await db.transaction(async (tx) => {
    await writeResponses(tx, survey, questions, responses);
    await recordAudit(tx, audit, {
      action: "survey.import_paper",
      entityType: "survey",
      entityId: survey.id,
      partnershipId,
      after: { fileName: file.name, responses: responses.length },
    });
  });
  return responses.length;
}
