export { indicatorsDomain } from "./domain.ts";
export {
  breakdowns,
  importBatches,
  indicatorReaders,
  indicators,
  observationHistory,
  observations,
  peerRanks,
  periods,
} from "./tables.ts";
export {
  hasStoredRanks,
  type PeerRankCounts,
  peerRanksOf,
  refreshAllPeerRanks,
  RANKED_AREA_TYPES,
  refreshPeerRanks,
} from "./peer-ranks.ts";
export {
  type AreaSeriesRow,
  isLaidOut,
  type PeriodCatalogue,
  periodCatalogue,
  readAreaSeries,
  refreshAllAreaSeries,
  type SeriesValue,
} from "./area-series.ts";
export { derivedMethod, FLAG, type FlagName, flagNames } from "./flags.ts";
export { ObservationBuffer } from "./observation-buffer.ts";
export { type OfficialReplacement, officialValuesReplaced } from "./official-values.ts";
export { OBSERVATION_CHUNK, type WriteResult } from "./observation-writer.ts";
export {
  defineIndicator,
  indicatorOwnershipProblems,
  newIndicatorSlugs,
  type ObservationPlan,
  writeObservationPlan,
} from "./import-writer.ts";
export { parsePeriod, type ParsedPeriod, type PeriodKind, periodYear } from "./periods.ts";
export * from "./schemas.ts";
export {
  completeBatch,
  countObservations,
  findBatch,
  findIndicator,
  type ImportBatchRow,
  type IndicatorRow,
  insertBatch,
  latestBatchesOfKinds,
  listBatches,
  listIndicators,
  authoritiesWithValues,
  breakdownLabels,
  indicatorSlugsWithValues,
  sourceValueKeys,
  type PeriodRow,
} from "./repository.ts";
export * from "./catalogue-service.ts";
export { catalogueGroupOf } from "./catalogue-groups.ts";
export * from "./observations-service.ts";
export {
  type Access,
  type AccessTier,
  accessOf,
  accessTierLabels,
  accessTiers,
  catalogueAt,
  filterVisible,
  mayPublish,
  mayReadIndicator,
  publishableIndicators,
  type ReadVersions,
  tierOf,
  visibleIndicators,
} from "./visibility.ts";
export { dataVersionNow, londonInstant, releasedObservations, setEmbargo, versionsNow } from "./embargo.ts";
export { optionalReleaseTime, releaseInstant, releaseTimeFields, releaseTimeValues } from "./release-time-fields.ts";
export { readersOf, type ReaderRow, saveTier } from "./readers-repository.ts";
// Disclosure control of published values (small counts withheld, rounding), used wherever figures are shown.
export {
  applyDisclosure,
  cellFor,
  type DisclosedCell,
  type DisclosureCell,
  type DisclosureGroup,
  derivableCells,
  discloseSeries,
  type DisclosureRule,
  normaliseRule,
  isSmallCount,
  roundToFive,
  SMALL_COUNT_NOTE,
  shownFor,
} from "./disclosure.ts";
export {
  type LocalitySet,
  type ParentLink,
  type PublishableValue,
  publishedLocalities,
  publishedValues,
  type SmallAreaCount,
} from "./publication.ts";
export {
  changeEmbargo,
  changeTier,
  embargoedBatches,
  findBatchOf,
  type ReaderChoices,
  type TierChoice,
} from "./access-service.ts";
