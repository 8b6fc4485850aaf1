/** The partnership's child poverty needs assessment: draft, publications, exports, disclosure control. */
export { needsAssessmentDomain } from "./domain.ts";
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
export { needsAssessmentStatuses } from "./status.ts";
export { type EvidenceChoice, listFindings } from "./evidence-choices.ts";
export { seedNeedsAssessmentDemo } from "./demo.ts";
// For the demo's lighter partnerships (a draft with a review date, or a publication).
export { publish as publishNeedsAssessment, setReviewDate as setNeedsReviewDate } from "./needs-service.ts";
export { consultationVoices, type VoiceEvidence } from "./extension-points.ts";
export { needsAssessmentPaths } from "./paths.ts";
export { searchNeedsEvidence } from "./search.ts";
