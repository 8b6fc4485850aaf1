import { z } from "zod";
import {
  type AreaInput,
  areaTypeOfCode,
  retiresCode,
  closeAreas,
  deriveSuccessorLinks,
  mergeSuccessorBoundaries,
  GSS_CODE,
  insertCodeChanges,
  insertMissingAreas,
  nationOfCode,
  tiersOfCode,
} from "../../geography/index.ts";
import { CsvTable } from "../csv-table.ts";
import { defineImporter } from "../importer.ts";
import { encodingOption } from "../run-import.ts";
import { readCsv } from "../source-file.ts";

const CHANGE_TYPES = ["merger", "new_code", "new_geo", "termination", "split"] as const;

const rowSchema = z.object({
  oldcd: z.string().regex(GSS_CODE, "must be a GSS code"),
  oldnm: z.string().min(1, "is empty"),
  newcd: z.union([z.string().regex(GSS_CODE, "must be a GSS code"), z.literal("")]),
  newnm: z.string(),
  type: z.enum(CHANGE_TYPES, `must be one of ${CHANGE_TYPES.join(", ")}`),
  start: z.coerce
    .number({ error: "must be a year" })
    .int("must be a year")
    .min(1990, "must be a year")
    .max(2100, "must be a year"),
});

/**
 * Code changes (oldcd, oldnm, newcd, newnm, type, start). Mergers and new codes retire the
 * old code (its end year is set) and create the successor if the geography lacks it.
 */
export const codeChangesImporter = defineImporter({
  kind: "code-changes",
  label: "Area code changes (oldcd, oldnm, newcd, newnm, type, start)",
  scope: "national",
  optionsSchema: z.object({ encoding: encodingOption }),
  async prepare(context, opts) {
    const { issues } = context;
    const table = new CsvTable(await readCsv(context.file, opts.encoding));
    const names = ["oldcd", "oldnm", "newcd", "newnm", "type", "start"];
    const columns = table.require(names, issues);
    table.checkRowLengths(issues);
    const report = { rowsRead: table.rows.length, preview: table.preview() };
    if (!columns) return { report, total: 0, write: async () => ({ valuesWritten: 0, valuesReplaced: 0 }) };
    const changes: z.output<typeof rowSchema>[] = [];
    const seen = new Map<string, number>();
    for (const row of table.rows) {
      const raw = Object.fromEntries(names.map((name) => [name, (row.cells[columns.get(name)!] ?? "").trim()]));
      const parsed = rowSchema.safeParse(raw);
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          issues.error(`"${raw[String(issue.path[0])]}" ${issue.message}`, row.line, String(issue.path[0]));
        continue;
      }
      if (parsed.data.type !== "termination" && !parsed.data.newcd)
        issues.error(`a ${parsed.data.type} needs the new code`, row.line, "newcd");
      const key = `${parsed.data.oldcd}|${parsed.data.newcd}|${parsed.data.start}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) issues.error(`duplicate row: the same change is on row ${earlier}`, row.line);
      seen.set(key, row.line);
      changes.push(parsed.data);
    }
    const successors = new Map<string, AreaInput>();
    for (const change of changes) {
      if (!change.newcd || successors.has(change.newcd)) continue;
      const type = areaTypeOfCode(change.newcd);
      if (!type) continue;
      successors.set(change.newcd, {
        code: change.newcd,
        name: change.newnm || change.newcd,
        type,
        nation: nationOfCode(change.newcd),
        ...tiersOfCode(change.newcd),
        startYear: change.start,
        endYear: null,
      });
    }
    const retired = changes
      .filter((c) => retiresCode(c.type, c.oldcd, c.newcd))
      .map((c) => ({ code: c.oldcd, endYear: c.start - 1 }));
    return {
      report: {
        ...report,
        counts: { changes: changes.length, successorAreas: successors.size, retiredCodes: retired.length },
      },
      total: changes.length,
      write: async (tx) => {
        const added = await insertMissingAreas(tx, [...successors.values()]);
        await closeAreas(tx, retired);
        const inserted = await insertCodeChanges(
          tx,
          changes.map((c) => ({
            oldCode: c.oldcd,
            oldName: c.oldnm,
            newCode: c.newcd || null,
            newName: c.newnm || null,
            changeType: c.type,
            startYear: c.start,
          })),
        );
        // Successors take their predecessors' region (and county) and small areas.
        const derived = await deriveSuccessorLinks(tx);
        const merged = [
          ...(await mergeSuccessorBoundaries(tx, "lsoa")),
          ...(await mergeSuccessorBoundaries(tx, "msoa")),
        ];
        return {
          valuesWritten: 0,
          valuesReplaced: 0,
          counts: { changesWritten: inserted, areasAdded: added, ...derived, mergedBoundaries: merged.length },
        };
      },
    };
  },
});
