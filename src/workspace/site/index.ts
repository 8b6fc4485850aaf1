export { registerSiteRoutes } from "./routes.ts";
