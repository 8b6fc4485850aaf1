import type { Domain } from "../../kernel/domains/descriptor.ts";
import { analysesPaths } from "./paths.ts";
import { registerProfileRoutes } from "./profile-routes.ts";

/** Analyses of the indicator store and the area profile page. */
export const analysesDomain: Domain = {
  name: "data/analyses",
  routes: registerProfileRoutes,
  partnershipNavigation: [{ text: "Area profile", href: analysesPaths.profile, group: "evidence", order: 50 }],
};
