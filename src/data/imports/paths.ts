import { z } from "zod";
import { path, serialId } from "../../kernel/http/paths.ts";

export const importPaths = {
  upload: path("/partnerships/:id/data/import"),
  /** An upload waiting to be confirmed (upload-store.ts checks the token's form). */
  pending: path("/partnerships/:id/data/import/:token", { token: z.string().max(64) }),
  mapping: path("/partnerships/:id/data/import/:token/map", { token: z.string().max(64) }),
  job: path("/partnerships/:id/data/import/jobs/:jobId"),
  jobStatus: path("/partnerships/:id/data/import/jobs/:jobId/status"),
  geography: path("/admin/geography"),
  releases: path("/partnerships/:id/data/import/releases"),
  release: path("/partnerships/:id/data/import/releases/:batchId", { batchId: serialId }),
};
