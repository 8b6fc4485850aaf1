/** Localities and comparison groups: pages over the geography domain's tables, and locality figures. */
export { localitiesDomain } from "./domain.ts";
export { localityUses } from "./extension-points.ts";
export {
  localityFigures,
  type LocalityFigure,
  localityIndicators,
  type LocalityPoint,
  localitySeries,
  partnershipLocalities,
} from "./locality-analysis.ts";
export { localityPaths } from "./paths.ts";
export { saveLocality } from "./locality-service.ts";
