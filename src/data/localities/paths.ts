import { path } from "../../kernel/http/paths.ts";

export const localityPaths = {
  list: path("/partnerships/:id/localities"),
};
