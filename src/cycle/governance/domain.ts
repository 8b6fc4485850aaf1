import type { Domain } from "../../kernel/domains/descriptor.ts";
import { registerGovernanceRoutes } from "./governance-routes.ts";
import { governancePaths } from "./paths.ts";

/** The partnership record (authority type, governance, terms of reference) and the duty-to-cooperate check. */
export const governanceDomain: Domain = {
  name: "cycle/governance",
  routes: registerGovernanceRoutes,
  partnershipNavigation: [
    { text: "Partnership record", href: governancePaths.record, group: "partnership", order: 10 },
    { text: "Duty to cooperate", href: governancePaths.cooperation, group: "partnership", order: 20 },
  ],
};
