import { z } from "zod";
import { areaIdsByCode, listAreaTypes } from "../../geography/index.ts";
import {
  defineIndicator,
  FLAG,
  findIndicator,
  type IndicatorDefinition,
  indicatorOwnershipProblems,
  newIndicatorSlugs,
  ObservationBuffer,
  parsePeriod,
  units,
  writeObservationPlan,
} from "../../indicators/index.ts";
import { periodMarkers, readNumberCell, slugify } from "../cells.ts";
import { NegativeCounts } from "../counts.ts";
import { draftProblem } from "../drafts.ts";
import { CsvTable } from "../csv-table.ts";
import { defineImporter } from "../importer.ts";
import { addParentTotals, noTotals } from "../parent-totals.ts";
import { addSmallAreaTotals, noSmallAreaTotals } from "../small-area-totals.ts";
import { encodingOption } from "../run-import.ts";
import { readTable } from "../spreadsheet.ts";

const FLAG_WORDS: Record<string, number> = {
  p: FLAG.provisional,
  provisional: FLAG.provisional,
  s: FLAG.suppressed,
  suppressed: FLAG.suppressed,
  c: FLAG.suppressed,
  e: FLAG.estimated,
  estimated: FLAG.estimated,
  r: FLAG.revised,
  revised: FLAG.revised,
};

const OPTIONAL = ["numerator", "denominator", "ci_lower", "ci_upper"] as const;

function unitOf(measure: string): (typeof units)[number] {
  const text = measure.trim().toLowerCase();
  if (text.startsWith("percent") || text === "%") return "percentage";
  if (text.startsWith("rate")) return "rate";
  if (text.startsWith("count") || text === "number") return "count";
  return (units as readonly string[]).includes(text) ? (text as (typeof units)[number]) : "score";
}

/** Long CSV: area_code, period, indicator, value [, numerator, denominator, ci_lower, ci_upper, flag, breakdown, area_name, measure, unit]. */
export const tidyImporter = defineImporter({
  kind: "tidy",
  label: "Tidy long CSV (area_code, period, indicator, value …)",
  scope: "partnership",
  optionsSchema: z.object({
    encoding: encodingOption,
    /** A workbook (.xlsx or .xls): the sheet to read (name or 1-based number); the first by default. */
    sheet: z.string().optional(),
    publisher: z.string().max(200).default(""),
    dataset: z.string().max(300).default(""),
    sourceUrl: z
      .union([z.httpUrl({ error: "must be a web address starting https:// (or http://)" }), z.literal("")])
      .default(""),
    /** Locally held data gets the small-count rule unless it is already-published official statistics. */
    disclosure: z.enum(["none", "small-count"]).default("small-count"),
  }),
  async prepare(context, opts) {
    const { issues } = context;
    const table = new CsvTable(await readTable(context.file, { encoding: opts.encoding, sheet: opts.sheet }));
    const report = { rowsRead: table.rows.length, preview: table.preview() };
    const columns = table.require(["area_code", "period", "indicator", "value"], issues);
    table.checkRowLengths(issues);
    if (!columns) return { report, total: 0, write: async () => ({ valuesWritten: 0, valuesReplaced: 0 }) };
    const at = (name: string) => table.column(name);
    const cell = (cells: string[], name: string) => {
      const index = at(name);
      return index === undefined ? "" : (cells[index] ?? "").trim();
    };
    const areaIds = await areaIdsByCode(
      context.db,
      table.rows.map((row) => cell(row.cells, "area_code")),
    );
    const areaTypes = await listAreaTypes(context.db, [...areaIds.values()]);
    const buffer = new ObservationBuffer();
    await buffer.reserve(table.rows.length);
    const definitions = new Map<string, IndicatorDefinition>();
    const seen = new Map<string, number>();
    const negatives = new NegativeCounts(issues);
    /** Indicators the file names but that cannot be defined (reported once, at their first row). */
    const undefinable = new Set<string>();
    let missing = 0;
    let suppressed = 0;
    for (const row of table.rows) {
      const code = cell(row.cells, "area_code");
      const areaId = areaIds.get(code);
      if (areaId === undefined)
        issues.error(code ? `unknown area code "${code}"` : "the area code is empty", row.line, "area_code");
      const periodText = periodMarkers(cell(row.cells, "period"));
      const period = parsePeriod(periodText.text);
      if (!period)
        issues.error(
          `"${cell(row.cells, "period")}" is not a period (e.g. 2021/22, 2021, 2021 Q1, 2021-03)`,
          row.line,
          "period",
        );
      const label = cell(row.cells, "indicator");
      const measure = cell(row.cells, "measure");
      if (!label) issues.error("the indicator is empty", row.line, "indicator");
      const isSlug = /^[a-z0-9]+(-[a-z0-9]+)*$/.test(label);
      const slug = isSlug ? label : slugify(measure ? `${label} ${measure}` : label);
      if (label && !definitions.has(slug) && !undefinable.has(slug)) {
        const existing = isSlug ? await findIndicator(context.db, slug) : undefined;
        const draft = {
          slug,
          title: existing?.title ?? (measure ? `${label} (${measure.toLowerCase()})` : label),
          unit: unitOf(measure || cell(row.cells, "unit_of_measure")),
          publisher: opts.publisher,
          dataset: opts.dataset,
          sourceUrl: opts.sourceUrl,
          disclosureRule: opts.disclosure,
        };
        const problem = draftProblem(draft);
        if (problem) {
          issues.error(`the indicator "${label}" cannot be made: ${problem}`, row.line, "indicator");
          undefinable.add(slug);
        } else definitions.set(slug, defineIndicator(draft));
      }
      const value = readNumberCell(cell(row.cells, "value"));
      if (!value.ok) issues.error(value.message, row.line, "value");
      else if (label) negatives.value(slug, value.value, row.line, "value");
      const extras: Record<string, number | null> = {};
      for (const name of OPTIONAL) {
        if (at(name) === undefined) continue;
        const read = readNumberCell(cell(row.cells, name));
        if (!read.ok) issues.error(read.message, row.line, name);
        else if (name === "numerator" || name === "denominator") negatives.part(read.value, row.line, name);
        extras[name] = read.ok ? read.value : null;
      }
      let flags = periodText.flags | (value.ok ? value.flags : 0);
      for (const word of cell(row.cells, at("flags") === undefined ? "flag" : "flags")
        .toLowerCase()
        .split(/[\s;,|]+/)
        .filter(Boolean)) {
        const bit = FLAG_WORDS[word];
        if (bit === undefined)
          issues.error(`unknown flag "${word}" (use provisional, suppressed, estimated, revised)`, row.line, "flag");
        else flags |= bit;
      }
      const breakdownText = cell(row.cells, "breakdown");
      const [dimension, breakdownValue] = breakdownText.includes(":")
        ? breakdownText.split(/:(.*)/s).map((s) => s.trim())
        : ["breakdown", breakdownText];
      if (areaId === undefined || !period || !value.ok || !label || undefinable.has(slug)) continue;
      const key = `${slug}|${period.code}|${areaId}|${breakdownText}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        issues.error(`duplicate row: ${code}, ${period.code}, "${label}" is also on row ${earlier}`, row.line);
        continue;
      }
      seen.set(key, row.line);
      if (flags & FLAG.missing) missing++;
      if (flags & FLAG.suppressed) suppressed++;
      buffer.push({
        indicator: buffer.indicatorRef(slug),
        period: buffer.periodRef(period.code),
        breakdown: buffer.breakdownRef(dimension ?? "breakdown", breakdownValue ?? ""),
        area: areaId,
        value: value.value,
        numerator: extras.numerator ?? null,
        denominator: extras.denominator ?? null,
        ciLower: extras.ci_lower ?? null,
        ciUpper: extras.ci_upper ?? null,
        flags,
      });
    }
    await negatives.check(context.db, new Map([...definitions].map(([slug, d]) => [slug, d.unit])));
    for (const problem of await indicatorOwnershipProblems(context.db, [...definitions.keys()], context.partnershipId))
      issues.error(problem);
    const fresh = await newIndicatorSlugs(context.db, [...definitions.keys()]);
    const fileValues = buffer.length;
    const fromSmall = issues.ok
      ? await addSmallAreaTotals(context.db, buffer, [...definitions.values()], issues, areaTypes)
      : noSmallAreaTotals();
    for (const [id, type] of fromSmall.authorityTypes) areaTypes.set(id, type);
    const totals = issues.ok
      ? await addParentTotals(context.db, buffer, [...definitions.values()], issues, new Map(areaTypes))
      : noTotals();
    for (const [id, type] of totals.parentTypes) areaTypes.set(id, type);
    const periodsSorted = buffer.periodCodes.map((code) => parsePeriod(code)!).sort((a, b) => a.sortKey - b.sortKey);
    return {
      report: {
        ...report,
        values: fileValues,
        missingValues: missing,
        suppressedValues: suppressed,
        areas: new Set(buffer.area).size,
        periods: periodsSorted.map((p) => p.code),
        indicators: [...definitions.values()].map((d) => ({ slug: d.slug, title: d.title, isNew: fresh.has(d.slug) })),
        counts: {
          totalsCalculated: totals.calculated,
          totalsNotCalculated: totals.notCalculated,
          derivedFromSmallAreas: fromSmall.calculated,
          notDerivedFromSmallAreas: fromSmall.notCalculated,
        },
      },
      total: buffer.length,
      buffer,
      write: async (tx, { batchId, progress }) => {
        const result = await writeObservationPlan(
          tx,
          { indicators: [...definitions.values()], buffer, areaTypes, partnershipId: context.partnershipId },
          batchId,
          (done) => progress?.update(done),
        );
        return { valuesWritten: result.written, valuesReplaced: result.replaced };
      },
    };
  },
});
