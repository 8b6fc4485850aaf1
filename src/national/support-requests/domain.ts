import type { Domain } from "../../kernel/domains/descriptor.ts";
import { attentionItems } from "../../workspace/attention/index.ts";
import { memberRemovalGuards } from "../partners-group/index.ts";
import { supportRequestsDue } from "./attention.ts";
import { registerFiguresRoutes } from "./figures-routes.ts";
import { registerHubRequestRoutes } from "./hub-request-routes.ts";
import { registerPartnershipRequestRoutes } from "./partnership-request-routes.ts";
import { countOpenAssigned } from "./repository.ts";

/** Support requests: a partnership asks, the coordinator triages, a member body answers, the partnership closes. */
export const supportRequestsDomain: Domain = {
  name: "national/support-requests",
  routes: (app, context) => {
    registerHubRequestRoutes(app, context);
    registerPartnershipRequestRoutes(app, context);
    registerFiguresRoutes(app, context);
  },
  provides: [
    attentionItems.provide(supportRequestsDue),
    memberRemovalGuards.provide(async (db, group, organisationId) => {
      const open = await countOpenAssigned(db, group.id, organisationId);
      return open
        ? `${open} open support request${open === 1 ? " is" : "s are"} assigned to it: assign them to another body first`
        : null;
    }),
  ],
};
