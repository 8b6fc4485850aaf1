import { path } from "../../kernel/http/paths.ts";

export const importPaths = {
  upload: path("/partnerships/:id/data/import"),
  geography: path("/admin/geography"),
};
