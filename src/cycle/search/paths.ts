import { path } from "../../kernel/http/paths.ts";

export const searchPaths = {
  search: path("/partnerships/:id/search"),
};
