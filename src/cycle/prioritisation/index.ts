export { prioritisationDomain } from "./domain.ts";
export { prioritisationPaths } from "./paths.ts";
export { priorityCriteria, priorityDecisions, priorityOptions, priorityRounds, priorityScores } from "./tables.ts";
export { type EvidenceLevel, evidenceLevelSource } from "./extension-points.ts";
export { createRound, addBid, addActionOption, saveWeights, withdrawOption } from "./round-service.ts";
export { openScoring, closeScoring } from "./status-service.ts";
export { saveScoreCard, scoreField, commentField } from "./scoring-service.ts";
export { recordDecision } from "./decision-service.ts";
export { seedPrioritisationDemo } from "./demo.ts";
