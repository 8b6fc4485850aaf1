export { monitoringDomain } from "./domain.ts";
export { actionUpdates } from "./tables.ts";
export { insertUpdates, latestUpdates } from "./repository.ts";
export { correctUpdate, recordUpdate, withdrawUpdate } from "./update-service.ts";
export { type UpdateInput, updateForm } from "./schemas.ts";
export * from "./periods.ts";
export * from "./rollups.ts";
export { type UpdateDue, updatesDue } from "./updates-due.ts";
export { monitoringPaths } from "./paths.ts";
