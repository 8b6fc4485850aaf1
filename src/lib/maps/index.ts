/** Maps: SVG choropleths from TopoJSON boundaries, each with its data table and summary. */
export { mapsDomain } from "./domain.ts";
export { choroplethMap, type MapResult } from "./choropleth.ts";
export { choroplethSchema, type ChoroplethInput, type Classification } from "./schemas.ts";
export { detectCoordinateSystem, type CoordinateSystem } from "./projection.ts";
export { sequentialPalette } from "./classify.ts";
