import { path } from "../../kernel/http/paths.ts";

export const partnershipPaths = {
  list: path("/partnerships"),
  create: path("/partnerships/new"),
  overview: path("/partnerships/:id"),
  organisations: path("/partnerships/:id/organisations"),
};
