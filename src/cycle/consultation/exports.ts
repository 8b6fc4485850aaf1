/**
 * The responses export, whose layout is also the layout for importing paper responses: fixed
 * columns, then one column per question headed "q3: How …" (the code before the colon is what
 * an import matches). Choices are written as their standard English words, several joined by
 * "; "; ratings as 1 to 5. Free text erased at the retention date is written as "[erased]". The
 * audience is written in words ("Parents and carers", "Prefer not to say"), blank when not asked
 * or not said.
 */
import type { AnalysisView } from "./analysis.ts";
import { isSurveyAudience, surveyAudienceLabels } from "./audience-question.ts";
import type { responsesForExport } from "./response-repository.ts";
import { type AnswerValue, optionLabel, type QuestionDef, scalePoints, wordingFor } from "./survey-model.ts";

export const FIXED_COLUMNS = ["Response", "Version", "Language", "Source", "Submitted on", "Audience"] as const;
export const ERASED = "[erased]";
export const MULTIPLE_SEPARATOR = "; ";

export function questionHeader(question: QuestionDef): string {
  const text = wordingFor(question, "standard", "en").text;
  if (question.kind === "rating") {
    const points = scalePoints(question.settings, "standard", "en");
    return `${question.code}: ${text} (1 = ${points[0]!.label}, 5 = ${points[4]!.label})`;
  }
  return `${question.code}: ${text}`;
}

export function cellOf(question: QuestionDef, value: AnswerValue | undefined): string | number {
  if (value === undefined) return "";
  if (question.kind === "single" || question.kind === "multiple") {
    const chosen = Array.isArray(value) ? value : [String(value)];
    return question.options
      .filter((option) => chosen.includes(option.value))
      .map((option) => optionLabel(option, "standard", "en"))
      .join(MULTIPLE_SEPARATOR);
  }
  if (question.kind === "rating" || question.kind === "number") return Number(value);
  return String(value);
}

type ExportResponses = Awaited<ReturnType<typeof responsesForExport>>;

export function responsesSheet(questions: QuestionDef[], responses: ExportResponses) {
  const header = [...FIXED_COLUMNS, ...questions.map(questionHeader)];
  const rows = responses.map((response, index) => [
    index + 1,
    response.version,
    response.language,
    response.source,
    response.submittedOn,
    isSurveyAudience(response.audience) ? surveyAudienceLabels[response.audience] : "",
    ...questions.map((question) => {
      if (question.kind !== "text") return cellOf(question, response.answers[question.id]);
      if (!response.texts.has(question.id)) return "";
      return response.texts.get(question.id) ?? ERASED;
    }),
  ]);
  return { header, rows };
}

export function themeCountsSheet(analysis: AnalysisView) {
  const header = [
    "Theme",
    "What counts as this theme",
    "Coded answers (people)",
    "Mentions from other sessions",
    "Total",
    "Our response",
  ];
  const rows = analysis.themes.map((theme) => [
    theme.name,
    theme.description,
    theme.coded,
    theme.otherMentions,
    theme.total,
    theme.response,
  ]);
  return { header, rows };
}
