import { path } from "../../kernel/http/paths.ts";

export const budgetPaths = {
  list: path("/partnerships/:id/budgets"),
  remove: path("/partnerships/:id/budgets/:childId/delete"),
};
