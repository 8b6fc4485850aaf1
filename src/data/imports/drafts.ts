import { type IndicatorDraft, indicatorDraftSchema } from "../indicators/index.ts";

/**
 * Why an indicator made from a file's text (a header, an indicator name, a measure) cannot be
 * defined — a slug with no letters, a title past 300 characters — or null. Importers report
 * it at the row or column it came from instead of letting defineIndicator throw.
 */
export function draftProblem(draft: IndicatorDraft): string | null {
  const parsed = indicatorDraftSchema.safeParse(draft);
  if (parsed.success) return null;
  return parsed.error.issues
    .map((issue) => {
      const field = String(issue.path[0] ?? "indicator");
      if (field === "slug")
        return draft.slug
          ? `its identifier "${draft.slug}" is not usable (${issue.message})`
          : "it has no letters or digits to name it by";
      if (field === "title")
        return `its title is ${draft.title.length.toLocaleString("en-GB")} characters (at most 300)`;
      return `${field}: ${issue.message}`;
    })
    .join("; ");
}
