import type { Language } from "./survey-model.ts";

/**
 * Validation messages of the survey runner in English and Welsh. The Welsh was written for this
 * service and should be checked by the partnership's Welsh language officer before a survey opens.
 */
export interface AnswerMessages {
  required: (question: string) => string;
  choose: (question: string) => string;
  tooLong: (question: string, limit: number) => string;
  wholeNumber: (question: string) => string;
  range: (question: string, min: number, max: number) => string;
  postcode: (question: string) => string;
}

const english: AnswerMessages = {
  required: (q) => `Answer the question: ${q}`,
  choose: (q) => `Select an answer from the list for: ${q}`,
  tooLong: (q, limit) => `Your answer to “${q}” must be ${limit.toLocaleString("en-GB")} characters or fewer`,
  wholeNumber: (q) => `Enter a whole number for: ${q}`,
  range: (q, min, max) => `Enter a number from ${min} to ${max} for: ${q}`,
  postcode: (q) => `Enter only the first part of a postcode, like DL1, for: ${q}`,
};

const welsh: AnswerMessages = {
  required: (q) => `Atebwch y cwestiwn: ${q}`,
  choose: (q) => `Dewiswch ateb o'r rhestr ar gyfer: ${q}`,
  tooLong: (q, limit) => `Rhaid i'ch ateb i “${q}” fod yn ${limit.toLocaleString("en-GB")} nod neu lai`,
  wholeNumber: (q) => `Rhowch rif cyfan ar gyfer: ${q}`,
  range: (q, min, max) => `Rhowch rif rhwng ${min} a ${max} ar gyfer: ${q}`,
  postcode: (q) => `Rhowch ran gyntaf cod post yn unig, fel CF10, ar gyfer: ${q}`,
};

export function answerMessages(language: Language): AnswerMessages {
  return language === "cy" ? welsh : english;
}
