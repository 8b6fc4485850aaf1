export { reviewFeedback } from "./tables.ts";
export { registerNationalRoutes } from "./national-routes.ts";
export { returnedFeedback } from "./repository.ts";
export { currentReportingYear, reportDueDate, reportStatus, type ReportStatus } from "./report-status.ts";
export { noRecordsStatusSource, type PartnershipStatusSource, statusSourceFrom } from "./status-source.ts";
export { seedFeedbackDemo } from "./demo.ts";
