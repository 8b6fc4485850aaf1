import { path } from "../../kernel/http/paths.ts";

export const actionPaths = {
  list: path("/partnerships/:id/actions"),
  action: path("/partnerships/:id/actions/:actionId"),
  newIndicator: path("/partnerships/:id/actions/:actionId/indicators/new"),
};
