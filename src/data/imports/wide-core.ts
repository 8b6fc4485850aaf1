import { timeSlicer } from "../../kernel/db/arrays.ts";
import { areaIdsByCode, areaVintages, listAreaTypes } from "../geography/index.ts";
import {
  defineIndicator,
  FLAG,
  type IndicatorDefinition,
  type IndicatorDraft,
  indicatorOwnershipProblems,
  newIndicatorSlugs,
  ObservationBuffer,
  parsePeriod,
  writeObservationPlan,
} from "../indicators/index.ts";
import { periodMarkers, readNumberCell } from "./cells.ts";
import { NegativeCounts } from "./counts.ts";
import { draftProblem } from "./drafts.ts";
import type { CsvTable } from "./csv-table.ts";
import { cellOf } from "./fast-csv.ts";
import type { Prepared, PrepareContext } from "./importer.ts";
import type { CsvRow } from "./source-file.ts";
import { addParentTotals, noTotals } from "./parent-totals.ts";
import { addSmallAreaTotals, noSmallAreaTotals } from "./small-area-totals.ts";
import { smallAreaGeographyMissing } from "./geography-needs.ts";

export interface WideColumn {
  /** Header text of the value column. */
  column: string;
  indicator: IndicatorDraft;
  /** Columns holding this indicator's numerator/denominator, if the file has them. */
  numeratorColumn?: string | undefined;
  denominatorColumn?: string | undefined;
}

export interface WideSpec {
  codeColumn: string;
  /** The period of every row, unless `periodColumn` names a column holding each row's period. */
  period: string;
  periodColumn?: string | undefined;
  columns: WideColumn[];
  /** Area types the codes must be (e.g. only LSOAs for IoD files). */
  areaTypes?: readonly string[];
  /** The edition of the small-area geography the codes are from (2011, 2021): a code of another edition is refused. */
  vintage?: number | undefined;
  /**
   * Figures worked out from the file's own (ranks and deciles from scores …): pushed to the
   * buffer after the file is read, each with its indicator's definition saying how.
   */
  derive?: (
    buffer: ObservationBuffer,
    columns: readonly { column: string; ref: number; draft: IndicatorDefinition }[],
    context: PrepareContext,
  ) => Promise<{ indicators: IndicatorDefinition[]; values: number; areaTypes?: Map<number, string> }>;
}

/**
 * One row per area, one column per indicator: IoD and SIMD files and the generic `wide`
 * importer all come through here. Every cell is checked before anything is written.
 */
export async function prepareWide(context: PrepareContext, table: CsvTable, spec: WideSpec): Promise<Prepared> {
  const { issues } = context;
  const byColumn = Boolean(spec.periodColumn);
  const period = byColumn ? null : parsePeriod(periodMarkers(spec.period).text);
  const periodFlags = byColumn ? 0 : periodMarkers(spec.period).flags;
  if (!byColumn && !period) issues.error(`"${spec.period}" is not a period (use e.g. 2021/22, 2019, 2021 Q1, 2021-03)`);
  const needed = [
    spec.codeColumn,
    ...(spec.periodColumn ? [spec.periodColumn] : []),
    ...spec.columns.flatMap((c) => [c.column, c.numeratorColumn, c.denominatorColumn].filter((x): x is string => !!x)),
  ];
  const columns = table.require([...new Set(needed)], issues);
  table.checkRowLengths(issues);
  const report = { rowsRead: table.rows.length, preview: table.preview() };
  // Indicators made from header text (IoD, SIMD) or a mapping: refused at their column, never thrown.
  // Checked (by Zod) with the event loop given turns: a file of 30 indicator columns took 20 ms.
  const slice = timeSlicer();
  for (const c of spec.columns) {
    const problem = draftProblem(c.indicator);
    if (problem) issues.error(`the indicator for this column cannot be made: ${problem}`, table.headerLine, c.column);
    await slice();
  }
  if (!columns || (!byColumn && !period) || !issues.ok)
    return { report, total: 0, write: async () => ({ valuesWritten: 0, valuesReplaced: 0 }) };

  const codeIndex = columns.get(spec.codeColumn)!;
  const codes = new Array<string>(table.rows.length);
  for (let n = 0; n < table.rows.length; n++) {
    codes[n] = (table.cell(n, codeIndex) ?? "").trim();
    if ((n & 1023) === 1023) await slice();
  }
  const areaIds = await areaIdsByCode(context.db, codes);
  const areaTypes = await listAreaTypes(context.db, [...areaIds.values()]);
  const vintages = spec.vintage ? await areaVintages(context.db, [...areaIds.values()]) : new Map<number, number[]>();
  // Mostly unknown small-area codes: the geography is missing, not the file wrong. One message
  // says which and who loads it, instead of one error per row.
  const unknownCodes = codes.filter((code) => code !== "" && !areaIds.has(code));
  const missingGeography =
    unknownCodes.length > codes.length / 2 ? smallAreaGeographyMissing(unknownCodes, spec.vintage) : null;
  if (missingGeography) issues.error(missingGeography, table.headerLine, spec.codeColumn);
  const buffer = new ObservationBuffer();
  // The file's values, and room for what is worked out from them (ranks, totals) without a copy.
  await buffer.reserve(Math.ceil(table.rows.length * spec.columns.length * 1.125) + 4096);
  const periodIndex = spec.periodColumn ? columns.get(spec.periodColumn) : undefined;
  /** The row's period: the fixed one, or the row's cell (an error names row and column). */
  const rowPeriod = (row: CsvRow): { ref: number; code: string; flags: number } | null => {
    if (periodIndex === undefined)
      return { ref: buffer.periodRef(period!.code), code: period!.code, flags: periodFlags };
    const text = (cellOf(row, periodIndex) ?? "").trim();
    const marked = periodMarkers(text);
    const parsed = parsePeriod(marked.text);
    if (!parsed) {
      issues.error(
        text
          ? `"${text.slice(0, 40)}" is not a period (use e.g. 2021/22, 2019, 2021 Q1, 2021-03)`
          : "the period is empty",
        row.line,
        spec.periodColumn,
      );
      return null;
    }
    return { ref: buffer.periodRef(parsed.code), code: parsed.code, flags: marked.flags };
  };
  const definitions = [];
  for (const c of spec.columns) {
    definitions.push({
      ...c,
      ref: buffer.indicatorRef(c.indicator.slug),
      draft: defineIndicator(c.indicator),
      index: columns.get(c.column)!,
      numeratorIndex: c.numeratorColumn ? columns.get(c.numeratorColumn) : undefined,
      denominatorIndex: c.denominatorColumn ? columns.get(c.denominatorColumn) : undefined,
    });
    await slice();
  }
  const negatives = new NegativeCounts(issues);
  const extra = (row: CsvRow, index: number, name: string): number | null => {
    const read = readNumberCell(cellOf(row, index));
    if (!read.ok) issues.error(read.message, row.line, name);
    return read.ok && negatives.part(read.value, row.line, name) ? read.value : null;
  };
  const seen = new Map<string, number>();
  const seenAreas = new Set<string>();
  let missing = 0;
  let suppressed = 0;
  for (let n = 0; n < table.rows.length; n++) {
    const row = table.rows[n]!;
    const code = codes[n]!;
    if (code === "") {
      issues.error("the area code is empty", row.line, spec.codeColumn);
      continue;
    }
    const areaId = areaIds.get(code);
    if (areaId === undefined && missingGeography) continue;
    if (areaId === undefined) {
      issues.error(
        `unknown area code "${code}" (load the geography first, or check the code)`,
        row.line,
        spec.codeColumn,
      );
      continue;
    }
    const type = areaTypes.get(areaId);
    const editions = vintages.get(areaId) ?? [];
    if (spec.vintage && editions.length > 0 && !editions.includes(spec.vintage)) {
      issues.error(
        `"${code}" is a code of the ${editions.join(" and ")} small areas, not of ${spec.vintage}: this file is by the ${spec.vintage} edition, and a code of another edition is never taken for one of it`,
        row.line,
        spec.codeColumn,
      );
      continue;
    }
    if (spec.areaTypes && type && !spec.areaTypes.includes(type)) {
      issues.error(`"${code}" is a ${type}, expected ${spec.areaTypes.join(" or ")}`, row.line, spec.codeColumn);
      continue;
    }
    const when = rowPeriod(row);
    if (!when) continue;
    // One period for every row: the code itself is the key (no new string kept per row).
    const rowKey = byColumn ? `${code}|${when.code}` : code;
    const earlier = seen.get(rowKey);
    if (earlier !== undefined) {
      issues.error(
        `duplicate row: area "${code}"${byColumn ? ` in ${when.code}` : ""} is also on row ${earlier}`,
        row.line,
        spec.codeColumn,
      );
      continue;
    }
    seen.set(rowKey, row.line);
    seenAreas.add(code);
    for (const definition of definitions) {
      const cell = readNumberCell(cellOf(row, definition.index));
      if (!cell.ok) {
        issues.error(cell.message, row.line, definition.column);
        continue;
      }
      negatives.value(definition.draft.slug, cell.value, row.line, definition.column);
      if (cell.flags & FLAG.missing) missing++;
      if (cell.flags & FLAG.suppressed) suppressed++;
      buffer.push({
        indicator: definition.ref,
        period: when.ref,
        area: areaId,
        value: cell.value,
        numerator:
          definition.numeratorIndex === undefined
            ? null
            : extra(row, definition.numeratorIndex, definition.numeratorColumn!),
        denominator:
          definition.denominatorIndex === undefined
            ? null
            : extra(row, definition.denominatorIndex, definition.denominatorColumn!),
        flags: cell.flags | when.flags,
      });
    }
    // Awaited only when due: an await of nothing is still a promise and a resumption per row.
    const turn = slice();
    if (turn) await turn;
  }
  await negatives.check(context.db, new Map(definitions.map((d) => [d.draft.slug, d.draft.unit])));
  for (const problem of await indicatorOwnershipProblems(
    context.db,
    definitions.map((d) => d.draft.slug),
    context.partnershipId,
  ))
    issues.error(problem);
  const fileValues = buffer.length;
  const derived = issues.ok && spec.derive ? await spec.derive(buffer, definitions, context) : null;
  const drafts = [...definitions.map((d) => d.draft), ...(derived?.indicators ?? [])];
  for (const [id, type] of derived?.areaTypes ?? []) areaTypes.set(id, type);
  const fresh = await newIndicatorSlugs(
    context.db,
    drafts.map((d) => d.slug),
  );
  // Small areas add up to their authorities; authorities (the file's or those) to counties, regions and nations.
  const fromSmall = issues.ok
    ? await addSmallAreaTotals(context.db, buffer, drafts, issues, areaTypes)
    : noSmallAreaTotals();
  for (const [id, type] of fromSmall.authorityTypes) areaTypes.set(id, type);
  const totals = issues.ok ? await addParentTotals(context.db, buffer, drafts, issues, new Map(areaTypes)) : noTotals();
  for (const [id, type] of totals.parentTypes) areaTypes.set(id, type);
  return {
    report: {
      ...report,
      values: fileValues,
      missingValues: missing,
      suppressedValues: suppressed,
      areas: seenAreas.size,
      periods: buffer.periodCodes
        .map((code) => parsePeriod(code)!)
        .sort((a, b) => a.sortKey - b.sortKey)
        .map((p) => p.code),
      indicators: drafts.map((d) => ({ slug: d.slug, title: d.title, isNew: fresh.has(d.slug) })),
      counts: {
        totalsCalculated: totals.calculated,
        totalsNotCalculated: totals.notCalculated,
        derivedFromFile: derived?.values ?? 0,
        derivedFromSmallAreas: fromSmall.calculated,
        notDerivedFromSmallAreas: fromSmall.notCalculated,
      },
    },
    total: buffer.length,
    buffer,
    write: async (tx, { batchId, progress }) => {
      const result = await writeObservationPlan(
        tx,
        { indicators: drafts, buffer, areaTypes, partnershipId: context.partnershipId },
        batchId,
        (done) => progress?.update(done),
      );
      return { valuesWritten: result.written, valuesReplaced: result.replaced };
    },
  };
}
