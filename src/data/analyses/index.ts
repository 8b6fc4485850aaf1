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
  renderBreakdownChart,
} from "./breakdown-values.ts";
export { loadIndicatorInequality } from "./inequality-panel.ts";
export {
  type InequalityFigures,
  type InequalityView,
  inequalityFigures,
  renderInequalityChart,
} from "./inequality-view.ts";
