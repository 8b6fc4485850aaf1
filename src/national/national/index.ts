export { nationalDomain } from "./domain.ts";
export { reviewFeedback } from "./tables.ts";
export { reportDueDate, reportStatus, type ReportStatus } from "./report-status.ts";
/** Re-exported for existing callers: the reporting year is the reports domain's. */
export { currentReportingYear } from "../../cycle/reports/index.ts";
export { noRecordsStatusSource, type PartnershipStatusSource, statusSourceFrom } from "./status-source.ts";
export { seedFeedbackDemo } from "./demo.ts";
export { nationalPaths } from "./paths.ts";
