import { path } from "../../kernel/http/paths.ts";

export const auditPaths = {
  partnership: path("/partnerships/:id/audit"),
};
