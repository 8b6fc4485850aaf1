import { path } from "../../kernel/http/paths.ts";

export const analysesPaths = {
  profile: path("/partnerships/:id/profile"),
};
