/**
 * Small-area maps for authorities created by mergers. ONS publishes small-area boundaries by
 * the authority each small area was drawn in (Suffolk Coastal, Waveney …); East Suffolk's map
 * is theirs put together. Built at import, when the last predecessor's boundaries arrive, and
 * stored on the successor with the source "merged from …", so a profile never merges on
 * request. A file published for the successor itself always wins over a merged layer.
 */
import type { FeatureCollection } from "geojson";
import { feature } from "topojson-client";
import { topology as toTopology } from "topojson-server";
import type { GeometryCollection, Topology as SpecTopology } from "topojson-specification";
import { yieldToEventLoop } from "../../kernel/db/arrays.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { findBoundary, findBoundarySource, upsertBoundary } from "./boundary-repository.ts";
import { areaIdsByCode } from "./repository.ts";
import { directSuccessors, followChains } from "./successors.ts";
import type { Topology } from "./topology.ts";

export const MERGED_SOURCE = "merged from ";

/** One GeoJSON feature collection of every geometry in the topologies, then one topology again. */
export function mergeTopologies(name: string, parts: readonly Topology[]): Topology {
  const features = parts.flatMap((part) => {
    const spec = part as unknown as SpecTopology;
    return Object.values(spec.objects).flatMap((object) => {
      const collection = feature(spec, object as GeometryCollection) as FeatureCollection;
      return collection.features ?? [];
    });
  });
  // 1e5 quantization: about a metre over an authority, the same detail as the ONS files.
  const collection: FeatureCollection = { type: "FeatureCollection", features };
  return toTopology({ [name]: collection }, 1e5) as unknown as Topology;
}

/**
 * Rebuilds the merged `layer` of every successor of `codes` (all successors when omitted) whose
 * predecessors all have boundaries: each direct predecessor has its own layer, or is itself
 * covered by its predecessors' (Taunton Deane and West Somerset → Somerset West and Taunton → Somerset).
 */
export async function mergeSuccessorBoundaries(
  db: Executor,
  layer: string,
  codes?: readonly string[],
): Promise<string[]> {
  const directly = await directSuccessors(db);
  const successors = followChains(directly);
  /** new code → the codes it directly replaced. */
  const direct = new Map<string, Set<string>>();
  for (const [old, list] of directly)
    for (const next of list) direct.set(next, new Set([...(direct.get(next) ?? []), old]));
  const targets = new Set(codes ? codes.flatMap((code) => successors.get(code) ?? []) : direct.keys());
  if (targets.size === 0) return [];
  const all = [...new Set([...targets, ...[...direct.values()].flatMap((set) => [...set])])];
  const ids = await areaIdsByCode(db, all);
  const sources = new Map<string, { source: string; id: number }>();
  for (const code of all) {
    const id = ids.get(code);
    if (id === undefined) continue;
    const source = await findBoundarySource(db, id, layer);
    if (source !== undefined) sources.set(code, { source, id });
  }
  const own = (code: string) => {
    const found = sources.get(code);
    return found !== undefined && !found.source.startsWith(MERGED_SOURCE);
  };
  /** The original files whose boundaries make up `code`, or null when one is missing. */
  const originals = (code: string, seen: Set<string>): string[] | null => {
    if (own(code)) return [code];
    const before = direct.get(code);
    if (!before || before.size === 0 || seen.has(code)) return null;
    const out: string[] = [];
    for (const predecessor of before) {
      const part = originals(predecessor, new Set([...seen, code]));
      if (!part) return null;
      out.push(...part);
    }
    return out;
  };
  const merged: string[] = [];
  // Shortest chains first, so Somerset West and Taunton is merged before Somerset reads it.
  for (const code of [...targets].sort((a, b) => (direct.get(a)?.size ?? 0) - (direct.get(b)?.size ?? 0))) {
    const id = ids.get(code);
    if (id === undefined || own(code)) continue;
    const parts = originals(code, new Set());
    if (!parts) continue;
    const topologies: Topology[] = [];
    for (const part of parts) {
      const text = await findBoundary(db, sources.get(part)!.id, layer);
      if (text) topologies.push(JSON.parse(text) as Topology);
    }
    await yieldToEventLoop();
    const combined = mergeTopologies(code, topologies);
    await yieldToEventLoop();
    await upsertBoundary(db, id, layer, combined, `${MERGED_SOURCE}${parts.join(", ")}`);
    merged.push(code);
  }
  return merged;
}
