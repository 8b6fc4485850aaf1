import { path } from "../../kernel/http/paths.ts";

export const governancePaths = {
  record: path("/partnerships/:id/governance"),
  edit: path("/partnerships/:id/governance/edit"),
  cooperation: path("/partnerships/:id/cooperation"),
};
