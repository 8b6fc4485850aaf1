import { path } from "../../kernel/http/paths.ts";

export const monitoringPaths = {
  dashboard: path("/partnerships/:id/monitoring"),
  newUpdate: path("/partnerships/:id/actions/:actionId/updates/new"),
};
