import { path } from "../../kernel/http/paths.ts";

export const proofingPaths = {
  list: path("/partnerships/:id/proofing"),
  add: path("/partnerships/:id/proofing/new"),
  edit: path("/partnerships/:id/proofing/:assessmentId/edit"),
};
