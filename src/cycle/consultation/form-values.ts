import type { QuestionDef, Variant } from "./survey-model.ts";

type Suffix = "StandardEn" | "YoungEn" | "StandardCy" | "YoungCy";

const parts: [Suffix, string, Variant][] = [
  ["StandardEn", "standard version", "standard-en"],
  ["YoungEn", "young people's version", "young-en"],
  ["StandardCy", "standard version (Welsh)", "standard-cy"],
  ["YoungCy", "young people's version (Welsh)", "young-cy"],
];

/** The wording fields of a question form: English always, Welsh when the survey offers it. */
export function partsOf(welsh: boolean): [Suffix, string][] {
  return parts.filter(([, , variant]) => welsh || variant.endsWith("-en")).map(([suffix, name]) => [suffix, name]);
}

/** A question as the values of its form. */
export function questionValues(question: QuestionDef) {
  const values: Record<string, string> = {
    page: String(question.page),
    required: question.required ? "yes" : "no",
    scale: question.settings.scale ?? "quality",
    maxLength: question.settings.maxLength === undefined ? "" : String(question.settings.maxLength),
    min: question.settings.min === undefined ? "" : String(question.settings.min),
    max: question.settings.max === undefined ? "" : String(question.settings.max),
  };
  for (const [suffix, , variant] of parts) {
    values[`text${suffix}`] = question.wording[variant]?.text ?? "";
    values[`hint${suffix}`] = question.wording[variant]?.hint ?? "";
    values[`options${suffix}`] = question.options
      .map((option) => option.labels[variant] ?? "")
      .join("\n")
      .replace(/^\n+$/, "");
  }
  return values;
}
