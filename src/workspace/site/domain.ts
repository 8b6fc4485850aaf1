import type { Domain } from "../../kernel/domains/descriptor.ts";
import { registerSiteRoutes } from "./routes.ts";

/** The start page, the dashboard and the service's own pages (accessibility, cookies). */
export const siteDomain: Domain = {
  name: "workspace/site",
  routes: registerSiteRoutes,
  navigation: [
    { text: "Home", href: "/", order: 0, show: (actor) => actor === null },
    { text: "Your partnerships", href: "/dashboard", order: 10 },
  ],
};
