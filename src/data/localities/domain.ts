import type { Domain } from "../../kernel/domains/descriptor.ts";
import { registerLocalityRoutes } from "./locality-routes.ts";
import { localityPaths } from "./paths.ts";

/** Localities (the authority's small areas) and comparison groups. */
export const localitiesDomain: Domain = {
  name: "data/localities",
  routes: registerLocalityRoutes,
  partnershipNavigation: [
    { text: "Localities and comparisons", href: localityPaths.list, group: "evidence", order: 60 },
  ],
};
