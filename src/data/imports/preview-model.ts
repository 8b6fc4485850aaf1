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
) {
  const base = `/partnerships/${partnership.id}/data/import`;
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
  return {
    summaryRows,
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
    errors,
    action: `${base}/${token}`,
    /** Official statistics go to the shared national store, not the partnership's own data. */
    sharesNationally: scope !== "partnership",
    mappingUrl: report.kind === "wide" ? `${base}/${token}/map` : null,
    release: release ?? null,
  };
}
