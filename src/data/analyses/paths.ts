import { path } from "../../kernel/http/paths.ts";

export const analysesPaths = {
  profile: path("/partnerships/:id/profile"),
  overview: path("/partnerships/:id/indicators-overview"),
  overviewCsv: path("/partnerships/:id/indicators-overview.csv"),
};
