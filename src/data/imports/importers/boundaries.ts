import { z } from "zod";
import {
  areaIdsByCode,
  commonParentCodes,
  GSS_CODE,
  type Topology,
  topologyProblems,
  upsertBoundary,
} from "../../geography/index.ts";
import { defineImporter } from "../importer.ts";
import { readJson } from "../json-file.ts";

/**
 * One authority's small-area boundaries (TopoJSON, object named by the authority's code,
 * geometries with LSOA11CD/LSOA11NM or DataZone codes). Stored whole on the authority, layer "lsoa".
 */
export const lsoaBoundariesImporter = defineImporter({
  kind: "lsoa-boundaries",
  label: "Small-area boundaries of one authority (TopoJSON, e.g. E06000001.json)",
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
    const codes = (object?.geometries ?? []).map((g, n) => {
      const code = String(
        g.properties?.LSOA11CD ??
          g.properties?.LSOA21CD ??
          g.properties?.DataZone ??
          g.properties?.DZ2011_Code ??
          g.id ??
          "",
      );
      if (!GSS_CODE.test(code))
        issues.error(`geometry ${n + 1} has no small-area code (LSOA11CD)`, undefined, "LSOA11CD");
      return code;
    });
    if (codes.length === 0) issues.error("the topology has no geometries");
    const ids = await areaIdsByCode(context.db, [authority, ...codes]);
    let target = authority;
    if (GSS_CODE.test(authority) && !ids.has(authority)) {
      // An authority code retired before the geography starts (e.g. Northumberland's E06000048):
      // store the boundaries on the one current authority all these small areas belong to.
      const owners = await commonParentCodes(
        context.db,
        codes.filter((code) => ids.has(code)),
        "local-authority",
      );
      if (owners.length === 1) {
        target = owners[0]!;
        ids.set(target, (await areaIdsByCode(context.db, [target])).get(target)!);
        issues.warn(
          `authority "${authority}" is not in the geography; its small areas all belong to ${target}, so the boundaries are stored there`,
        );
      } else issues.error(`unknown authority "${authority}" (import the local-authority geography first)`);
    }
    const unknown = codes.filter((code) => GSS_CODE.test(code) && !ids.has(code));
    if (unknown.length > 0)
      issues.error(
        `${unknown.length} unknown small-area codes, e.g. ${unknown.slice(0, 5).join(", ")} (import the LSOA lookup first)`,
      );
    if (!issues.ok) return fail();
    return {
      report: {
        rowsRead: codes.length,
        areas: codes.length,
        indicators: [],
        periods: [],
        counts: { smallAreas: codes.length, arcs: topology.arcs.length },
      },
      total: 1,
      write: async (tx) => {
        await upsertBoundary(tx, ids.get(target)!, "lsoa", topology, file.name);
        return { valuesWritten: 0, valuesReplaced: 0, counts: { boundaries: 1 } };
      },
    };
  },
});
