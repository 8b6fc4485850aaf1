/**
 * Northern Ireland Multiple Deprivation Measure (NIMDM 2017) results by Super Output Area
 * (2001 edition, 890) or Small Area (2011, 4,537), in NISRA's published layout
 * (nimdm-layout.ts). Northern Ireland's small areas are not in any lookup this service loads,
 * so the file itself is their geography: each SOA or Small Area is added (never renamed) in
 * the local government district (2014) its row gives, checked against the built-in districts.
 * An area already stored in another district is refused, not moved. Nothing is written until
 * every row is checked; areas, links and values are one transaction.
 */
import { z } from "zod";
import {
  areaIdsByCode,
  areasForMatching,
  authoritiesOfAreas,
  insertMissingAreas,
  linkParents,
  listAreaTypes,
  NI_SOA_CODE,
  normaliseAreaName,
} from "../../geography/index.ts";
import { indicatorOwnershipProblems, newIndicatorSlugs, writeObservationPlan } from "../../indicators/index.ts";
import { readNumberCell } from "../cells.ts";
import { CsvTable } from "../csv-table.ts";
import { defineImporter, type PrepareContext } from "../importer.ts";
import type { IssueList } from "../report.ts";
import { encodingOption } from "../run-import.ts";
import type { CsvRow } from "../source-file.ts";
import { isWorkbook, readTable } from "../spreadsheet.ts";
import { nimdmLayout, type NimdmLayout } from "./nimdm-layout.ts";
import { nimdmBuffer, nimdmIndicators, type NimdmRow } from "./nimdm-values.ts";

const SA_CODE = /^N00\d{6}$/;
const LGD_CODE = /^N09\d{6}$/;

const options = z.object({
  period: z.string().trim().min(1).optional(),
  release: z.coerce.number().int().min(2000).max(2100).default(2017),
  /** The workbook sheet (NISRA's workbooks put the ranks on "MDM"); CSV files have none. */
  sheet: z.string().trim().min(1).optional(),
  encoding: encodingOption,
});

const nothing = () => ({ valuesWritten: 0, valuesReplaced: 0 });

/** The workbook's "MDM" sheet when it has one, else the first; a CSV as it is. */
async function readRows(
  context: PrepareContext,
  sheet: string | undefined,
  encoding: z.output<typeof options>["encoding"],
): Promise<CsvRow[]> {
  if (sheet || !isWorkbook(context.file)) return readTable(context.file, { encoding, sheet });
  try {
    return await readTable(context.file, { sheet: "MDM" });
  } catch {
    return readTable(context.file, {});
  }
}

interface District {
  code: string;
  name: string;
}

/** The row's district from its code (or, in a file without codes, its name), or an error at its cell. */
function rowDistrict(
  layout: NimdmLayout,
  table: CsvTable,
  row: CsvRow,
  districts: { byCode: Map<string, District>; byName: Map<string, District> },
  issues: IssueList,
): District | null {
  const cell = (column: string | undefined) =>
    column === undefined ? "" : (row.cells[table.column(column)!] ?? "").trim();
  if (layout.lgdCodeColumn) {
    const code = cell(layout.lgdCodeColumn);
    if (code === "") {
      issues.error("the local government district (LGD2014) code is empty", row.line, layout.lgdCodeColumn);
      return null;
    }
    const known = districts.byCode.get(code);
    if (!known)
      issues.error(
        LGD_CODE.test(code)
          ? `"${code}" is not one of Northern Ireland's 11 local government districts (2014) in the stored geography`
          : `"${code}" is not a local government district (2014) code (N09000001 … N09000011)`,
        row.line,
        layout.lgdCodeColumn,
      );
    return known ?? null;
  }
  const name = cell(layout.lgdNameColumn);
  const known = districts.byName.get(normaliseAreaName(name));
  if (!known)
    issues.error(
      name === ""
        ? "the local government district (LGD2014) name is empty"
        : `"${name}" is not the name of one of Northern Ireland's 11 local government districts (2014)`,
      row.line,
      layout.lgdNameColumn,
    );
  return known ?? null;
}

export const nimdmImporter = defineImporter({
  kind: "nimdm",
  label: "Northern Ireland Multiple Deprivation Measure (NIMDM 2017): Super Output Area or Small Area results",
  scope: "official",
  optionsSchema: options,
  async prepare(context, opts) {
    const { issues } = context;
    const table = new CsvTable(await readRows(context, opts.sheet, opts.encoding));
    const report = { rowsRead: table.rows.length, preview: table.preview() };
    const layout = nimdmLayout(table);
    if (typeof layout === "string") {
      issues.error(layout, table.headerLine);
      return { report, total: 0, write: async () => nothing() };
    }
    if (!layout.lgdCodeColumn && !layout.lgdNameColumn)
      issues.error(
        'the file has no local government district column ("LGD2014code" or "LGD2014name"): each area is placed in its district from the file itself',
        table.headerLine,
      );
    table.checkRowLengths(issues);
    const stored = (await areasForMatching(context.db, ["local-authority"])).filter((a) => LGD_CODE.test(a.code));
    if (stored.length === 0)
      issues.error(
        "Northern Ireland's local government districts are not in the stored geography: run `cpah migrate`, which loads the built-in reference geography",
      );
    const districts = {
      byCode: new Map(stored.map((a) => [a.code, a])),
      byName: new Map(stored.map((a) => [normaliseAreaName(a.name), a])),
    };
    const isCode = layout.geography === "soa" ? (c: string) => NI_SOA_CODE.test(c) : (c: string) => SA_CODE.test(c);
    const example = layout.geography === "soa" ? "95AA01S1" : "N00000001";
    const codeIndex = table.column(layout.codeColumn)!;
    const seen = new Map<string, number>();
    const ranksSeen = layout.measures.map(() => new Map<number, number>());
    const rows: NimdmRow[] = [];
    for (const row of table.rows) {
      if (!issues.ok && issues.errorCount > 500) break;
      const code = (row.cells[codeIndex] ?? "").trim();
      if (code === "") {
        issues.error("the area code is empty", row.line, layout.codeColumn);
        continue;
      }
      if (!isCode(code)) {
        issues.error(
          `"${code.slice(0, 40)}" is not a Northern Ireland ${layout.geography === "soa" ? "super output area (2001)" : "small area (2011)"} code like ${example}`,
          row.line,
          layout.codeColumn,
        );
        continue;
      }
      const earlier = seen.get(code);
      if (earlier !== undefined) {
        issues.error(`duplicate row: area "${code}" is also on row ${earlier}`, row.line, layout.codeColumn);
        continue;
      }
      seen.set(code, row.line);
      const district = rowDistrict(layout, table, row, districts, issues);
      const values = layout.measures.map((measure, i) => {
        const cell = readNumberCell(row.cells[table.column(measure.column)!]);
        if (!cell.ok) {
          issues.error(cell.message, row.line, measure.column);
          return null;
        }
        if (measure.kind === "percentage") {
          if (cell.value !== null && (cell.value < 0 || cell.value > 100))
            issues.error(`${cell.value} is not a percentage (0 to 100)`, row.line, measure.column);
          return cell.value;
        }
        const rank = cell.value;
        if (rank === null || !Number.isInteger(rank) || rank < 1 || rank > layout.areaCount) {
          issues.error(
            rank === null
              ? "the rank is missing: NISRA ranks every area"
              : `${rank} is not a rank of the ${layout.areaCount.toLocaleString("en-GB")} areas NISRA ranks (a whole number from 1 to ${layout.areaCount})`,
            row.line,
            measure.column,
          );
          return null;
        }
        const before = ranksSeen[i]!.get(rank);
        if (before !== undefined)
          issues.error(`rank ${rank} is also on row ${before}: each area has its own rank`, row.line, measure.column);
        ranksSeen[i]!.set(rank, row.line);
        return rank;
      });
      const name = layout.nameColumn ? (row.cells[table.column(layout.nameColumn)!] ?? "").trim() : "";
      if (district) rows.push({ line: row.line, code, name: name || code, lgd: district.code, values });
    }
    if (seen.size > layout.areaCount)
      issues.error(
        `the file has ${seen.size.toLocaleString("en-GB")} areas, more than the ${layout.areaCount.toLocaleString("en-GB")} NISRA ranks`,
      );
    // An area already stored must be of this type and in the same district: the file never moves one.
    const known = await areaIdsByCode(context.db, [...seen.keys()]);
    const knownTypes = await listAreaTypes(context.db, [...known.values()]);
    const knownDistricts = await authoritiesOfAreas(context.db, [...known.values()]);
    const districtCodes = new Map(stored.map((a) => [a.id, a.code]));
    const type = layout.geography === "soa" ? "lsoa" : "small-area";
    for (const row of rows) {
      const id = known.get(row.code);
      if (id === undefined) continue;
      if (knownTypes.get(id) !== type)
        issues.error(`"${row.code}" is stored as a ${knownTypes.get(id)}, not a ${type}`, row.line, layout.codeColumn);
      const parents = (knownDistricts.get(id) ?? []).filter((p) => p !== id).map((p) => districtCodes.get(p));
      if (parents.length > 0 && !parents.includes(row.lgd))
        issues.error(
          `"${row.code}" is stored in ${parents.join(", ")}, but the file puts it in ${row.lgd}; an area is never moved by a results file`,
          row.line,
          layout.lgdCodeColumn ?? layout.lgdNameColumn,
        );
    }
    const indicators = nimdmIndicators(layout, opts.release);
    const drafts = [...indicators.published, ...indicators.deciles.values(), ...indicators.shares.values()];
    for (const problem of await indicatorOwnershipProblems(
      context.db,
      drafts.map((d) => d.slug),
      context.partnershipId,
    ))
      issues.error(problem);
    const fresh = await newIndicatorSlugs(
      context.db,
      drafts.map((d) => d.slug),
    );
    const complete = rows.length === layout.areaCount;
    if (issues.ok && !complete)
      issues.warn(
        `the file has ${rows.length.toLocaleString("en-GB")} of the ${layout.areaCount.toLocaleString("en-GB")} areas NISRA ranks: each area's deciles are imported, but no district's share in the most deprived 10% is worked out from an incomplete file`,
      );
    const period = opts.period ?? String(opts.release);
    const published = rows.length * layout.measures.length;
    const rankMeasures = indicators.deciles.size;
    const districtCount = new Set(rows.map((r) => r.lgd)).size;
    const total = published + rows.length * rankMeasures + (complete ? districtCount * rankMeasures : 0);
    return {
      report: {
        ...report,
        values: published,
        missingValues: rows.reduce((n, r) => n + r.values.filter((v) => v === null).length, 0),
        areas: rows.length,
        periods: [period],
        indicators: drafts.map((d) => ({ slug: d.slug, title: d.title, isNew: fresh.has(d.slug) })),
        counts: {
          newAreas: rows.filter((r) => !known.has(r.code)).length,
          districts: districtCount,
          derivedFromFile: total - published,
        },
      },
      total,
      write: async (tx, { batchId, progress }) => {
        const added = await insertMissingAreas(
          tx,
          rows.map((r) => ({
            code: r.code,
            name: r.name,
            type,
            nation: "northern-ireland",
            upperTier: false,
            lowerTier: false,
            startYear: null,
            endYear: null,
            vintages: [layout.geography === "soa" ? 2001 : 2011],
          })),
        );
        await linkParents(
          tx,
          rows
            .filter((r) => !known.has(r.code))
            .map((r) => ({ child: r.code, parent: r.lgd, relation: "local-authority" })),
        );
        const ids = await areaIdsByCode(tx, [...rows.map((r) => r.code), ...districts.byCode.keys()]);
        const buffer = nimdmBuffer(layout, indicators, rows, period, ids);
        const areaTypes = new Map<number, string>(rows.map((r) => [ids.get(r.code)!, type]));
        for (const code of districts.byCode.keys()) areaTypes.set(ids.get(code)!, "local-authority");
        const result = await writeObservationPlan(
          tx,
          { indicators: drafts, buffer, areaTypes, partnershipId: context.partnershipId },
          batchId,
          (done) => progress?.update(done),
        );
        return { valuesWritten: result.written, valuesReplaced: result.replaced, counts: { areasAdded: added } };
      },
    };
  },
});
