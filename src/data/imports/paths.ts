import { path } from "../../kernel/http/paths.ts";

export const importPaths = {
  upload: path("/partnerships/:id/data/import"),
  job: path("/partnerships/:id/data/import/jobs/:jobId"),
  jobStatus: path("/partnerships/:id/data/import/jobs/:jobId/status"),
  geography: path("/admin/geography"),
};
