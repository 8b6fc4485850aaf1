import type { Domain } from "../../kernel/domains/descriptor.ts";
import { actionMentions } from "../actions/index.ts";
import { registerBudgetRoutes } from "./budgets-routes.ts";
import { registerFundingRoutes } from "./funding-routes.ts";
import { budgetMentions } from "./mentions.ts";
import { budgetPaths } from "./paths.ts";

/** Pooled and aligned budget contributions per partner and financial year, and the multi-year funding plan. */
export const budgetsDomain: Domain = {
  name: "cycle/budgets",
  routes: (app, context) => {
    registerBudgetRoutes(app, context);
    registerFundingRoutes(app, context);
  },
  partnershipNavigation: [{ text: "Budgets", href: budgetPaths.list, group: "plan", order: 125 }],
  provides: [actionMentions.provide(budgetMentions)],
};
