export { partnershipGovernance } from "./tables.ts";
export { registerGovernanceRoutes, organisationTypeLabels } from "./governance-routes.ts";
export { coverageFor, coverageForPartnerships } from "./governance-service.ts";
export { listMemberOrganisations } from "./repository.ts";
export { checkCoverage, authorityTypes, type CoverageResult, type Requirement } from "./coverage.ts";
export { seedGovernanceDemo } from "./demo.ts";
