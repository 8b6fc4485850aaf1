import { z } from "zod";
import type { Executor } from "../../../kernel/db/database.ts";
import {
  type AreaInput,
  areaIdsByCode,
  areasForMatching,
  areaTypeOfCode,
  commonParentCodes,
  deriveSuccessorLinks,
  GSS_CODE,
  insertMissingAreas,
  linkParents,
  mergeSuccessorBoundaries,
  nationOfCode,
  normaliseAreaName,
  type Topology,
  topologyProblems,
  upsertBoundary,
} from "../../geography/index.ts";
import { defineImporter } from "../importer.ts";
import { readJson } from "../json-file.ts";
import { smallAreaProperties } from "./small-area-properties.ts";

type SmallType = "lsoa" | "msoa";

const LABELS: Record<SmallType, string> = {
  lsoa: "Small-area boundaries of one authority: LSOAs or data zones (TopoJSON, e.g. E06000001.json)",
  msoa: "Small-area boundaries of one authority: MSOAs or intermediate zones (TopoJSON, e.g. E06000001.json)",
};

/**
 * One authority's small-area boundaries (TopoJSON, object named by the authority's code,
 * geometries with LSOA11CD/LSOA21CD/MSOA11CD/MSOA21CD or data-zone codes). Stored whole on the
 * authority, layer "lsoa" or "msoa". Small areas the geography lacks are added from the file's
 * codes and names and linked to the authority — the ONS MSOA files by authority are the only
 * MSOA → authority link published beside the boundaries. The boundaries of authorities merged
 * since are put together for their successor (successor-boundaries.ts).
 */
function boundariesImporter(type: SmallType) {
  return defineImporter({
    kind: `${type}-boundaries`,
    label: LABELS[type],
    scope: "national",
    optionsSchema: z.object({ authority: z.string().regex(GSS_CODE).optional() }),
    async prepare(context, opts) {
      const { issues, file } = context;
      const topology = readJson(file) as Topology;
      const fail = () => ({ report: {}, total: 0, write: async () => ({ valuesWritten: 0, valuesReplaced: 0 }) });
      const problems = topologyProblems(topology);
      if (problems.length > 0) {
        for (const problem of problems) issues.error(problem);
        return fail();
      }
      const names = Object.keys(topology.objects);
      const authority =
        opts.authority ?? names.find((name) => GSS_CODE.test(name)) ?? file.name.replace(/\.(topo)?json$/i, "");
      const object = topology.objects[names.find((name) => name === authority) ?? names[0] ?? ""];
      if (!GSS_CODE.test(authority))
        issues.error(
          `cannot tell which authority this is: name the object or the file by its GSS code, e.g. E06000001.json`,
        );
      const geometries = object?.geometries ?? [];
      const columns = smallAreaProperties(geometries[0]?.properties ?? {});
      if (geometries.length === 0) issues.error("the topology has no geometries");
      else if (!columns)
        issues.error(
          `the geometries have no small-area code property (LSOA11CD, LSOA21CD, MSOA11CD, MSOA21CD, DataZone …); they have: ${Object.keys(geometries[0]?.properties ?? {}).join(", ")}`,
        );
      const areas: AreaInput[] = [];
      for (const [n, geometry] of geometries.entries()) {
        if (!columns) break;
        const code = String(geometry.properties?.[columns.code] ?? geometry.id ?? "").trim();
        const found = areaTypeOfCode(code);
        if (!GSS_CODE.test(code) || (found !== "lsoa" && found !== "msoa")) {
          issues.error(`geometry ${n + 1}: "${code}" is not a small-area code`, undefined, columns.code);
          continue;
        }
        if (found !== type) {
          issues.error(
            `geometry ${n + 1}: ${code} is ${found === "lsoa" ? "an LSOA or data zone" : "an MSOA or intermediate zone"}; import this file as ${found}-boundaries`,
            undefined,
            columns.code,
          );
          break;
        }
        const name = columns.name ? String(geometry.properties?.[columns.name] ?? "").trim() : "";
        areas.push({
          code,
          name: name || code,
          type,
          nation: nationOfCode(code),
          upperTier: false,
          lowerTier: false,
          startYear: null,
          endYear: null,
          vintages: columns.vintage ? [columns.vintage] : [],
        });
      }
      if (!issues.ok) return fail();
      const codes = areas.map((a) => a.code);
      const ids = await areaIdsByCode(context.db, [authority, ...codes]);
      let target = authority;
      if (!ids.has(authority)) {
        // An authority code retired before the geography starts (e.g. Northumberland's E06000048):
        // store the boundaries on the one current authority all these small areas belong to.
        const owners = await commonParentCodes(
          context.db,
          codes.filter((code) => ids.has(code)),
          "local-authority",
        );
        const named = owners.length === 1 ? undefined : await authorityNamedBy(context.db, areas);
        if (owners.length === 1 || named) {
          target = owners.length === 1 ? owners[0]! : named!.code;
          ids.set(target, owners.length === 1 ? (await areaIdsByCode(context.db, [target])).get(target)! : named!.id);
          issues.warn(
            owners.length === 1
              ? `authority "${authority}" is not in the geography; its small areas all belong to ${target}, so the boundaries are stored there`
              : `authority "${authority}" is not in the geography; its small areas are all named after ${named!.name} (${target}), so they are linked to it and the boundaries stored there`,
          );
        } else issues.error(`unknown authority "${authority}" (the built-in geography has no such authority)`);
      }
      const unknown = areas.filter((a) => !ids.has(a.code));
      if (unknown.length > 0 && !columns?.name)
        issues.error(
          `${unknown.length} small-area codes are not in the geography and the file has no names for them, e.g. ${unknown
            .slice(0, 5)
            .map((a) => a.code)
            .join(", ")} (load the ${type === "lsoa" ? "LSOA" : "MSOA"} lookup first)`,
        );
      if (!issues.ok) return fail();
      return {
        report: {
          rowsRead: codes.length,
          areas: codes.length,
          indicators: [],
          periods: [],
          counts: {
            smallAreas: codes.length,
            newSmallAreas: unknown.length,
            arcs: topology.arcs.length,
            vintage: columns?.vintage ?? 0,
          },
        },
        total: 1,
        write: async (tx) => {
          // New small areas (and known ones gaining this vintage); the file ties them to the authority.
          const added = await insertMissingAreas(tx, areas);
          const linked = unknown.length
            ? await linkParents(
                tx,
                unknown.map((a) => ({ child: a.code, parent: target, relation: "local-authority" })),
              )
            : 0;
          await upsertBoundary(tx, ids.get(target)!, type, topology, file.name);
          // Only this authority's small areas gained parent links: only theirs to its successors.
          if (linked > 0) await deriveSuccessorLinks(tx, { smallAreasOf: [target] });
          const merged = await mergeSuccessorBoundaries(tx, type, [target]);
          return {
            valuesWritten: 0,
            valuesReplaced: 0,
            counts: { boundaries: 1 + merged.length, areasAdded: added, parentLinks: linked },
          };
        },
      };
    },
  });
}

/**
 * ONS names small areas after their authority ("Northumberland 001A"): when every name of the
 * file has the same stem and exactly one current authority has that name, it is theirs.
 */
async function authorityNamedBy(db: Executor, areas: readonly AreaInput[]) {
  const stems = new Set(areas.map((a) => a.name.replace(/\s+\d{3}[A-Z]?$/, "")));
  if (stems.size !== 1) return undefined;
  const stem = normaliseAreaName([...stems][0]!);
  const found = (await areasForMatching(db, ["local-authority"])).filter(
    (a) => a.endYear === null && normaliseAreaName(a.name) === stem,
  );
  return found.length === 1 ? found[0] : undefined;
}

export const lsoaBoundariesImporter = boundariesImporter("lsoa");
export const msoaBoundariesImporter = boundariesImporter("msoa");
