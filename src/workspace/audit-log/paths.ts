import { path } from "../../kernel/http/paths.ts";

export const auditPaths = {
  all: path("/audit"),
  partnership: path("/partnerships/:id/audit"),
};
