import { path } from "../../kernel/http/paths.ts";

export const localityPaths = {
  list: path("/partnerships/:id/localities"),
  removeLocality: path("/partnerships/:id/localities/:childId/delete"),
  removeGroup: path("/partnerships/:id/comparison-groups/:childId/delete"),
  newLocality: path("/partnerships/:id/localities/new"),
  locality: path("/partnerships/:id/localities/:childId"),
  editLocality: path("/partnerships/:id/localities/:childId/edit"),
  group: path("/partnerships/:id/comparison-groups/:childId"),
  neighboursGroup: path("/partnerships/:id/comparison-groups/neighbours"),
};
