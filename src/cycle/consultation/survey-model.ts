/**
 * The shape of a survey: question kinds, the two versions (standard and young people's) in
 * English and Welsh, options with "skip to" rules. Pure data, shared by the builder, the public
 * runner, analysis, exports and paper imports.
 */

export const questionKinds = ["single", "multiple", "text", "rating", "number", "postcode"] as const;
export type QuestionKind = (typeof questionKinds)[number];
export const questionKindLabels: Record<QuestionKind, string> = {
  single: "Single choice",
  multiple: "Multiple choice",
  text: "Free text",
  rating: "Rating scale (faces and words for children)",
  number: "Number",
  postcode: "Postcode district (always optional)",
};

export const versions = ["standard", "young"] as const;
export type Version = (typeof versions)[number];
export const versionLabels: Record<Version, string> = {
  standard: "Standard version",
  young: "Young people's version",
};

export const languages = ["en", "cy"] as const;
export type Language = (typeof languages)[number];

export type Variant = `${Version}-${Language}`;
export const variants: Variant[] = ["standard-en", "young-en", "standard-cy", "young-cy"];
export const variantLabels: Record<Variant, string> = {
  "standard-en": "Standard version (English)",
  "young-en": "Young people's version (English)",
  "standard-cy": "Standard version (Welsh)",
  "young-cy": "Young people's version (Welsh)",
};

export interface WordingText {
  text: string;
  hint?: string;
}
/** "standard-en" is always there; the others fall back towards it. */
export type Wording = Partial<Record<Variant, WordingText>>;

export interface OptionDef {
  /** Stable value stored in answers ("o1"); the labels can change. */
  value: string;
  labels: Partial<Record<Variant, string>>;
  /** Single choice only: the page to go to next when chosen, or "end" for the check-answers page. */
  skipTo?: number | "end" | null;
}

export const ratingScales = ["quality", "agreement"] as const;
export type RatingScale = (typeof ratingScales)[number];

export interface QuestionSettings {
  maxLength?: number;
  min?: number;
  max?: number;
  scale?: RatingScale;
}

/** A closed answer: an option value, several, a rating ("1"–"5"), a number or a district. */
export type AnswerValue = string | string[] | number;

export interface QuestionDef {
  id: string;
  code: string;
  position: number;
  page: number;
  kind: QuestionKind;
  required: boolean;
  hidden: boolean;
  wording: Wording;
  options: OptionDef[];
  settings: QuestionSettings;
}

export const DEFAULT_TEXT_LIMIT = 2000;
export const MAX_TEXT_LIMIT = 5000;
export const DEFAULT_NUMBER_RANGE = { min: 0, max: 1000 };

/** The variant to read, falling back to the same version in English, then the standard version. */
function fallbacks(version: Version, language: Language): Variant[] {
  const list: Variant[] = [`${version}-${language}`, `${version}-en`, `standard-${language}`, "standard-en"];
  return [...new Set(list)];
}

export function wordingFor(question: Pick<QuestionDef, "wording">, version: Version, language: Language): WordingText {
  for (const variant of fallbacks(version, language)) {
    const found = question.wording[variant];
    if (found?.text) return found;
  }
  return { text: "" };
}

export function optionLabel(option: OptionDef, version: Version, language: Language): string {
  for (const variant of fallbacks(version, language)) {
    const label = option.labels[variant];
    if (label) return label;
  }
  return option.value;
}

export interface ScalePoint {
  value: string;
  label: string;
  /** A face shown beside the words in the young people's version (hidden from screen readers). */
  face?: string;
}

const scaleWords: Record<RatingScale, Record<Variant, string[]>> = {
  quality: {
    "standard-en": ["Very poor", "Poor", "Neither good nor poor", "Good", "Very good"],
    "young-en": ["Really bad", "Bad", "OK", "Good", "Really good"],
    "standard-cy": ["Gwael iawn", "Gwael", "Ddim yn dda nac yn wael", "Da", "Da iawn"],
    "young-cy": ["Gwael iawn", "Gwael", "Iawn", "Da", "Da iawn"],
  },
  agreement: {
    "standard-en": ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"],
    "young-en": ["No, not at all", "Not really", "Not sure", "Yes, a bit", "Yes, a lot"],
    "standard-cy": ["Anghytuno'n gryf", "Anghytuno", "Ddim yn cytuno nac yn anghytuno", "Cytuno", "Cytuno'n gryf"],
    "young-cy": ["Dim o gwbl", "Ddim go iawn", "Ddim yn siŵr", "Ydw, ychydig", "Ydw, llawer"],
  },
};
const faces = ["😞", "🙁", "😐", "🙂", "😀"];

/** The five points of a rating question as shown to one version and language. */
export function scalePoints(settings: QuestionSettings, version: Version, language: Language): ScalePoint[] {
  const words = scaleWords[settings.scale ?? "quality"][`${version}-${language}`];
  return words.map((label, index) => ({
    value: String(index + 1),
    label,
    ...(version === "young" ? { face: faces[index] } : {}),
  }));
}

/** Labels of every value a closed question can hold (standard English), for analysis and exports. */
export function valueLabels(question: QuestionDef): Map<string, string> {
  if (question.kind === "rating")
    return new Map(scalePoints(question.settings, "standard", "en").map((point) => [point.value, point.label]));
  return new Map(question.options.map((option) => [option.value, optionLabel(option, "standard", "en")]));
}

export function isClosed(kind: QuestionKind): boolean {
  return kind !== "text";
}

/** Questions grouped by page, in order (hidden ones included, for the builder). */
export function toPages<Q extends Pick<QuestionDef, "page" | "position">>(
  questions: Q[],
): { page: number; questions: Q[] }[] {
  const pages = [...new Set(questions.map((q) => q.page))].sort((a, b) => a - b);
  return pages.map((page) => ({
    page,
    questions: questions.filter((q) => q.page === page).sort((a, b) => a.position - b.position),
  }));
}
