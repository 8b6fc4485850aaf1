import type { ImportReport } from "./report.ts";

export const VIEW_PREVIEW = "imports/views/import-preview.njk";

/** The validation report page: shown after upload, after the column mapping, and on "Check again". */
export function previewModel(
  report: ImportReport,
  partnership: { id: string; name: string },
  token: string,
  errors: { field: string; message: string }[] = [],
  scope = "partnership",
) {
  const base = `/partnerships/${partnership.id}/data/import`;
  return {
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
  };
}
