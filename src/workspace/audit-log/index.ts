export { auditLogDomain } from "./domain.ts";
export { registerAuditRoutes } from "./routes.ts";
export { describeChanges } from "./changes.ts";
