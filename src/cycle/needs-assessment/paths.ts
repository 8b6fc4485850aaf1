import { z } from "zod";
import { path } from "../../kernel/http/paths.ts";
import { documentFormats } from "../../lib/documents/index.ts";

/** URL names of the entries that can be removed. */
export const removableKinds = ["panels", "findings", "qualitative", "services", "swot", "other-assessments"] as const;

/** A section code in a path: checked against the nation's sections once the partnership is loaded. */
const section = z.string().max(60);
const base = "/partnerships/:id/needs-assessment";

export const needsAssessmentPaths = {
  assessment: path(base),
  narrative: path(`${base}/sections/:section/narrative`, { section }),
  addPanel: path(`${base}/sections/:section/panels/new`, { section }),
  addFinding: path(`${base}/sections/:section/findings/new`, { section }),
  addQualitative: path(`${base}/sections/:section/qualitative/new`, { section }),
  addService: path(`${base}/services/new`),
  addSwot: path(`${base}/swot/new`),
  addOtherAssessment: path(`${base}/other-assessments/new`),
  reviewDate: path(`${base}/review-date`),
  removeEntry: path("/partnerships/:id/needs-assessment/:kind/:entryId/delete", { kind: z.enum(removableKinds) }),
  publish: path("/partnerships/:id/needs-assessment/publish"),
  export: path("/partnerships/:id/needs-assessment/export/:format", { format: z.enum(documentFormats) }),
  publication: path("/published/needs-assessments/:publicationId"),
  publicationExport: path("/published/needs-assessments/:publicationId/export/:format", {
    format: z.enum(documentFormats),
  }),
};
