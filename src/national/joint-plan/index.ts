export { jointPlanDomain } from "./domain.ts";
export { planPaths } from "./paths.ts";
export { planActivities, planActivityRequests, planActivityUpdates } from "./tables.ts";
export {
  activitiesForRequests,
  type ActivityRow,
  type ActivityView,
  countOpenLedBy,
  findActivity,
  linkedRequests,
  listActivities,
  listUpdates,
} from "./repository.ts";
export { addProgress, removeActivity, saveActivity } from "./plan-service.ts";
export {
  type ActivityForm,
  activityForm,
  activityParams,
  type ActivityStatus,
  activityStatuses,
  activityStatusLabels,
  progressForm,
} from "./schemas.ts";
