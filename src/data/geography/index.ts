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
} from "./tables.ts";
export * from "./area-types.ts";
export * from "./repository.ts";
export * from "./groups-repository.ts";
export * from "./groups-service.ts";
export { type AuthorityLink, authorityParentLinks, TOTAL_PARENT_TYPES } from "./authority-parents.ts";
export { retiresCode, successorMap } from "./code-changes.ts";
export {
  buildNameIndex,
  type MatchCandidate,
  matchAreaName,
  type NameIndex,
  type NameMatch,
  normaliseAreaName,
} from "./name-matching.ts";
export { extractGeometries, type TopoGeometry, type Topology, topologyProblems } from "./topology.ts";
