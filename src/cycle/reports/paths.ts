import { path } from "../../kernel/http/paths.ts";

export const reportPaths = {
  list: path("/partnerships/:id/reports"),
  report: path("/partnerships/:id/reports/:reportId"),
  publish: path("/partnerships/:id/reports/:reportId/publish"),
};
