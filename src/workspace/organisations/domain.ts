import type { Domain } from "../../kernel/domains/descriptor.ts";
import { registerOrganisationRoutes } from "./organisation-routes.ts";
import { organisationPaths } from "./paths.ts";

/** Organisations and their types; the administrators' organisation pages. */
export const organisationsDomain: Domain = {
  name: "workspace/organisations",
  routes: registerOrganisationRoutes,
  navigation: [
    { text: "Organisations", href: organisationPaths.list(), order: 50, show: "admin:manage-organisations" },
  ],
};
