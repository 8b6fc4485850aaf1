import { z } from "zod";
import { path } from "../../kernel/http/paths.ts";

export const actionPaths = {
  list: path("/partnerships/:id/actions"),
  action: path("/partnerships/:id/actions/:actionId"),
  newAction: path("/partnerships/:id/actions/new"),
  edit: path("/partnerships/:id/actions/:actionId/edit"),
  newBudget: path("/partnerships/:id/actions/:actionId/budgets/new"),
  newMilestone: path("/partnerships/:id/actions/:actionId/milestones/new"),
  newEvidence: path("/partnerships/:id/actions/:actionId/evidence/new"),
  newIndicator: path("/partnerships/:id/actions/:actionId/indicators/new"),
  remove: path("/partnerships/:id/actions/:actionId/delete"),
  removeBudget: path("/partnerships/:id/actions/:actionId/budgets/:childId/delete"),
  removeIndicator: path("/partnerships/:id/actions/:actionId/indicators/:childId/delete"),
  removeMilestone: path("/partnerships/:id/actions/:actionId/milestones/:childId/delete"),
  removeEvidence: path("/partnerships/:id/actions/:actionId/evidence/:childId/delete"),
  milestoneState: path("/partnerships/:id/actions/:actionId/milestones/:childId/:state", {
    state: z.enum(["done", "reopen"]),
  }),
  importPlan: path("/partnerships/:id/actions/import"),
  importUpload: path("/partnerships/:id/actions/import/:importId"),
  importCheck: path("/partnerships/:id/actions/import/:importId/check"),
  importConfirm: path("/partnerships/:id/actions/import/:importId/confirm"),
  exportCsv: path("/partnerships/:id/actions/export.csv"),
  exportXlsx: path("/partnerships/:id/actions/export.xlsx"),
};
