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
