import type { Domain } from "../../kernel/domains/descriptor.ts";
import { attentionItems } from "../../workspace/attention/index.ts";
import type { Actor, Nation } from "../../kernel/auth/policy.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { ledPartnerships, memberRemovalGuards } from "../partners-group/index.ts";
import { supportRequestLink } from "../support-offer/index.ts";
import { supportRequestsDue } from "./attention.ts";
import { registerFiguresRoutes } from "./figures-routes.ts";
import { registerHubRequestRoutes } from "./hub-request-routes.ts";
import { registerPartnershipRequestRoutes } from "./partnership-request-routes.ts";
import { requestPaths } from "./paths.ts";
import { countOpenAssigned } from "./repository.ts";

/** Where the actor asks for support in a nation: the request form of a partnership they lead there, or null. */
async function requestLinkFor(db: Executor, actor: Actor | null, nation: Nation): Promise<string | null> {
  const partnership = (await ledPartnerships(db, actor)).find((row) => row.nation === nation);
  return partnership ? requestPaths.add(partnership.id) : null;
}

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
    supportRequestLink.provide(requestLinkFor),
    memberRemovalGuards.provide(async (db, group, organisationId) => {
      const open = await countOpenAssigned(db, group.id, organisationId);
      return open
        ? `${open} open support request${open === 1 ? " is" : "s are"} assigned to it: assign them to another body first`
        : null;
    }),
  ],
};
