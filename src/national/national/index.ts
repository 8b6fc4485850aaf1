export { reviewFeedback } from "./tables.ts";
export { registerNationalRoutes } from "./national-routes.ts";
export { returnedFeedback } from "./repository.ts";
export { reportDueDate, reportStatus, type ReportStatus } from "./report-status.ts";
// Moved to the kernel (kernel/time.ts); still exported here, under the same name, for code written against it.
export { currentReportingYear } from "../../kernel/time.ts";
export { noRecordsStatusSource, type PartnershipStatusSource, statusSourceFrom } from "./status-source.ts";
export { seedFeedbackDemo } from "./demo.ts";
