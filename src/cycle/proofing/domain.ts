import type { Domain } from "../../kernel/domains/descriptor.ts";
import { proofingPaths } from "./paths.ts";
import { registerProofingRoutes } from "./proofing-routes.ts";

/** Child poverty-proofing: other plans and policies checked for their effect on child poverty. */
export const proofingDomain: Domain = {
  name: "cycle/proofing",
  routes: registerProofingRoutes,
  partnershipNavigation: [{ text: "Poverty-proofing", href: proofingPaths.list, group: "plan", order: 120 }],
};
