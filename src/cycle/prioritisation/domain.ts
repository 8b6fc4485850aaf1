import type { Domain } from "../../kernel/domains/descriptor.ts";
import { prioritisationPaths } from "./paths.ts";
import { registerRoundRoutes } from "./round-routes.ts";
import { registerScoreRoutes } from "./score-routes.ts";
import { registerStepRoutes } from "./step-routes.ts";

/** Collective prioritisation of funding (seed 003): criteria, weights, blind scoring, results, decision. */
export const prioritisationDomain: Domain = {
  name: "cycle/prioritisation",
  routes: (app, context) => {
    registerRoundRoutes(app, context);
    registerStepRoutes(app, context);
    registerScoreRoutes(app, context);
  },
  partnershipNavigation: [{ text: "Prioritising funding", href: prioritisationPaths.list, group: "plan", order: 126 }],
};
