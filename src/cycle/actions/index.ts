export { actionsDomain } from "./domain.ts";
export {
  actionBudgets,
  actionImports,
  actionIndicators,
  actionMilestones,
  actionPartners,
  actionPriorities,
  actions,
} from "./tables.ts";
export * from "./vocabulary.ts";
export { actionFor, actionTarget, canUpdateAction, updatableAction } from "./access.ts";
export {
  type ActionMention,
  type MentionSource,
  type HistoryEntry,
  type HistoryVersion,
  type LatestUpdate,
  type LatestUpdates,
  loadPlan,
  type PlanItem,
} from "./action-queries.ts";
export {
  addBudget,
  addIndicator,
  addMilestone,
  createAction,
  editAction,
  markMilestone,
  removeAction,
} from "./action-service.ts";
export { type ActionInput, actionForm, type BudgetInput, type IndicatorInput, type MilestoneInput } from "./schemas.ts";
export {
  listMilestones,
  listPartnershipIndicators,
  memberOrganisations,
  type ActionRow,
  type MilestoneRow,
} from "./repository.ts";
export { type MeasureStatus, measureStatusLabels } from "./measure.ts";
export { type Measure, measureLinks, measurableIndicators } from "./measure-service.ts";
export { type MeasureView, measureView } from "./measure-view.ts";
export { exportHeaders, exportRows } from "./export.ts";
export { type EvidenceCoverage, type EvidenceReference, evidenceCoverage } from "./evidence-coverage.ts";
export { type ActionChoice, type ActionCounts, actionChoices, actionProfiles, findActionChoices } from "./summaries.ts";
export { actionLatestUpdates, actionMentions, actionUpdateHistory } from "./extension-points.ts";
export { type ParsedSheet, parseUpload } from "./import-parse.ts";
export { actionPaths } from "./paths.ts";
export { searchActions } from "./search.ts";
