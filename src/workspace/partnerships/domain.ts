import type { Domain } from "../../kernel/domains/descriptor.ts";
import { partnershipLoader } from "../../kernel/domains/kernel-points.ts";
import { partnershipPeople } from "./extension-points.ts";
import { loadPartnership } from "./loader.ts";
import { registerMemberRoutes } from "./member-routes.ts";
import { registerPartnershipRoutes } from "./partnership-routes.ts";
import { partnershipPaths } from "./paths.ts";

/** Partnerships and their member organisations; the partnership every /partnerships/:id route loads. */
export const partnershipsDomain: Domain = {
  name: "workspace/partnerships",
  routes: (app, context) => {
    registerPartnershipRoutes(app, context, { peopleFor: context.extensions.one(partnershipPeople) });
    registerMemberRoutes(app, context);
  },
  navigation: [{ text: "New partnership", href: "/partnerships/new", order: 70, show: "partnership:create" }],
  partnershipNavigation: [
    { text: "Overview", href: partnershipPaths.overview, group: "partnership", order: 0, exact: true },
  ],
  provides: [partnershipLoader.provide(loadPartnership)],
};
