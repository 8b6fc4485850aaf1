export { analysesDomain } from "./domain.ts";
export * from "./analysis.ts";
export { type AreaProfile, loadAreaProfile } from "./profile-service.ts";
export { referenceText } from "./profile-view.ts";
export { analysesPaths } from "./paths.ts";
export { type RecentTrend, recentTrend, RECENT_TREND_PERIODS } from "./recent-trend.ts";
export { type RedRedIndicator, redRedIndicators } from "./red-red.ts";
export {
  type BreakdownSet,
  breakdownTable,
  loadBreakdowns,
} from "./breakdown-values.ts";
