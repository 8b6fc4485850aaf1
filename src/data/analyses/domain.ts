import type { Domain } from "../../kernel/domains/descriptor.ts";
import { analysesPaths } from "./paths.ts";
import { registerOverviewRoutes } from "./overview-routes.ts";
import { registerProfileRoutes } from "./profile-routes.ts";

/** Analyses of the indicator store: the area profile and the indicators overview pages. */
export const analysesDomain: Domain = {
  name: "data/analyses",
  routes: (app, context) => {
    registerProfileRoutes(app, context);
    registerOverviewRoutes(app, context);
  },
  partnershipNavigation: [
    { text: "Area profile", href: analysesPaths.profile, group: "evidence", order: 50 },
    { text: "Indicators overview", href: analysesPaths.overview, group: "evidence", order: 55 },
  ],
};
