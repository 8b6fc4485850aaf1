export { proofingAssessments } from "./tables.ts";
export { registerProofingRoutes } from "./proofing-routes.ts";
export { listAssessments, saveAssessment, type ProofingInput } from "./proofing.ts";
