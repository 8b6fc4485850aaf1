export { budgetsDomain } from "./domain.ts";
export { budgetContributionActions, budgetContributions } from "./tables.ts";
export { budgetMentions } from "./mentions.ts";
export { registerBudgetRoutes } from "./budgets-routes.ts";
export { seedBudgetsDemo } from "./demo.ts";
