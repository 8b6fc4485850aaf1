export { sharingDomain } from "./domain.ts";
export { nationalSharingPaths, sharingPaths } from "./paths.ts";
export { sharingAgreements, sharingPrinciples, sharingTemplates } from "./tables.ts";
export { assessRisk, defaultCriteria, type RiskAssessment, type RiskFacts, type SharingCriteria } from "./risk.ts";
export { seedSharingAgreementsDemo, seedSharingNationalDemo } from "./demo.ts";
export { agreementChoices } from "./repository.ts";
