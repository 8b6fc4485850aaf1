/**
 * Paper responses typed into a spreadsheet in the export's layout (see exports.ts): every row
 * is checked, every problem named by row, column and question, and nothing is saved unless the
 * whole file is right. The audience column is optional; blank is "not asked or not said".
 */
import { parseDateText } from "../../kernel/time.ts";
import type { NewResponse } from "./response-repository.ts";
import { type Answers, readPage } from "./survey-engine.ts";
import { type Language, optionLabel, type QuestionDef, scalePoints, type Version, variants } from "./survey-model.ts";
import { MULTIPLE_SEPARATOR } from "./exports.ts";
import { audienceFromText, surveyAudienceLabels, surveyAudiences } from "./audience-question.ts";

export interface Sheet {
  headers: string[];
  rows: string[][];
  /** Spreadsheet row number of rows[0]. */
  firstRow: number;
}

export const MAX_LISTED_PROBLEMS = 50;

export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

const norm = (text: string) => text.trim().toLowerCase().replace(/\s+/g, " ");
// Our exports guard formulas with a leading apostrophe: take it off again.
const unguard = (text: string) => (/^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text);

function versionOf(text: string): Version | null {
  const value = norm(text);
  if (!value || value === "standard" || value.startsWith("standard")) return "standard";
  if (value === "young" || value.startsWith("young")) return "young";
  return null;
}

function languageOf(text: string): Language | null {
  const value = norm(text);
  if (!value || value === "en" || value === "english" || value === "saesneg") return "en";
  if (value === "cy" || value === "welsh" || value === "cymraeg") return "cy";
  return null;
}

/** The option value a typed answer stands for: its value or its words in any version. */
function optionValue(question: QuestionDef, text: string): string | null {
  const wanted = norm(text);
  const option = question.options.find(
    (o) =>
      norm(o.value) === wanted || variants.some((variant) => o.labels[variant] && norm(o.labels[variant]!) === wanted),
  );
  return option?.value ?? null;
}

function ratingValue(question: QuestionDef, text: string): string | null {
  const value = norm(text);
  if (/^[1-5]$/.test(value)) return value;
  for (const version of ["standard", "young"] as const)
    for (const language of ["en", "cy"] as const) {
      const point = scalePoints(question.settings, version, language).find((p) => norm(p.label) === value);
      if (point) return point.value;
    }
  return null;
}

export interface ImportResult {
  responses: NewResponse[];
  problems: string[];
}

export function readPaperResponses(sheet: Sheet, questions: QuestionDef[], today: string): ImportResult {
  const problems: string[] = [];
  const columns = new Map<number, QuestionDef>();
  const fixed: Record<string, number> = {};
  sheet.headers.forEach((header, index) => {
    const where = `Column ${columnLetter(index)} (“${header}”)`;
    const code = /^(q\d+)\s*(?::|$)/i.exec(header.trim())?.[1]?.toLowerCase();
    if (code) {
      const question = questions.find((q) => q.code === code);
      if (question) columns.set(index, question);
      else problems.push(`${where}: this survey has no question ${code}`);
      return;
    }
    const name = norm(header);
    if (["response", "source"].includes(name)) return;
    if (["version", "language", "submitted on", "audience"].includes(name)) fixed[name] = index;
    else if (header.trim() && !/^Column \d+$/.test(header))
      problems.push(`${where} is not part of the layout: headings of questions start with their code, like “q3:”`);
  });
  if (columns.size === 0)
    problems.push("No column is headed with a question code, like “q1: …”: use the layout of the responses export");
  const responses: NewResponse[] = [];
  sheet.rows.forEach((row, index) => {
    if (row.every((cell) => cell.trim() === "")) return;
    const rowNumber = sheet.firstRow + index;
    const at = (column: number, question?: QuestionDef) =>
      `Row ${rowNumber}, column ${columnLetter(column)}${question ? ` (${question.code})` : ""}`;
    const cell = (name: string) => (fixed[name] === undefined ? "" : (row[fixed[name]!] ?? ""));
    const version = versionOf(cell("version"));
    if (!version)
      problems.push(`${at(fixed.version!)}: the version must be “standard” or “young”, not “${cell("version")}”`);
    const language = languageOf(cell("language"));
    if (!language)
      problems.push(`${at(fixed.language!)}: the language must be “en” or “cy”, not “${cell("language")}”`);
    let submittedOn = today;
    if (cell("submitted on").trim()) {
      const iso = parseDateText(cell("submitted on"));
      if (!iso || iso > today)
        problems.push(
          `${at(fixed["submitted on"]!)}: “${cell("submitted on")}” is not a date on or before today, like 31/03/2026`,
        );
      else submittedOn = iso;
    }
    const audience = audienceFromText(unguard(cell("audience")));
    if (audience === undefined) {
      const allowed = surveyAudiences.map((value) => surveyAudienceLabels[value]).join(", ");
      problems.push(`${at(fixed.audience!)}: “${cell("audience")}” is not one of the audiences (${allowed}), or blank`);
    }
    const body: Record<string, string | string[]> = {};
    for (const [column, question] of columns) {
      const text = unguard((row[column] ?? "").trim());
      if (!text) continue;
      if (question.kind === "single" || question.kind === "multiple") {
        const parts =
          question.kind === "multiple"
            ? text
                .split(MULTIPLE_SEPARATOR.trim())
                .map((p) => p.trim())
                .filter(Boolean)
            : [text];
        const chosen = parts.map((part) => optionValue(question, part));
        const unknown = parts.filter((_, i) => chosen[i] === null);
        if (unknown.length) {
          const allowed = question.options.map((o) => optionLabel(o, "standard", "en")).join(", ");
          problems.push(`${at(column, question)}: “${unknown.join("; ")}” is not one of the answers (${allowed})`);
          continue;
        }
        body[question.code] = question.kind === "multiple" ? (chosen as string[]) : chosen[0]!;
      } else if (question.kind === "rating") {
        const value = ratingValue(question, text);
        if (!value) problems.push(`${at(column, question)}: “${text}” is not a rating from 1 to 5`);
        else body[question.code] = value;
      } else body[question.code] = text;
    }
    // The runner's own checks (lengths, ranges, districts), without "required": paper answers may be left blank.
    const checks = readPage(
      [...columns.values()].map((q) => ({ ...q, required: false })),
      body,
      version ?? "standard",
      "en",
    );
    for (const error of checks.errors) {
      const column = [...columns].find(([, q]) => q.code === error.field)![0];
      problems.push(`${at(column, columns.get(column))}: ${error.message}`);
    }
    if (version && language && audience !== undefined && checks.errors.length === 0)
      responses.push({ version, language, source: "paper", submittedOn, audience, answers: checks.answers as Answers });
  });
  if (problems.length === 0 && responses.length === 0) problems.push("The file has no responses under its header row");
  // All or nothing: one problem anywhere and no response is kept.
  return { responses: problems.length ? [] : responses, problems };
}
