import { z } from "zod";
import {
  areaIdsByCode,
  areasForMatching,
  buildNameIndex,
  insertAliases,
  listAliases,
  matchAreaName,
  normaliseAreaName,
} from "../../geography/index.ts";
import {
  defineIndicator,
  FLAG,
  findIndicator,
  indicatorOwnershipProblems,
  newIndicatorSlugs,
  ObservationBuffer,
  parsePeriod,
  periodYear,
  units,
  writeObservationPlan,
} from "../../indicators/index.ts";
import { periodMarkers, readNumberCell } from "../cells.ts";
import { NegativeCounts } from "../counts.ts";
import { defineImporter } from "../importer.ts";
import type { NameProblem } from "../report.ts";
import { addParentTotals, noTotals } from "../parent-totals.ts";
import { encodingOption } from "../run-import.ts";
import { readCsv } from "../source-file.ts";

const MATCH_TYPES = ["local-authority", "county", "region", "nation", "uk", "health-board", "combined-authority"];
/** Rows in Stat-Xplore tables that are not areas. */
const NOT_AREAS: Record<string, string> = {
  total: "totals row",
  unknown: "area not known to DWP",
  "column total": "totals row",
};

export const statxploreOptions = z.object({
  indicator: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a slug like children-relative-low-income"),
  title: z.string().trim().min(1).max(300).optional(),
  unit: z.enum(units).default("count"),
  publisher: z.string().default("Department for Work and Pensions"),
  dataset: z.string().default("Children in low income families (Stat-Xplore)"),
  sourceUrl: z
    .union([z.httpUrl({ error: "must be a web address starting https:// (or http://)" }), z.literal("")])
    .default("https://stat-xplore.dwp.gov.uk/"),
  encoding: encodingOption,
  /** Resolutions for names that did not match: label → GSS code. Remembered for next time. */
  aliases: z.record(z.string(), z.string().regex(/^[EKNSW]\d{8}$/, "must be a GSS code")).default({}),
  /** Import the matched areas and leave unmatched names out (they stay in the report). */
  skipUnmatched: z.boolean().default(false),
});

/** Stat-Xplore table exports as downloaded: title rows, period columns with "(p)", "Annotations" columns, names without codes. */
export const statxploreImporter = defineImporter({
  kind: "statxplore",
  label: "Stat-Xplore CSV export (area names without codes)",
  scope: "partnership",
  optionsSchema: statxploreOptions,
  async prepare(context, opts) {
    const { issues, db } = context;
    const rows = await readCsv(context.file, opts.encoding);
    const headerIndex = rows.findIndex(
      (row) => row.cells.slice(1).filter((cell) => parsePeriod(periodMarkers(cell).text)).length >= 1,
    );
    if (headerIndex < 0) {
      issues.error(
        "no header row with periods (e.g. 2021/22) was found: is this a Stat-Xplore table exported as CSV?",
        1,
      );
      return {
        report: { rowsRead: rows.length },
        total: 0,
        write: async () => ({ valuesWritten: 0, valuesReplaced: 0 }),
      };
    }
    const header = rows[headerIndex]!;
    const titleLines = rows
      .slice(0, headerIndex)
      .map((row) => row.cells.filter(Boolean).join(" "))
      .filter(Boolean);
    const periodColumns = header.cells
      .map((cell, index) => ({ index, cell, marked: periodMarkers(cell) }))
      .filter((c) => c.index > 0 && !/annotations?$/i.test(c.cell.trim()))
      .map((c) => ({ ...c, period: parsePeriod(c.marked.text) }))
      .filter((c) => c.period !== null);
    const annotationColumns = header.cells
      .map((cell, index) => ({ cell, index }))
      .filter((c) => /annotations?$/i.test(c.cell.trim()));
    const latest = periodColumns.reduce((a, b) => (b.period!.sortKey > a.period!.sortKey ? b : a));
    const year = periodYear(latest.period!);

    const candidates = await areasForMatching(db, MATCH_TYPES);
    if (candidates.length === 0) {
      issues.error(
        "no local authorities are loaded yet, so no names can be matched: import the geography first (cpah import all-shared, or geography-topology)",
      );
      return {
        report: { rowsRead: rows.length },
        total: 0,
        write: async () => ({ valuesWritten: 0, valuesReplaced: 0 }),
      };
    }
    const index = buildNameIndex(candidates, await listAliases(db));
    const given = await areaIdsByCode(db, Object.values(opts.aliases));
    for (const [name, code] of Object.entries(opts.aliases))
      if (!given.has(code)) issues.error(`the area code "${code}" given for "${name}" is not known`);
    const byCode = new Map(candidates.map((c) => [c.code, c]));
    const existing = await findIndicator(db, opts.indicator);
    if (!existing && !opts.title) issues.error(`"${opts.indicator}" is a new indicator: give it a title`);
    const draft = defineIndicator({
      slug: opts.indicator,
      title: existing?.title ?? opts.title ?? opts.indicator,
      definition: titleLines.join(" — "),
      unit: opts.unit,
      publisher: opts.publisher,
      dataset: opts.dataset,
      sourceUrl: opts.sourceUrl,
      polarity: "higher-is-worse",
      tags: {
        drivers: ["income-from-social-security", "income-from-employment"],
        buildingBlocks: ["financial-support"],
      },
    });

    const buffer = new ObservationBuffer();
    const negatives = new NegativeCounts(issues);
    const ref = buffer.indicatorRef(draft.slug);
    const periodRefs = periodColumns.map((c) => buffer.periodRef(c.period!.code));
    const areaTypes = new Map<number, string>();
    const nameProblems: NameProblem[] = [];
    const skippedRows: { row: number; label: string; reason: string }[] = [];
    const newAliases: { name: string; areaId: number }[] = [];
    const seen = new Map<number, number>();
    let missing = 0;
    let suppressed = 0;
    let dataRows = 0;
    for (const row of rows.slice(headerIndex + 1)) {
      const label = (row.cells[0] ?? "").trim();
      const rest = row.cells.slice(1).filter((cell) => cell.trim() !== "");
      if (label === "" && rest.length === 0) continue;
      if (rest.length === 0) {
        skippedRows.push({ row: row.line, label, reason: "heading or footnote row" });
        continue;
      }
      dataRows++;
      const notArea = NOT_AREAS[label.toLowerCase()];
      if (notArea) {
        skippedRows.push({ row: row.line, label, reason: notArea });
        continue;
      }
      const resolvedCode = opts.aliases[label];
      const match = resolvedCode
        ? { status: "matched" as const, area: byCode.get(resolvedCode) }
        : matchAreaName(index, label, year);
      if (match.status === "matched" && resolvedCode && match.area)
        newAliases.push({ name: label, areaId: match.area.id });
      if (match.status !== "matched" || !match.area) {
        const status = match.status === "ambiguous" ? "ambiguous" : "unmatched";
        const options = match.status === "ambiguous" ? match.candidates : [];
        nameProblems.push({
          name: label,
          row: row.line,
          status,
          candidates: options.map((c) => ({ code: c.code, name: c.name })),
        });
        if (!opts.skipUnmatched && !(resolvedCode && !given.has(resolvedCode))) {
          issues.error(
            `area name "${label}" is ${status === "ambiguous" ? `ambiguous (${options.map((c) => c.code).join(", ")})` : "not matched to any area"}; choose its area code to import it`,
            row.line,
            header.cells[0],
          );
        }
        continue;
      }
      const area = match.area;
      const earlier = seen.get(area.id);
      if (earlier !== undefined) {
        issues.error(`duplicate row: "${label}" is the same area (${area.code}) as row ${earlier}`, row.line);
        continue;
      }
      seen.set(area.id, row.line);
      areaTypes.set(area.id, area.type);
      periodColumns.forEach((column, i) => {
        if (column.index >= row.cells.length) {
          issues.error("the row ends early (is the file truncated?)", row.line, column.cell);
          return;
        }
        const cell = readNumberCell(row.cells[column.index]);
        if (!cell.ok) {
          issues.error(cell.message, row.line, column.cell);
          return;
        }
        negatives.value(draft.slug, cell.value, row.line, column.cell);
        if (cell.flags & FLAG.missing) missing++;
        if (cell.flags & FLAG.suppressed) suppressed++;
        buffer.push({
          indicator: ref,
          period: periodRefs[i]!,
          area: area.id,
          value: cell.value,
          flags: cell.flags | column.marked.flags,
        });
      });
    }
    const annotated = annotationColumns.filter((c) =>
      rows.slice(headerIndex + 1).some((row) => (row.cells[c.index] ?? "").trim() !== ""),
    );
    for (const column of annotated) issues.warn(`annotations in "${column.cell}" were not imported`);
    await negatives.check(db, new Map([[draft.slug, draft.unit]]));
    for (const problem of await indicatorOwnershipProblems(context.db, [draft.slug], context.partnershipId))
      issues.error(problem);
    const fresh = await newIndicatorSlugs(db, [draft.slug]);
    const fileValues = buffer.length;
    const totals = issues.ok
      ? await addParentTotals(
          db,
          buffer,
          [{ slug: draft.slug, unit: existing?.unit ?? draft.unit, ratePer: existing?.ratePer ?? draft.ratePer }],
          issues,
          new Map(areaTypes),
        )
      : noTotals();
    for (const [id, type] of totals.parentTypes) areaTypes.set(id, type);
    return {
      report: {
        rowsRead: dataRows,
        skippedRows,
        nameProblems,
        values: fileValues,
        missingValues: missing,
        suppressedValues: suppressed,
        areas: seen.size,
        periods: periodColumns.map((c) => c.period!.code),
        indicators: [{ slug: draft.slug, title: draft.title, isNew: fresh.has(draft.slug) }],
        preview: { columns: header.cells, rows: rows.slice(headerIndex + 1, headerIndex + 11).map((row) => row.cells) },
        counts: {
          matchedNames: seen.size,
          unmatchedNames: nameProblems.length,
          titleRows: headerIndex,
          totalsCalculated: totals.calculated,
          totalsNotCalculated: totals.notCalculated,
        },
      },
      total: buffer.length,
      write: async (tx, { batchId, progress, audit }) => {
        await insertAliases(
          tx,
          newAliases.map((alias) => ({
            normalisedName: normaliseAreaName(alias.name),
            name: alias.name,
            areaId: alias.areaId,
            source: "statxplore",
            createdBy: audit.actorLabel,
          })),
        );
        const result = await writeObservationPlan(
          tx,
          { indicators: [draft], buffer, areaTypes, partnershipId: context.partnershipId },
          batchId,
          (done) => progress?.update(done),
        );
        return {
          valuesWritten: result.written,
          valuesReplaced: result.replaced,
          counts: { aliasesRemembered: newAliases.length },
        };
      },
    };
  },
});
