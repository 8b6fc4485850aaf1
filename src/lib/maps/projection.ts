import {
  geoArea,
  geoIdentity,
  geoPath,
  geoTransverseMercator,
  type GeoProjection,
  type GeoStreamWrapper,
} from "d3-geo";
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from "geojson";

export type CoordinateSystem = "lon-lat" | "british-national-grid";

/** Longitude/latitude fit in ±180/±90; British National Grid eastings/northings are metres (0–700 km, 0–1,300 km). */
export function detectCoordinateSystem(bbox: [number, number, number, number]): CoordinateSystem {
  const [x0, y0, x1, y1] = bbox;
  if (x0 >= -180 && x1 <= 180 && y0 >= -90 && y1 <= 90) return "lon-lat";
  if (x0 >= -10_000 && x1 <= 800_000 && y0 >= -10_000 && y1 <= 1_300_000) return "british-national-grid";
  throw new Error(
    `Unrecognised coordinate system: bounding box ${bbox.join(", ")} is neither longitude/latitude nor British National Grid`,
  );
}

/**
 * d3-geo treats polygons on the sphere, where ring order decides inside from outside. Files
 * written with the RFC 7946 (anticlockwise) convention would paint the whole globe, so rings
 * of any polygon covering more than a hemisphere are reversed.
 */
function rewindPolygon(rings: Position[][]): Position[][] {
  const area = geoArea({ type: "Polygon", coordinates: rings });
  return area > 2 * Math.PI ? rings.map((ring) => [...ring].reverse()) : rings;
}

export function rewindFeature(feature: Feature<Geometry | null>): Feature<Geometry | null> {
  const geometry = feature.geometry;
  if (!geometry) return feature;
  if (geometry.type === "Polygon") {
    return {
      ...feature,
      geometry: { type: "Polygon", coordinates: rewindPolygon(geometry.coordinates) } satisfies Polygon,
    };
  }
  if (geometry.type === "MultiPolygon") {
    return {
      ...feature,
      geometry: { type: "MultiPolygon", coordinates: geometry.coordinates.map(rewindPolygon) } satisfies MultiPolygon,
    };
  }
  return feature;
}

export function fittedPath(
  system: CoordinateSystem,
  collection: FeatureCollection<Geometry | null>,
  extent: [[number, number], [number, number]],
  bbox: [number, number, number, number],
) {
  let projection: GeoProjection | GeoStreamWrapper;
  if (system === "british-national-grid") {
    // Already projected metres: scale and flip (SVG y grows downwards).
    projection = geoIdentity().reflectY(true).fitExtent(extent, collection);
  } else {
    // Transverse Mercator centred on the data, as the Ordnance Survey's own grid is, keeps shapes true.
    const centre = (bbox[0] + bbox[2]) / 2;
    projection = geoTransverseMercator().rotate([-centre, 0]).fitExtent(extent, collection);
  }
  return geoPath(projection).digits(1);
}
