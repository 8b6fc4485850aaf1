import { path } from "../../kernel/http/paths.ts";

export const monitoringPaths = {
  dashboard: path("/partnerships/:id/monitoring"),
  newUpdate: path("/partnerships/:id/actions/:actionId/updates/new"),
  editUpdate: path("/partnerships/:id/actions/:actionId/updates/:updateId/edit"),
  withdrawUpdate: path("/partnerships/:id/actions/:actionId/updates/:updateId/withdraw"),
};
