export { geographyDomain } from "./domain.ts";
export {
  areaBoundaries,
  areaCodeChanges,
  areaNameAliases,
  areaNeighbours,
  areaParents,
  areas,
  comparisonGroupMembers,
  comparisonGroups,
  localities,
  localityAreas,
  referenceDataLoads,
  smallAreaChanges,
} from "./tables.ts";
export { type BestFitGroup, bestFitGroups } from "./best-fit.ts";
export * from "./area-types.ts";
export * from "./repository.ts";
export * from "./changes-repository.ts";
export * from "./boundary-repository.ts";
export { type AreaSurroundings, areaSurroundings } from "./surroundings.ts";
export { countAreasByPrefix } from "./coverage-repository.ts";
export * from "./groups-repository.ts";
export * from "./groups-service.ts";
export { type AuthorityLink, authorityParentLinks, TOTAL_PARENT_TYPES } from "./authority-parents.ts";
export { retiresCode, successorMap } from "./code-changes.ts";
export { type DerivedLinks, deriveSuccessorLinks, directSuccessors, wholeSuccessors } from "./successors.ts";
export { MERGED_SOURCE, mergeSuccessorBoundaries, mergeTopologies } from "./successor-boundaries.ts";
export {
  buildNameIndex,
  type MatchCandidate,
  matchAreaName,
  type NameIndex,
  type NameMatch,
  normaliseAreaName,
} from "./name-matching.ts";
export { extractGeometries, type TopoGeometry, type Topology, topologyProblems } from "./topology.ts";
export { loadReferenceGeography, type ReferenceLoad } from "./reference/load-reference.ts";
export { prepareDatabase } from "./reference/prepare-database.ts";
export { REFERENCE_FILE, readReference } from "./reference/reference-file.ts";
