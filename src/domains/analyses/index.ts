export * from "./analysis.ts";
export { type AreaProfile, loadAreaProfile } from "./profile-service.ts";
export { registerProfileRoutes } from "./profile-routes.ts";
