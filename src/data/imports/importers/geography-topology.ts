import { z } from "zod";
import {
  type AreaInput,
  areaIdsByCode,
  areaTypeOfCode,
  extractGeometries,
  GSS_CODE,
  linkParents,
  nationCodes,
  nationOfCode,
  type ParentLink,
  type Topology,
  tiersOfCode,
  topologyProblems,
  upsertAreas,
  upsertBoundary,
} from "../../geography/index.ts";
import type { Nation } from "../../../kernel/auth/policy.ts";
import { timeSlicer, yieldToEventLoop } from "../../../kernel/db/arrays.ts";
import { defineImporter } from "../importer.ts";
import { readJson } from "../json-file.ts";

/** Layers of the ONS local-authority TopoJSON and the area type each holds. */
export const LAYERS: Record<string, string> = {
  uk: "uk",
  ctry: "nation",
  rgn: "region",
  cty: "county",
  mcty: "metropolitan-county",
  cauth: "combined-authority",
  utla: "local-authority",
  ltla: "local-authority",
};

const properties = z.object({
  areacd: z.string({ error: "is missing" }).regex(GSS_CODE, "must be a GSS code"),
  areanm: z.string({ error: "is missing" }).min(1, "is empty"),
  start: z.number().int().min(1900).max(2100).optional(),
  end: z.number().int().min(1900).max(2100).optional(),
});

/** ONS local-authority TopoJSON: areas with validity years and an outline each, plus whole layers for maps. */
export const geographyTopologyImporter = defineImporter({
  kind: "geography-topology",
  label: "ONS local-authority boundaries (TopoJSON with layers uk, ctry, rgn, cty, utla, ltla …)",
  scope: "national",
  optionsSchema: z.object({}),
  async prepare(context) {
    const { issues, file } = context;
    const topology = readJson(file) as Topology;
    // Checked whole before anything is written: a broken arc reference would fail the write, not the dry run.
    const problems = topologyProblems(topology);
    if (problems.length > 0) {
      for (const problem of problems) issues.error(problem);
      return { report: {}, total: 0, write: async () => ({ valuesWritten: 0, valuesReplaced: 0 }) };
    }
    const areas = new Map<string, AreaInput>();
    const geometries = new Map<
      string,
      { layer: string; geometry: NonNullable<Topology["objects"][string]["geometries"]>[number] }
    >();
    const layerCounts: Record<string, number> = {};
    for (const [layer, object] of Object.entries(topology.objects)) {
      const fallback = LAYERS[layer];
      if (!fallback) {
        issues.warn(`layer "${layer}" is not one this importer knows; skipped`);
        continue;
      }
      for (const [n, geometry] of (object.geometries ?? []).entries()) {
        const parsed = properties.safeParse(geometry.properties ?? {});
        if (!parsed.success) {
          issues.error(
            `geometry ${n + 1}: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`,
            undefined,
            layer,
          );
          continue;
        }
        const { areacd, areanm, start, end } = parsed.data;
        const tiers = tiersOfCode(areacd);
        const previous = areas.get(areacd);
        areas.set(areacd, {
          code: areacd,
          name: areanm,
          type: areaTypeOfCode(areacd) ?? fallback,
          nation: nationOfCode(areacd),
          upperTier: (previous?.upperTier ?? false) || (layer !== "ltla" && tiers.upperTier),
          lowerTier: (previous?.lowerTier ?? false) || (layer === "ltla" && tiers.lowerTier),
          startYear: start ?? null,
          endYear: end ?? null,
        });
        if (!geometries.has(areacd)) geometries.set(areacd, { layer, geometry });
        layerCounts[layer] = (layerCounts[layer] ?? 0) + 1;
      }
    }
    // Nations belong to the UK; regions and other areas to their nation (from the code's first letter).
    const uk = [...areas.values()].find((a) => a.type === "uk")?.code;
    const links: ParentLink[] = [];
    for (const area of areas.values()) {
      if (area.type === "nation" && uk) links.push({ child: area.code, parent: uk, relation: "uk" });
      else if (area.type !== "uk" && area.nation) {
        const nation = nationCodes[area.nation as Nation];
        if (areas.has(nation)) links.push({ child: area.code, parent: nation, relation: "nation" });
      }
    }
    return {
      report: { rowsRead: areas.size, areas: areas.size, counts: { ...layerCounts, parentLinks: links.length } },
      total: areas.size,
      write: async (tx, { progress }) => {
        await upsertAreas(tx, [...areas.values()]);
        await linkParents(tx, links);
        const ids = await areaIdsByCode(tx, [...areas.keys()]);
        let done = 0;
        // By elapsed time, not every 50 areas: on PGlite 50 boundary upserts held the event loop 60–180 ms.
        const slice = timeSlicer();
        for (const [code, { layer, geometry }] of geometries) {
          await upsertBoundary(tx, ids.get(code)!, "self", extractGeometries(topology, layer, [geometry]), file.name);
          if (++done % 50 === 0) progress?.update(done);
          await slice();
        }
        if (uk) {
          for (const [layer, object] of Object.entries(topology.objects)) {
            if (!LAYERS[layer] || layer === "uk") continue;
            await yieldToEventLoop();
            await upsertBoundary(
              tx,
              ids.get(uk)!,
              layer,
              extractGeometries(topology, layer, object.geometries ?? []),
              file.name,
            );
          }
        }
        return { valuesWritten: 0, valuesReplaced: 0, counts: { areas: areas.size, boundaries: geometries.size } };
      },
    };
  },
});
