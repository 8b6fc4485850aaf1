export { budgetsDomain } from "./domain.ts";
export { budgetContributionActions, budgetContributions } from "./tables.ts";
export { seedBudgetsDemo } from "./demo.ts";
export { budgetPaths } from "./paths.ts";
