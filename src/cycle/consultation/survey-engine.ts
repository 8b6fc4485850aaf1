/**
 * The survey runner's rules, pure so every branch is unit-tested: reading one page's answers
 * from a form post, "skip to" between pages, the path actually taken (answers on skipped pages
 * are dropped) and the check-your-answers summary.
 */
import { isValid as isPostcode, OUTCODE_REGEX, toOutcode } from "postcode";
import type { FieldError } from "../../kernel/errors/app-error.ts";
import { answerMessages } from "./survey-messages.ts";
import {
  type AnswerValue,
  DEFAULT_NUMBER_RANGE,
  DEFAULT_TEXT_LIMIT,
  type Language,
  MAX_TEXT_LIMIT,
  optionLabel,
  type QuestionDef,
  scalePoints,
  type Version,
  wordingFor,
} from "./survey-model.ts";

export type Answers = Record<string, AnswerValue>;

export interface PageResult {
  /** Answers given on the page, by question id; a question left blank is absent. */
  answers: Answers;
  errors: FieldError[];
  /** What was typed, by field id, to fill the form again after an error. */
  values: Record<string, string | string[]>;
}

// Control characters other than tab and line breaks never belong in an answer.
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
  return [];
}

export function textLimit(question: QuestionDef): number {
  return Math.min(question.settings.maxLength ?? DEFAULT_TEXT_LIMIT, MAX_TEXT_LIMIT);
}

/** The district (outward code) of a full postcode or a district typed alone; null when it is neither. */
export function postcodeDistrict(input: string): string | null {
  const compact = input.toUpperCase().replace(/\s+/g, "");
  if (isPostcode(compact)) return toOutcode(compact);
  return OUTCODE_REGEX.test(compact) ? compact : null;
}

/** Reads and checks the answers to the questions of one page. Nothing is kept when there are errors. */
export function readPage(
  questions: QuestionDef[],
  body: Record<string, unknown>,
  version: Version,
  language: Language,
): PageResult {
  const messages = answerMessages(language);
  const answers: Answers = {};
  const errors: FieldError[] = [];
  const values: Record<string, string | string[]> = {};
  for (const question of questions) {
    const field = question.code;
    const title = wordingFor(question, version, language).text;
    const given = strings(body[field]).map((item) => item.replace(CONTROL, ""));
    values[field] = question.kind === "multiple" ? given : (given[0] ?? "");
    const first = (given[0] ?? "").trim();
    const fail = (message: string) => errors.push({ field, message });
    switch (question.kind) {
      case "single": {
        if (!first) break;
        if (question.options.some((option) => option.value === first)) answers[question.id] = first;
        else fail(messages.choose(title));
        break;
      }
      case "multiple": {
        const chosen = [...new Set(given.map((item) => item.trim()).filter(Boolean))];
        if (chosen.length === 0) break;
        if (chosen.every((value) => question.options.some((option) => option.value === value)))
          answers[question.id] = question.options.map((o) => o.value).filter((value) => chosen.includes(value));
        else fail(messages.choose(title));
        break;
      }
      case "rating": {
        if (!first) break;
        if (/^[1-5]$/.test(first)) answers[question.id] = first;
        else fail(messages.choose(title));
        break;
      }
      case "text": {
        const text = (given[0] ?? "").replace(/\r\n?/g, "\n").trim();
        if (!text) break;
        if (text.length > textLimit(question)) fail(messages.tooLong(title, textLimit(question)));
        else answers[question.id] = text;
        break;
      }
      case "number": {
        if (!first) break;
        const min = question.settings.min ?? DEFAULT_NUMBER_RANGE.min;
        const max = question.settings.max ?? DEFAULT_NUMBER_RANGE.max;
        if (!/^-?\d{1,9}$/.test(first.replace(/,/g, ""))) fail(messages.wholeNumber(title));
        else {
          const number = Number(first.replace(/,/g, ""));
          if (number < min || number > max) fail(messages.range(title, min, max));
          else answers[question.id] = number;
        }
        break;
      }
      case "postcode": {
        if (!first) break;
        // Only the district is ever kept: a full postcode is cut to its first part at once.
        const district = postcodeDistrict(first);
        if (district) answers[question.id] = district;
        else fail(messages.postcode(title));
        break;
      }
    }
    if (
      question.required &&
      question.kind !== "postcode" &&
      !(question.id in answers) &&
      !errors.some((e) => e.field === field)
    )
      fail(messages.required(title));
  }
  return { answers: errors.length ? {} : answers, errors, values };
}

export function pageNumbers(questions: QuestionDef[]): number[] {
  return [...new Set(questions.filter((q) => !q.hidden).map((q) => q.page))].sort((a, b) => a - b);
}

export function questionsOnPage(questions: QuestionDef[], page: number): QuestionDef[] {
  return questions.filter((q) => !q.hidden && q.page === page).sort((a, b) => a.position - b.position);
}

/** The page after `page` given the answers: the first "skip to" chosen on the page, else the next page. */
export function nextPage(questions: QuestionDef[], page: number, answers: Answers): number | "end" {
  const pages = pageNumbers(questions);
  for (const question of questionsOnPage(questions, page)) {
    if (question.kind !== "single") continue;
    const skip = question.options.find((option) => option.value === answers[question.id])?.skipTo;
    if (skip === "end") return "end";
    // Skips only go forwards, to the first page that still exists at or after the target.
    if (typeof skip === "number" && skip > page) return pages.find((p) => p >= skip) ?? "end";
  }
  return pages.find((p) => p > page) ?? "end";
}

/** The pages someone with these answers goes through, in order. */
export function pathOf(questions: QuestionDef[], answers: Answers): number[] {
  const pages = pageNumbers(questions);
  const path: number[] = [];
  let page: number | "end" = pages[0] ?? "end";
  while (page !== "end" && !path.includes(page)) {
    path.push(page);
    page = nextPage(questions, page, answers);
  }
  return path;
}

/** Only the answers on the path taken: an answer left on a page later skipped is not sent. */
export function answersOnPath(questions: QuestionDef[], answers: Answers): Answers {
  const pages = new Set(pathOf(questions, answers));
  const kept: Answers = {};
  for (const question of questions) {
    if (!question.hidden && pages.has(question.page) && question.id in answers)
      kept[question.id] = answers[question.id]!;
  }
  return kept;
}

/** The first page on the path with a required question unanswered, or null when all are answered. */
export function firstIncompletePage(questions: QuestionDef[], answers: Answers): number | null {
  for (const page of pathOf(questions, answers)) {
    if (questionsOnPage(questions, page).some((q) => q.required && q.kind !== "postcode" && !(q.id in answers)))
      return page;
  }
  return null;
}

/** An answer as words, in the version and language it was given in. */
export function displayAnswer(
  question: QuestionDef,
  value: AnswerValue | undefined,
  version: Version,
  language: Language,
): string {
  if (value === undefined) return "";
  if (question.kind === "rating") {
    return scalePoints(question.settings, version, language).find((point) => point.value === value)?.label ?? "";
  }
  if (question.kind === "single" || question.kind === "multiple") {
    const chosen = Array.isArray(value) ? value : [String(value)];
    return question.options
      .filter((option) => chosen.includes(option.value))
      .map((option) => optionLabel(option, version, language))
      .join(", ");
  }
  return String(value);
}

export interface SummaryRow {
  questionId: string;
  code: string;
  question: string;
  answer: string;
  page: number;
}

/** The check-your-answers list: every question on the path, answered or not. */
export function summaryOf(
  questions: QuestionDef[],
  answers: Answers,
  version: Version,
  language: Language,
): SummaryRow[] {
  const pages = pathOf(questions, answers);
  return pages.flatMap((page) =>
    questionsOnPage(questions, page).map((question) => ({
      questionId: question.id,
      code: question.code,
      question: wordingFor(question, version, language).text,
      answer: displayAnswer(question, answers[question.id], version, language),
      page,
    })),
  );
}
