/** What each step of the runner shows, in the draft's version and language. */
import {
  type Language,
  optionLabel,
  pageNumbers,
  questionsOnPage,
  scalePoints,
  summaryOf,
  textLimit,
  type Version,
  wordingFor,
} from "../consultation/index.ts";
import type { Draft } from "./drafts.ts";
import type { Step, SurveyContext } from "./runner-service.ts";
import { uiText } from "./ui-text.ts";

function formValue(value: unknown): string | string[] {
  if (Array.isArray(value)) return value.map(String);
  return value === undefined || value === null ? "" : String(value);
}

export function stepView(context: SurveyContext & { activity: { title: string } }, draft: Draft, step: Step) {
  const version = draft.version as Version;
  const language = draft.language as Language;
  const ui = uiText(language);
  const base = { lang: language, version, title: context.activity.title };
  if (step.kind === "page") {
    const pages = pageNumbers(context.questions);
    const submitted = step.values as Record<string, unknown> | undefined;
    return {
      ...base,
      template: "page",
      at: `page:${step.page}`,
      caption: ui.pageOf(pages.indexOf(step.page) + 1, pages.length),
      returnToCheck: step.returnToCheck ? "1" : "",
      questions: questionsOnPage(context.questions, step.page).map((question) => {
        const wording = wordingFor(question, version, language);
        const value = submitted ? formValue(submitted[question.code]) : formValue(draft.answers[question.id]);
        const items =
          question.kind === "rating"
            ? scalePoints(question.settings, version, language).map((point) => ({
                value: point.value,
                text: point.label,
                face: point.face,
              }))
            : question.options.map((option) => ({ value: option.value, text: optionLabel(option, version, language) }));
        return {
          code: question.code,
          kind: question.kind,
          text: wording.text,
          hint: wording.hint ?? "",
          optional: !question.required || question.kind === "postcode",
          value,
          items,
          maxLength: question.kind === "text" ? textLimit(question) : undefined,
          error: step.errors?.find((error) => error.field === question.code)?.message,
        };
      }),
    };
  }
  if (step.kind === "contact") {
    const values = (step.values as Record<string, string> | undefined) ?? {
      wantContact: draft.contact ? "yes" : "",
      name: draft.contact?.name ?? "",
      contact: draft.contact?.contact ?? "",
      consent: draft.contact ? "yes" : "",
    };
    return { ...base, template: "contact", at: "contact", values };
  }
  return {
    ...base,
    template: "check",
    at: "check",
    rows: summaryOf(context.questions, draft.answers, version, language),
    contact: draft.contact,
  };
}
