import type { Domain } from "../../kernel/domains/descriptor.ts";
import { registerGroupRoutes } from "./group-routes.ts";

/** A nation's national partners group: its member bodies, their profiles and people. */
export const partnersGroupDomain: Domain = {
  name: "national/partners-group",
  routes: registerGroupRoutes,
};
