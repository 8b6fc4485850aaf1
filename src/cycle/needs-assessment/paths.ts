import { z } from "zod";
import { path } from "../../kernel/http/paths.ts";
import { documentFormats } from "../../lib/documents/index.ts";

/** URL names of the entries that can be removed. */
export const removableKinds = ["panels", "findings", "qualitative", "services", "swot", "other-assessments"] as const;

export const needsAssessmentPaths = {
  assessment: path("/partnerships/:id/needs-assessment"),
  removeEntry: path("/partnerships/:id/needs-assessment/:kind/:entryId/delete", { kind: z.enum(removableKinds) }),
  publish: path("/partnerships/:id/needs-assessment/publish"),
  export: path("/partnerships/:id/needs-assessment/export/:format", { format: z.enum(documentFormats) }),
  publication: path("/published/needs-assessments/:publicationId"),
  publicationExport: path("/published/needs-assessments/:publicationId/export/:format", {
    format: z.enum(documentFormats),
  }),
};
