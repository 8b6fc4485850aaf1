import { z } from "zod";
import { areaIdsByCode, GSS_CODE, notAuthorityCodes, saveComparisonGroup } from "../../geography/index.ts";
import { CsvTable } from "../csv-table.ts";
import { defineImporter } from "../importer.ts";
import { encodingOption } from "../run-import.ts";
import { readCsv } from "../source-file.ts";

/** A comparison group from CSV (area_code [, area_name]), e.g. a CIPFA nearest-neighbour list. */
export const comparisonGroupImporter = defineImporter({
  kind: "comparison-group",
  label: "Comparison group (CSV with an area_code column, e.g. CIPFA nearest neighbours)",
  scope: "partnership",
  optionsSchema: z.object({
    name: z.string().trim().min(1, "give the group a name").max(200),
    kind: z.enum(["cipfa", "statistical", "geographic", "user"]).default("user"),
    subject: z.string().regex(GSS_CODE, "must be a GSS code").optional(),
    encoding: encodingOption,
  }),
  async prepare(context, opts) {
    const { issues } = context;
    const table = new CsvTable(await readCsv(context.file, opts.encoding));
    const columns = table.require(["area_code"], issues);
    table.checkRowLengths(issues);
    const report = { rowsRead: table.rows.length, preview: table.preview() };
    if (!columns) return { report, total: 0, write: async () => ({ valuesWritten: 0, valuesReplaced: 0 }) };
    const codes: string[] = [];
    const seen = new Map<string, number>();
    for (const row of table.rows) {
      const code = (row.cells[columns.get("area_code")!] ?? "").trim();
      if (!GSS_CODE.test(code)) issues.error(`"${code}" is not a GSS code`, row.line, "area_code");
      else if (seen.has(code))
        issues.error(`duplicate row: "${code}" is also on row ${seen.get(code)}`, row.line, "area_code");
      else {
        seen.set(code, row.line);
        codes.push(code);
      }
    }
    const ids = await areaIdsByCode(context.db, [...codes, ...(opts.subject ? [opts.subject] : [])]);
    for (const code of codes)
      if (!ids.has(code)) issues.error(`unknown area code "${code}"`, seen.get(code), "area_code");
    // Refused here, not only when the group is saved, so the dry run gives the same verdict (the fuzz test found it).
    for (const code of await notAuthorityCodes(context.db, codes, ids))
      issues.error(
        `"${code}" is not an authority (a comparison group compares authorities)`,
        seen.get(code),
        "area_code",
      );
    if (opts.subject && !ids.has(opts.subject)) issues.error(`unknown subject area "${opts.subject}"`);
    if (codes.length === 0) issues.error("the file lists no areas");
    return {
      report: { ...report, areas: codes.length, counts: { members: codes.length } },
      total: codes.length,
      write: async (tx, { audit }) => {
        const { group } = await saveComparisonGroup(tx, audit, {
          partnershipId: context.partnershipId,
          name: opts.name,
          kind: opts.kind,
          subjectCode: opts.subject ?? null,
          memberCodes: codes,
          source: context.file.name,
        });
        return { valuesWritten: 0, valuesReplaced: 0, counts: { members: codes.length, groupCreated: group ? 1 : 0 } };
      },
    };
  },
});
