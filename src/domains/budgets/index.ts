export { budgetContributions } from "./tables.ts";
export { registerBudgetRoutes } from "./budgets-routes.ts";
export { seedBudgetsDemo } from "./demo.ts";
