/**
 * The public survey runner: starting a draft, moving through pages (answers checked page by
 * page, nothing kept from a page with errors), the contact-details page, check your answers,
 * and sending. Every step is a form post carrying the draft's token, so it works without
 * JavaScript and leaves no answers in the address bar or the browser's history.
 */
import type { Db } from "../../kernel/db/database.ts";
import type { FieldError } from "../../kernel/errors/app-error.ts";
import {
  type Answers,
  answerMessages,
  firstIncompletePage,
  type Language,
  nextPage,
  pathOf,
  type QuestionDef,
  questionsOnPage,
  readPage,
  saveOnlineResponse,
  type SurveyRow,
  type Version,
  wordingFor,
} from "../consultation/index.ts";
import { claimDraft, createDraft, type Draft, deleteDraft, updateDraft } from "./drafts.ts";
import { countAttempt } from "./throttle.ts";
import { uiText } from "./ui-text.ts";

export interface SurveyContext {
  survey: SurveyRow;
  questions: QuestionDef[];
  today: string;
}

export type Step =
  | { kind: "page"; page: number; errors?: FieldError[]; values?: Record<string, unknown>; returnToCheck?: boolean }
  | { kind: "contact"; errors?: FieldError[]; values?: Record<string, unknown> }
  | { kind: "check" }
  | { kind: "sent" }
  | { kind: "busy"; retryAfterSeconds: number };

export const HONEYPOT = "website";

export async function startDraft(
  db: Db,
  context: SurveyContext,
  input: { version: Version; language: Language; address: string; preview: boolean },
): Promise<{ token: string; draft: Draft } | { busy: number }> {
  if (!input.preview) {
    const attempt = await countAttempt(db, context.survey.id, "start", input.address, context.survey.burstLimit);
    if (!attempt.allowed) return { busy: attempt.retryAfterSeconds };
  }
  return createDraft(db, {
    surveyId: context.survey.id,
    version: input.version,
    language: input.language === "cy" && context.survey.welsh ? "cy" : "en",
    preview: input.preview,
  });
}

export function firstStep(context: SurveyContext, answers: Answers): Step {
  const page = pathOf(context.questions, answers)[0];
  return page === undefined ? { kind: "check" } : { kind: "page", page };
}

function offersContact(context: SurveyContext, draft: Draft): boolean {
  return context.survey.offerContact && draft.version === "standard";
}

/** Where "Continue" goes after the last page of the path. */
function afterLastPage(context: SurveyContext, draft: Draft): Step {
  return offersContact(context, draft) ? { kind: "contact" } : { kind: "check" };
}

/** Where "Back" goes from a step: the previous page on the path taken, or nowhere (null: the start page). */
export function previousStep(context: SurveyContext, draft: Draft, at: string): Step | null {
  const path = pathOf(context.questions, draft.answers);
  if (at === "check")
    return offersContact(context, draft)
      ? { kind: "contact" }
      : path.length
        ? { kind: "page", page: path.at(-1)! }
        : null;
  if (at === "contact") return path.length ? { kind: "page", page: path.at(-1)! } : null;
  const page = Number(at.replace("page:", ""));
  const before = path.filter((p) => p < page);
  return before.length ? { kind: "page", page: before.at(-1)! } : null;
}

const text = (value: unknown) => (typeof value === "string" ? value.trim() : "");

function readContact(body: Record<string, unknown>, language: Language) {
  const ui = uiText(language);
  const errors: FieldError[] = [];
  const values = {
    wantContact: text(body.wantContact),
    name: text(body.name),
    contact: text(body.contact),
    consent: text(body.consent),
  };
  if (values.wantContact !== "yes" && values.wantContact !== "no")
    errors.push({ field: "wantContact", message: ui.contactChoice });
  if (values.wantContact === "yes") {
    const looksRight =
      /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.contact) || /^\+?[\d\s()-]{10,16}$/.test(values.contact);
    if (!looksRight || values.contact.length > 200) errors.push({ field: "contact", message: ui.contactNeeded });
    if (values.consent !== "yes") errors.push({ field: "consent", message: ui.consentNeeded });
  }
  if (values.name.length > 100) errors.push({ field: "name", message: ui.contactNeeded });
  const contact =
    values.wantContact === "yes" && errors.length === 0 ? { name: values.name, contact: values.contact } : null;
  return { errors, values, contact };
}

/** Applies one form post to the draft and says which step to show next. */
export async function advance(
  db: Db,
  context: SurveyContext,
  draft: Draft,
  token: string,
  body: Record<string, unknown>,
  address: string,
): Promise<Step> {
  const nav = text(body.nav) || "continue";
  const at = text(body.at);
  const version = draft.version as Version;
  const language = draft.language as Language;
  const path = pathOf(context.questions, draft.answers);
  if (nav === "back") return previousStep(context, draft, at) ?? firstStep(context, draft.answers);
  if (nav.startsWith("goto:")) {
    const page = Number(nav.slice(5));
    return path.includes(page) ? { kind: "page", page, returnToCheck: true } : { kind: "check" };
  }
  if (at.startsWith("page:")) {
    const page = Number(at.slice(5));
    const questions = questionsOnPage(context.questions, page);
    if (!questions.length) return firstStep(context, draft.answers);
    const result = readPage(questions, body, version, language);
    if (result.errors.length)
      return {
        kind: "page",
        page,
        errors: result.errors,
        values: result.values,
        returnToCheck: body.returnToCheck === "1",
      };
    const answers: Answers = { ...draft.answers };
    for (const question of questions) delete answers[question.id];
    Object.assign(answers, result.answers);
    await updateDraft(db, token, { answers });
    Object.assign(draft, { answers });
    if (body.returnToCheck === "1" && firstIncompletePage(context.questions, answers) === null)
      return { kind: "check" };
    const next = nextPage(context.questions, page, answers);
    return next === "end" ? afterLastPage(context, draft) : { kind: "page", page: next };
  }
  if (at === "contact") {
    const { errors, values, contact } = readContact(body, language);
    if (errors.length) return { kind: "contact", errors, values };
    await updateDraft(db, token, { contact });
    draft.contact = contact;
    return { kind: "check" };
  }
  if (at === "check" && nav === "send") return send(db, context, draft, token, body, address);
  return { kind: "check" };
}

async function send(
  db: Db,
  context: SurveyContext,
  draft: Draft,
  token: string,
  body: Record<string, unknown>,
  address: string,
): Promise<Step> {
  const incomplete = firstIncompletePage(context.questions, draft.answers);
  if (incomplete !== null) {
    const messages = answerMessages(draft.language as Language);
    const errors = questionsOnPage(context.questions, incomplete)
      .filter((q) => q.required && q.kind !== "postcode" && !(q.id in draft.answers))
      .map((q) => ({
        field: q.code,
        message: messages.required(wordingFor(q, draft.version as Version, draft.language as Language).text),
      }));
    return { kind: "page", page: incomplete, errors };
  }
  // A filled honeypot is a robot: it is told the answers were sent, and nothing is kept. A preview sends nothing either.
  if (text(body[HONEYPOT]) || draft.preview) {
    await deleteDraft(db, token);
    return { kind: "sent" };
  }
  const attempt = await countAttempt(db, context.survey.id, "submit", address, context.survey.burstLimit);
  if (!attempt.allowed) return { kind: "busy", retryAfterSeconds: attempt.retryAfterSeconds };
  // The draft is deleted by the same statement that writes the response, and the response is
  // written only if the draft was still there: a double click or a replayed post sends once.
  await saveOnlineResponse(
    db,
    context.survey,
    context.questions,
    {
      version: draft.version as Version,
      language: draft.language as Language,
      submittedOn: context.today,
      answers: draft.answers,
    },
    draft.contact,
    claimDraft(context.survey.id, token),
  );
  return { kind: "sent" };
}
