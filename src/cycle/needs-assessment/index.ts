/** The partnership's child poverty needs assessment: draft, publications, exports, disclosure control. */
export {
  needsAssessments,
  needsFindings,
  needsOtherAssessments,
  needsPanels,
  needsPublications,
  needsQualitative,
  needsSectionNarratives,
  needsServices,
  needsSwotItems,
} from "./tables.ts";
export { registerNeedsRoutes } from "./needs-routes.ts";
export { registerPublicationRoutes } from "./publication-routes.ts";
export {
  applyDisclosure,
  type DisclosedCell,
  derivableCells,
  discloseSeries,
  type DisclosureRule,
  normaliseRule,
  SMALL_COUNT_NOTE,
} from "./disclosure.ts";
export { needsAssessmentStatuses } from "./status.ts";
export { evidenceChoices, type EvidenceChoice } from "./evidence-choices.ts";
export { seedNeedsAssessmentDemo } from "./demo.ts";
export { listLatestPublications as publishedAssessments } from "./repository.ts";
