/** Reports: the annual report that assembles itself from recorded work, its sign-off and publication. */
export { reportsDomain } from "./domain.ts";
export { reportNarratives, reportPublications, reportSignOffs, reports } from "./tables.ts";
export { reportStatuses, type ReportStatusRecord } from "./status.ts";
export { seedReportDemo } from "./demo.ts";
export { loadReportData, type ReportData, type ReportSources } from "./report-data.ts";
export { generateReport } from "./generate.ts";
export { composeDocument } from "./compose.ts";
export { type ReportType, reportTypes, reportTypeLabels, reportTypesFor } from "./report-types.ts";
export {
  consultationListing,
  consultationRegisterPath,
  type ListedConsultation,
  type LivedExperienceActivity,
  livedExperienceSource,
  type PublishedAssessment,
  publishedAssessments,
  type ReviewComment,
  reportReviewFeedback,
} from "./extension-points.ts";
export { reportPaths } from "./paths.ts";
export { searchReports } from "./search.ts";
