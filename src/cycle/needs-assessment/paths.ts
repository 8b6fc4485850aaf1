import { path } from "../../kernel/http/paths.ts";

export const needsAssessmentPaths = {
  assessment: path("/partnerships/:id/needs-assessment"),
};
