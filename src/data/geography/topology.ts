/**
 * Cuts one object's geometries out of a TopoJSON topology, keeping only the arcs they use
 * (renumbered), so each area's outline is stored and served on its own.
 */
export interface Topology {
  type: "Topology";
  transform?: { scale: [number, number]; translate: [number, number] };
  arcs: number[][][];
  objects: Record<string, { type: string; geometries?: TopoGeometry[] }>;
  bbox?: number[];
}

export interface TopoGeometry {
  type: string;
  id?: string | number;
  properties?: Record<string, unknown>;
  arcs?: unknown;
}

function remapArcs(value: unknown, remap: (index: number) => number): unknown {
  if (typeof value === "number") return remap(value);
  if (Array.isArray(value)) return value.map((inner) => remapArcs(inner, remap));
  return value;
}

export function extractGeometries(
  topology: Topology,
  objectName: string,
  geometries: readonly TopoGeometry[],
): Topology {
  const used = new Map<number, number>();
  const arcs: number[][][] = [];
  const remap = (index: number): number => {
    const original = index < 0 ? ~index : index;
    let mapped = used.get(original);
    if (mapped === undefined) {
      mapped = arcs.length;
      used.set(original, mapped);
      const arc = topology.arcs[original];
      if (!arc) throw new Error(`Arc ${original} is missing from the topology`);
      arcs.push(arc);
    }
    return index < 0 ? ~mapped : mapped;
  };
  const copied = geometries.map((geometry) => ({ ...geometry, arcs: remapArcs(geometry.arcs, remap) }));
  return {
    type: "Topology",
    ...(topology.transform ? { transform: topology.transform } : {}),
    arcs,
    objects: { [objectName]: { type: "GeometryCollection", geometries: copied } },
  };
}

const isPosition = (value: unknown) =>
  Array.isArray(value) && value.length >= 2 && value.every((n) => typeof n === "number" && Number.isFinite(n));

/** The first arc index in a geometry's (nested) arcs that is not an integer naming an arc of the topology. */
function badArcIndex(value: unknown, arcCount: number, depth = 0): string | null {
  if (typeof value === "number") {
    const index = value < 0 ? ~value : value;
    return Number.isInteger(value) && index < arcCount
      ? null
      : `arc ${value} is not one of the topology's ${arcCount} arcs`;
  }
  if (!Array.isArray(value) || depth > 4) return "its arcs are not lists of arc numbers";
  for (const inner of value) {
    const problem = badArcIndex(inner, arcCount, depth + 1);
    if (problem) return problem;
  }
  return null;
}

/**
 * What makes a TopoJSON file unusable, checked before anything is written (extractGeometries
 * and the maps assume it): arcs as lists of finite [x, y] positions, objects with lists of
 * geometries, each geometry an object whose arcs name arcs that exist. At most `limit` problems.
 */
export function topologyProblems(value: unknown, limit = 5): string[] {
  const topology = value as Partial<Topology> | null;
  if (topology?.type !== "Topology" || !Array.isArray(topology.arcs) || !topology.objects)
    return ['not a TopoJSON topology (expected {"type": "Topology", "objects": …, "arcs": …})'];
  if (typeof topology.objects !== "object" || Array.isArray(topology.objects)) return ["objects is not an object"];
  const problems: string[] = [];
  const transform = topology.transform;
  if (transform !== undefined && !(isPosition(transform?.scale) && isPosition(transform?.translate)))
    problems.push("transform needs scale and translate, each two numbers");
  topology.arcs.forEach((arc, n) => {
    if (problems.length < limit && !(Array.isArray(arc) && arc.length > 0 && arc.every(isPosition)))
      problems.push(`arc ${n} is not a list of [x, y] positions`);
  });
  for (const [name, object] of Object.entries(topology.objects)) {
    if (problems.length >= limit) break;
    const geometries = (object as { geometries?: unknown } | null)?.geometries;
    if (!object || typeof object !== "object" || (geometries !== undefined && !Array.isArray(geometries))) {
      problems.push(`object "${name}" is not a collection of geometries`);
      continue;
    }
    for (const [n, geometry] of (geometries ?? []).entries()) {
      if (problems.length >= limit) break;
      const shape = geometry as TopoGeometry | null;
      if (!shape || typeof shape !== "object" || Array.isArray(shape) || typeof shape.type !== "string") {
        problems.push(`object "${name}", geometry ${n + 1} is not a geometry`);
        continue;
      }
      const properties = shape.properties as unknown;
      if (
        properties !== undefined &&
        properties !== null &&
        (typeof properties !== "object" || Array.isArray(properties))
      )
        problems.push(`object "${name}", geometry ${n + 1}: properties is not an object`);
      const arcs = shape.arcs === undefined ? null : badArcIndex(shape.arcs, topology.arcs.length);
      if (arcs) problems.push(`object "${name}", geometry ${n + 1}: ${arcs}`);
    }
  }
  return problems;
}
