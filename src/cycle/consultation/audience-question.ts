/**
 * The built-in "Who are you answering as?" question. It is not a row of `survey_questions`: a
 * survey with `askAudience` shows it on a page of its own before the first (page 0; the builder's
 * pages start at 1), as an optional single choice among the engagement register's audiences and
 * "Prefer not to say". The runner treats it like any other question (check your answers, Change),
 * and the answer is kept on the response (`survey_responses.audience`) and in the daily counts,
 * never in the closed answers or tallies. Left blank it is null: nothing is inferred.
 */
import type { Answers } from "./survey-engine.ts";
import type { OptionDef, QuestionDef, Variant } from "./survey-model.ts";
import { audienceLabels, audiences } from "./vocabulary.ts";

export const PREFER_NOT_TO_SAY = "prefer-not-to-say";
export const surveyAudiences = [...audiences, PREFER_NOT_TO_SAY] as const;
export type SurveyAudience = (typeof surveyAudiences)[number];

/** How a response's audience is labelled in analysis and exports (standard English). */
export const surveyAudienceLabels: Record<SurveyAudience, string> = {
  ...audienceLabels,
  [PREFER_NOT_TO_SAY]: "Prefer not to say",
};
/** The row for responses with no audience: the survey did not ask, or they left it blank. */
export const NOT_ASKED_LABEL = "Not asked or not answered";

export const AUDIENCE_QUESTION_ID = "audience";
export const AUDIENCE_CODE = "audience";
const AUDIENCE_PAGE = 0;

/** The choices as each version and language words them; the young people's version speaks to the reader. */
const choiceLabels: Record<SurveyAudience, Record<Variant, string>> = {
  "children-under-8": {
    "standard-en": "A child under 8",
    "young-en": "I'm under 8",
    "standard-cy": "Plentyn dan 8 oed",
    "young-cy": "Dw i o dan 8 oed",
  },
  "children-8-11": {
    "standard-en": "A child aged 8 to 11",
    "young-en": "I'm 8 to 11",
    "standard-cy": "Plentyn 8 i 11 oed",
    "young-cy": "Dw i rhwng 8 ac 11 oed",
  },
  "children-12-15": {
    "standard-en": "A child aged 12 to 15",
    "young-en": "I'm 12 to 15",
    "standard-cy": "Plentyn 12 i 15 oed",
    "young-cy": "Dw i rhwng 12 a 15 oed",
  },
  "young-people-16-25": {
    "standard-en": "A young person aged 16 to 25",
    "young-en": "I'm 16 to 25",
    "standard-cy": "Person ifanc 16 i 25 oed",
    "young-cy": "Dw i rhwng 16 a 25 oed",
  },
  "parents-carers": {
    "standard-en": "A parent or carer",
    "young-en": "I'm a parent or carer",
    "standard-cy": "Rhiant neu ofalwr",
    "young-cy": "Dw i'n rhiant neu'n ofalwr",
  },
  organisations: {
    "standard-en": "Someone answering for an organisation that works with or represents children and families",
    "young-en": "I'm answering for an organisation",
    "standard-cy": "Rhywun sy'n ateb ar ran sefydliad sy'n gweithio gyda phlant a theuluoedd neu'n eu cynrychioli",
    "young-cy": "Dw i'n ateb ar ran sefydliad",
  },
  [PREFER_NOT_TO_SAY]: {
    "standard-en": "Prefer not to say",
    "young-en": "I'd rather not say",
    "standard-cy": "Mae'n well gen i beidio â dweud",
    "young-cy": "Byddai'n well gen i beidio â dweud",
  },
};

const options: OptionDef[] = surveyAudiences.map((value) => ({ value, labels: choiceLabels[value] }));

export const audienceQuestion: QuestionDef = {
  id: AUDIENCE_QUESTION_ID,
  code: AUDIENCE_CODE,
  position: 0,
  page: AUDIENCE_PAGE,
  kind: "single",
  required: false,
  hidden: false,
  wording: {
    "standard-en": {
      text: "Who are you answering as?",
      hint: "Choose the one that fits best. You do not have to answer this.",
    },
    "young-en": { text: "Who are you?", hint: "Pick one. You don't have to answer this." },
    "standard-cy": {
      text: "Ym mha rinwedd ydych chi'n ateb?",
      hint: "Dewiswch yr un sy'n gweddu orau. Does dim rhaid i chi ateb hwn.",
    },
    "young-cy": { text: "Pwy wyt ti?", hint: "Dewisa un. Does dim rhaid i ti ateb hwn." },
  },
  options,
  settings: {},
};

/** The questions the public runner shows: the survey's own, after the audience question when it asks it. */
export function runnerQuestions(survey: { askAudience: boolean }, questions: QuestionDef[]): QuestionDef[] {
  return survey.askAudience ? [audienceQuestion, ...questions] : questions;
}

/** Takes the audience answer out of a respondent's answers: the rest are the survey's own questions. */
export function splitAudience(answers: Answers): { audience: SurveyAudience | null; answers: Answers } {
  const { [AUDIENCE_QUESTION_ID]: given, ...rest } = answers;
  return { audience: isSurveyAudience(given) ? given : null, answers: rest };
}

export function isSurveyAudience(value: unknown): value is SurveyAudience {
  return typeof value === "string" && (surveyAudiences as readonly string[]).includes(value);
}

export function surveyAudienceLabel(value: string | null): string {
  return isSurveyAudience(value) ? surveyAudienceLabels[value] : NOT_ASKED_LABEL;
}

const norm = (text: string) => text.trim().toLowerCase().replace(/\s+/g, " ");

/**
 * A typed audience (paper responses): its code, its label in analysis and exports, or any of the
 * question's choices. Blank is null (not asked or not said); undefined when it is none of these.
 */
export function audienceFromText(text: string): SurveyAudience | null | undefined {
  const wanted = norm(text);
  if (!wanted) return null;
  return surveyAudiences.find(
    (value) =>
      value === wanted ||
      norm(surveyAudienceLabels[value]) === wanted ||
      Object.values(choiceLabels[value]).some((label) => norm(label) === wanted),
  );
}
