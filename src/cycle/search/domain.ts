import type { Domain } from "../../kernel/domains/descriptor.ts";
import { searchPaths } from "./paths.ts";
import { registerSearchRoutes } from "./search-routes.ts";

/** Search within a partnership: each domain searches its own records; this page composes them. */
export const searchDomain: Domain = {
  name: "cycle/search",
  routes: registerSearchRoutes,
  partnershipNavigation: [{ text: "Search", href: searchPaths.search, group: "partnership", order: 5 }],
};
