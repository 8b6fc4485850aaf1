export { proofingDomain } from "./domain.ts";
export { proofingPaths } from "./paths.ts";
export { listAssessments, saveAssessment, type ProofingInput } from "./proofing.ts";
