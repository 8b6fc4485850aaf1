import type { Domain } from "../../kernel/domains/descriptor.ts";
import { strategyPaths } from "./paths.ts";
import { registerStrategyRoutes } from "./strategy-routes.ts";

/** The joint strategy: period, vision, priorities, choices, related strategies, sign-off, evidence links. */
export const strategyDomain: Domain = {
  name: "cycle/strategy",
  routes: registerStrategyRoutes,
  partnershipNavigation: [{ text: "Strategy", href: strategyPaths.strategy, group: "plan", order: 90 }],
};
