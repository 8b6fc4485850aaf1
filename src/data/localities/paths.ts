import { path } from "../../kernel/http/paths.ts";

export const localityPaths = {
  list: path("/partnerships/:id/localities"),
  removeLocality: path("/partnerships/:id/localities/:childId/delete"),
  removeGroup: path("/partnerships/:id/comparison-groups/:childId/delete"),
};
