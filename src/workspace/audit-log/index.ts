export { auditLogDomain } from "./domain.ts";
export { describeChanges } from "./changes.ts";
