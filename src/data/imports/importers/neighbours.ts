import { z } from "zod";
import { areaIdsByCode, GSS_CODE, replaceNeighbours } from "../../geography/index.ts";
import { defineImporter } from "../importer.ts";
import { readJson } from "../json-file.ts";

const entry = z.array(z.union([z.array(z.string()), z.string(), z.null()])).min(1);

/**
 * Geographic neighbours: { "E06000001": [[border neighbours, longest border first] | null, nearby …] }.
 * Codes retired since are not guessed: unknown codes are reported.
 */
export const neighboursImporter = defineImporter({
  kind: "neighbours",
  label: "Geographic neighbours (JSON: code → [[bordering …], nearby …])",
  scope: "national",
  optionsSchema: z.object({}),
  async prepare(context) {
    const { issues } = context;
    const data = readJson(context.file);
    const fail = () => ({ report: {}, total: 0, write: async () => ({ valuesWritten: 0, valuesReplaced: 0 }) });
    if (!data || typeof data !== "object" || Array.isArray(data)) {
      issues.error("expected a JSON object keyed by area code");
      return fail();
    }
    const links: { area: string; neighbour: string; kind: string; rank: number }[] = [];
    for (const [code, value] of Object.entries(data)) {
      const parsed = entry.safeParse(value);
      if (!GSS_CODE.test(code) || !parsed.success) {
        issues.error(`entry "${code}" is not a GSS code with a list of neighbours`, undefined, code);
        continue;
      }
      const [border, ...nearby] = parsed.data;
      for (const [i, neighbour] of (Array.isArray(border) ? border : []).entries())
        links.push({ area: code, neighbour, kind: "border", rank: i + 1 });
      nearby.forEach((neighbour, i) => {
        if (typeof neighbour === "string") links.push({ area: code, neighbour, kind: "nearby", rank: i + 1 });
      });
    }
    const codes = [...new Set(links.flatMap((l) => [l.area, l.neighbour]).concat(Object.keys(data)))];
    const ids = await areaIdsByCode(context.db, codes);
    const unknown = codes.filter((code) => !ids.has(code));
    if (unknown.length > 0)
      issues.error(
        `unknown area codes: ${unknown.slice(0, 10).join(", ")}${unknown.length > 10 ? ` and ${unknown.length - 10} more` : ""} (import the geography and code changes first)`,
      );
    const areaIds = Object.keys(data).flatMap((code) => (ids.has(code) ? [ids.get(code)!] : []));
    return {
      report: {
        rowsRead: Object.keys(data).length,
        areas: areaIds.length,
        counts: {
          border: links.filter((l) => l.kind === "border").length,
          nearby: links.filter((l) => l.kind === "nearby").length,
        },
      },
      total: links.length,
      write: async (tx) => {
        const written = await replaceNeighbours(
          tx,
          areaIds,
          links.map((l) => ({
            areaId: ids.get(l.area)!,
            neighbourId: ids.get(l.neighbour)!,
            kind: l.kind,
            rank: l.rank,
          })),
        );
        return { valuesWritten: 0, valuesReplaced: 0, counts: { links: written } };
      },
    };
  },
});
