import type { Importer } from "./importer.ts";
import { importPaths } from "./paths.ts";
import { importerFor } from "./registry.ts";
import type { ImportReport } from "./report.ts";

export const VIEW_PREVIEW = "imports/views/import-preview.njk";

/** The validation report page: shown after upload, after the column mapping, and on "Check again". */
export function previewModel(
  report: ImportReport,
  partnership: { id: string; name: string },
  token: string,
  errors: { field: string; message: string }[] = [],
  scope = "partnership",
  /** Given when this person may hold the values back until a release time: the fields' values. */
  release?: { releaseDate: string; releaseTime: string } | null,
  /** The options given so far, to fill in the fields asked for again. */
  given: Record<string, unknown> = {},
) {
  const row = (key: string, text: string) => ({ key: { text: key }, value: { text } });
  const encoding = report.encoding;
  const summaryRows = [
    row("File", report.fileName),
    // The importer's name for the kind, never its slug.
    row("Kind", importerFor(report.kind)?.label ?? report.kind),
    ...(report.recognisedAs ? [row("Recognised from the file as", report.recognisedAs)] : []),
    ...(encoding
      ? [
          row(
            "Read as",
            encoding.decidedBy === "detected" ? encoding.reason : `${encoding.encoding}, ${encoding.reason}`,
          ),
        ]
      : []),
    row("Rows read", String(report.rowsRead)),
    row(
      "Values",
      `${report.values} (${report.missingValues} missing, ${report.suppressedValues} suppressed — kept as missing, never zero)`,
    ),
    row("Areas", String(report.areas)),
    row("Periods", report.periods.join(", ") || "—"),
  ];
  const asked = askedFields(report, given);
  return {
    summaryRows,
    asked,
    /** Every error is an option asked for at its field (an option not asked stays in the list): no list of problems. */
    onlyAsked:
      asked.length > 0 &&
      report.errorCount ===
        (report.optionProblems ?? []).filter(
          (problem) => !problem.warning && asked.some((field) => field.option === problem.option),
        ).length,
    title: report.ok ? "Check the file before importing" : "There is a problem with the file",
    partnership,
    report: {
      ...report,
      nameProblems: report.nameProblems.map((p) => ({
        ...p,
        candidatesText: p.candidates.map((c) => `${c.code} ${c.name}`).join(", "),
      })),
    },
    token,
    // The options asked for at their fields head the error summary, each linked to its field.
    errors: [...asked.flatMap((field) => (field.error ? [{ field: field.id, message: field.error }] : [])), ...errors],
    action: importPaths.pending(partnership.id, token),
    uploadUrl: importPaths.upload(partnership.id),
    /** Official statistics go to the shared national store, not the partnership's own data. */
    sharesNationally: scope !== "partnership",
    mappingUrl: report.kind === "wide" ? importPaths.mapping(partnership.id, token) : null,
    release: release ?? null,
  };
}

/**
 * The fields of the options this file's kind may have to be told (askedOptions), shown when one
 * of them is missing or not valid, each with its problem in plain words.
 */
function askedFields(report: ImportReport, given: Record<string, unknown>) {
  const problems = report.optionProblems ?? [];
  const asked = importerFor(report.kind)?.askedOptions ?? [];
  if (!problems.some((problem) => asked.some((field) => field.option === problem.option))) return [];
  return asked.map((field) => {
    const problem = problems.find((candidate) => candidate.option === field.option);
    const value = given[field.option];
    return {
      ...field,
      id: `option-${field.option}`,
      value: typeof value === "string" ? value : "",
      error:
        problem && !problem.warning ? problem.message.charAt(0).toUpperCase() + problem.message.slice(1) : undefined,
    };
  });
}

/**
 * The options the preview asked for (askedOptions), as typed: "option-<name>" fields. Empty
 * means not given; a value is trimmed and cut to 300 characters, then the importer's own
 * schema checks it like any other option.
 */
export function askedAnswers(importer: Importer, body: unknown): Record<string, string | undefined> {
  const fields = (body ?? {}) as Record<string, unknown>;
  const answers: Record<string, string | undefined> = {};
  for (const { option } of importer.askedOptions ?? []) {
    const typed = fields[`option-${option}`];
    if (typeof typed !== "string") continue;
    answers[option] = typed.trim().slice(0, 300) || undefined;
  }
  return answers;
}
