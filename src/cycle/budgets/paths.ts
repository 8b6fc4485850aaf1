import { path } from "../../kernel/http/paths.ts";

export const budgetPaths = {
  list: path("/partnerships/:id/budgets"),
  remove: path("/partnerships/:id/budgets/:childId/delete"),
  plan: path("/partnerships/:id/budgets/plan"),
  newStream: path("/partnerships/:id/budgets/streams/new"),
  removeStream: path("/partnerships/:id/budgets/streams/:streamId/delete"),
  newAllocation: path("/partnerships/:id/budgets/streams/:streamId/allocations/new"),
  removeAllocation: path("/partnerships/:id/budgets/streams/:streamId/allocations/:allocationId/delete"),
  csv: path("/partnerships/:id/budgets.csv"),
};
