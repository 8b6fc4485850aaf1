import { path } from "../../kernel/http/paths.ts";

export const partnershipPaths = {
  overview: path("/partnerships/:id"),
  organisations: path("/partnerships/:id/organisations"),
};
