export { siteDomain } from "./domain.ts";
export { registerSiteRoutes } from "./routes.ts";
