export { registerAuditRoutes } from "./routes.ts";
export { describeChanges } from "./changes.ts";
