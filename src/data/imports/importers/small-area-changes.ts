import { z } from "zod";
import {
  type AreaInput,
  areaTypeOfCode,
  deriveSuccessorLinks,
  GSS_CODE,
  linkParents,
  nationOfCode,
  replaceSmallAreaChanges,
  upsertAreas,
} from "../../geography/index.ts";
import { timeSlicer } from "../../../kernel/db/arrays.ts";
import { CsvTable } from "../csv-table.ts";
import { defineImporter } from "../importer.ts";
import { encodingOption } from "../run-import.ts";
import { readCsv } from "../source-file.ts";
import { findLevel } from "./geography-lookups.ts";

const CHANGES = new Set(["U", "S", "M", "X"]);

/**
 * The ONS change file between two editions of LSOAs (LSOA11CD, LSOA11NM, LSOA21CD, LSOA21NM,
 * CHGIND, LAD22CD …): both editions' areas with their names and edition, the new edition linked
 * to its authority, and the best-fit changes (U unchanged, S split, M merged, X redrawn) that
 * comparisons across editions go through.
 */
export const lsoaChangesImporter = defineImporter({
  kind: "lsoa-changes",
  label: "ONS LSOA change file between editions (LSOA11CD, LSOA21CD, CHGIND, LAD22CD)",
  scope: "national",
  optionsSchema: z.object({ encoding: encodingOption }),
  async prepare(context, opts) {
    const { issues } = context;
    const table = new CsvTable(await readCsv(context.file, opts.encoding));
    const empty = { report: {}, total: 0, write: async () => ({ valuesWritten: 0, valuesReplaced: 0 }) };
    // Two LSOA code columns of different editions, each with its name column.
    const lsoas = table.header.flatMap((header) => {
      const m = /^lsoa(\d{2})cd$/i.exec(header.trim());
      if (!m) return [];
      const name = table.header.find((h) => h.trim().toLowerCase() === `lsoa${m[1]}nm`) ?? header;
      return [{ code: header, name, vintage: 2000 + Number(m[1]) }];
    });
    const [before, after] = lsoas.sort((a, b) => a.vintage - b.vintage);
    const lad = findLevel(table, ["lad", "ltla"]);
    const changeColumn = table.header.find((h) => /^chgind$/i.test(h.trim()));
    if (!before?.vintage || !after?.vintage || before.vintage === after.vintage || !changeColumn) {
      issues.error(
        "this is not an ONS LSOA change file: expected two LSOA code columns of different editions (LSOA11CD, LSOA21CD) and CHGIND",
        table.headerLine,
      );
      return empty;
    }
    const columns = table.require(
      [before.code, before.name, after.code, after.name, changeColumn, ...(lad ? [lad.code] : [])],
      issues,
    );
    table.checkRowLengths(issues);
    if (!columns) return empty;
    const old = new Map<string, AreaInput>();
    const fresh = new Map<string, AreaInput>();
    const pairs = new Map<string, { from: string; to: string; change: string; line: number }>();
    const links = new Map<string, string>();
    const area = (code: string, name: string, vintage: number): AreaInput => ({
      code,
      name: name || code,
      type: "lsoa",
      nation: nationOfCode(code),
      upperTier: false,
      lowerTier: false,
      startYear: null,
      endYear: null,
      vintages: [vintage],
    });
    const slice = timeSlicer();
    for (const row of table.rows) {
      await slice();
      const cell = (name: string) => (row.cells[columns.get(name)!] ?? "").trim();
      const from = cell(before.code);
      const to = cell(after.code);
      const change = cell(changeColumn).toUpperCase();
      let ok = true;
      for (const [code, column] of [
        [from, before.code],
        [to, after.code],
      ] as const) {
        if (!GSS_CODE.test(code) || areaTypeOfCode(code) !== "lsoa") {
          issues.error(`"${code}" is not an LSOA code`, row.line, column);
          ok = false;
        }
      }
      if (!CHANGES.has(change)) {
        issues.error(`"${change}" is not a change indicator (U, S, M or X)`, row.line, changeColumn);
        ok = false;
      }
      const authority = lad ? cell(lad.code) : "";
      if (lad && (!GSS_CODE.test(authority) || areaTypeOfCode(authority) !== "local-authority")) {
        issues.error(`"${authority}" is not a local authority code`, row.line, lad.code);
        ok = false;
      }
      if (!ok) continue;
      const key = `${from}|${to}`;
      const earlier = pairs.get(key);
      if (earlier) {
        issues.error(`duplicate row: ${from} → ${to} is also on row ${earlier.line}`, row.line);
        continue;
      }
      pairs.set(key, { from, to, change, line: row.line });
      old.set(from, area(from, cell(before.name), before.vintage));
      fresh.set(to, area(to, cell(after.name), after.vintage));
      if (authority) links.set(to, authority);
    }
    const counts = Object.fromEntries(
      [...CHANGES].map((c) => [`changed ${c}`, [...pairs.values()].filter((p) => p.change === c).length]),
    );
    return {
      report: {
        rowsRead: table.rows.length,
        areas: fresh.size,
        preview: table.preview(),
        counts: { [`LSOA (${before.vintage})`]: old.size, [`LSOA (${after.vintage})`]: fresh.size, ...counts },
      },
      total: pairs.size,
      write: async (tx) => {
        const written = await upsertAreas(tx, [...old.values(), ...fresh.values()]);
        const linked = await linkParents(
          tx,
          [...links].map(([child, parent]) => ({ child, parent, relation: "local-authority" })),
        );
        const changes = await replaceSmallAreaChanges(
          tx,
          [...pairs.values()].map((p) => ({ from: p.from, to: p.to, change: p.change })),
          before.vintage,
          after.vintage,
        );
        await deriveSuccessorLinks(tx);
        return { valuesWritten: 0, valuesReplaced: 0, counts: { areasWritten: written, parentLinks: linked, changes } };
      },
    };
  },
});
