import type { Domain } from "../../kernel/domains/descriptor.ts";
import { registerCatalogueRoutes } from "./catalogue-routes.ts";

/** The indicator catalogue, periods, observations and peer ranks. */
export const indicatorsDomain: Domain = {
  name: "data/indicators",
  routes: registerCatalogueRoutes,
  navigation: [{ text: "Indicators", href: "/data/indicators", order: 60, show: "admin:manage-organisations" }],
};
