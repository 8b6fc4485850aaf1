export { budgetsDomain } from "./domain.ts";
export {
  budgetContributionActions,
  budgetContributions,
  fundingAllocations,
  fundingStreams,
  fundingStreamYears,
} from "./tables.ts";
export { seedBudgetsDemo } from "./demo.ts";
export { budgetPaths } from "./paths.ts";
export { type FundingShare, fundingShares } from "./funding-shares.ts";
