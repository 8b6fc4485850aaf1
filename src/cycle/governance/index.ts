export { governanceDomain } from "./domain.ts";
export { governancePaths } from "./paths.ts";
export { organisationTypeLabels } from "./governance-view.ts";
export { coverageFor, coverageForPartnerships } from "./governance-service.ts";
export { listMemberOrganisations } from "./repository.ts";
export { checkCoverage, authorityTypes, type CoverageResult, type Requirement } from "./coverage.ts";
export { seedGovernanceDemo } from "./demo.ts";
