import type { Domain } from "../../kernel/domains/descriptor.ts";
import { registerAccessRoutes } from "./access-routes.ts";
import { registerCatalogueRoutes } from "./catalogue-routes.ts";

/** The indicator catalogue, periods, observations and peer ranks. */
export const indicatorsDomain: Domain = {
  name: "data/indicators",
  routes: (app, context) => {
    registerCatalogueRoutes(app, context);
    registerAccessRoutes(app, context);
  },
  navigation: [{ text: "Indicators", href: "/data/indicators", order: 60, show: "admin:manage-organisations" }],
};
