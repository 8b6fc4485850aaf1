import { z } from "zod";
import { areaTypeLabels, insertAliases, normaliseAreaName } from "../../geography/index.ts";
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
import { NAMED_AREA_TYPES, resolveAreaNames } from "../area-names.ts";
import { excerpt, readNumberCell } from "../cells.ts";
import { NegativeCounts } from "../counts.ts";
import { defineImporter } from "../importer.ts";
import { addParentTotals, noTotals } from "../parent-totals.ts";
import { encodingOption } from "../run-import.ts";
import { readCsv } from "../source-file.ts";
import { readStatTable } from "../statxplore-table.ts";
import { missingGeographyHint } from "./statxplore-hints.ts";

/** Rows in Stat-Xplore tables that are not areas. */
const NOT_AREAS: Record<string, string> = {
  total: "totals row",
  unknown: "area not known to DWP",
  "column total": "totals row",
};

const areaType = z.enum(NAMED_AREA_TYPES);

export const statxploreOptions = z.object({
  indicator: z
    .string({
      error:
        "give the identifier of the indicator this file counts (a Stat-Xplore export does not say it): an existing one adds to it, a new one adds an indicator",
    })
    .regex(
      /^[a-z0-9]+(-[a-z0-9]+)*$/,
      "the indicator identifier must be lower-case words joined by hyphens, like children-relative-low-income",
    ),
  title: z.string().trim().min(1).max(300, "the indicator title must be 300 characters or fewer").optional(),
  unit: z.enum(units).default("count"),
  publisher: z.string().default("Department for Work and Pensions"),
  /** The Stat-Xplore dataset; by default the export's own title row. */
  dataset: z.string().trim().max(300).optional(),
  sourceUrl: z
    .union([z.httpUrl({ error: "must be a web address starting https:// (or http://)" }), z.literal("")])
    .default("https://stat-xplore.dwp.gov.uk/"),
  encoding: encodingOption,
  /** The geography the rows are at; by default the type most rows' names belong to. */
  areaType: areaType.optional(),
  /** Other types the file also has rows for (e.g. regions as subtotals); never assumed. */
  extraTypes: z.array(areaType).default([]),
  /** Resolutions for names that did not match: label → GSS code. Remembered for next time. */
  aliases: z.record(z.string(), z.string().regex(/^[EKNSW]\d{8}$/, "must be a GSS code")).default({}),
  /** Import the matched areas and leave unmatched names out (they stay in the report). */
  skipUnmatched: z.boolean().default(false),
});

const typeLabel = (type: string) => ((areaTypeLabels as Record<string, string>)[type] ?? type).toLowerCase();

/** Stat-Xplore table exports as downloaded: title rows, period columns with "(p)", "Annotations" columns, names without codes. */
export const statxploreImporter = defineImporter({
  kind: "statxplore",
  label: "Stat-Xplore CSV export (area names without codes, any geography and period)",
  scope: "partnership",
  officialStatistics: true,
  optionsSchema: statxploreOptions,
  askedOptions: [
    {
      option: "indicator",
      label: "Indicator identifier",
      hint: "Lower-case words joined by hyphens, for example children-relative-low-income. An identifier already in the catalogue adds these figures to that indicator; a new one adds an indicator",
    },
    {
      option: "title",
      label: "Indicator title (for a new indicator)",
      hint: "What people will read, for example Children in relative low income families",
    },
    {
      option: "dataset",
      label: "Stat-Xplore dataset (optional)",
      hint: "The dataset the table was made from, as Stat-Xplore names it, for example Children in Low Income Families: Local Area Statistics. It is recorded as the figures' source",
    },
  ],
  async prepare(context, opts) {
    const { issues, db } = context;
    const csv = await readCsv(context.file, opts.encoding);
    const table = readStatTable(csv);
    if (!table || table.periods.length === 0) {
      issues.error(
        "no header row with periods (e.g. 2021/22, 2023 Q1, June 2023) was found: is this a Stat-Xplore table exported as CSV?",
        1,
      );
      return {
        report: { rowsRead: csv.length },
        total: 0,
        write: async () => ({ valuesWritten: 0, valuesReplaced: 0 }),
      };
    }
    const latest = table.periods.reduce((a, b) => (b.sortKey > a.sortKey ? b : a));
    const year = periodYear(parsePeriod(latest.code)!);
    const skippedRows = table.headings.map((h) => ({ row: h.row, label: h.label, reason: "heading or footnote row" }));
    const areaRows = table.rows.filter((row) => {
      const notArea = NOT_AREAS[row.label.toLowerCase()];
      if (notArea) skippedRows.push({ row: row.line, label: row.label, reason: notArea });
      return !notArea;
    });
    skippedRows.sort((a, b) => a.row - b.row);
    const names = await resolveAreaNames(db, areaRows, {
      year,
      areaType: opts.areaType,
      extraTypes: opts.extraTypes,
      aliases: opts.aliases,
    });
    for (const problem of names.givenCodeProblems) issues.error(problem);
    const fileType = typeLabel(names.areaType);
    if (names.decidedBy === "none" && areaRows.length > 0) {
      issues.error(
        missingGeographyHint(areaRows.map((r) => r.label)) ??
          "no row names an area the hub knows, at any geography: check that this is an export by area",
        table.headerLine,
      );
    } else {
      const hint =
        names.problems.length > areaRows.length / 2 ? missingGeographyHint(names.problems.map((p) => p.name)) : null;
      if (hint) issues.error(hint, table.headerLine);
      for (const problem of names.problems) {
        if (opts.skipUnmatched) continue;
        const choices = problem.candidates.map((c) => c.code).join(", ");
        const message =
          problem.status === "other-type"
            ? `"${problem.name}" is not a ${fileType} name; it is ${problem.candidates.map((c) => c.name).join(", ")}. This file is by ${fileType}, so a value is never written to another type: leave the row out, or choose the file's geography`
            : problem.status === "ambiguous"
              ? `area name "${problem.name}" is ambiguous (${choices}); choose its area code to import it`
              : `area name "${problem.name}" is not matched to any ${fileType}; choose its area code to import it`;
        issues.error(message, problem.row, table.header[0]);
      }
    }

    const existing = await findIndicator(db, opts.indicator);
    if (!existing && !opts.title)
      issues.optionError("title", `"${opts.indicator}" is a new indicator: give it a title, as people will read it`);
    // A title row longer than a dataset name may be is cut (it crashed the import: found by the fuzz test).
    const dataset = opts.dataset || excerpt(table.titleLines[0] ?? "", 299);
    if (!dataset && !existing)
      issues.optionWarning(
        "dataset",
        "the export has no title row naming its Stat-Xplore dataset: give the dataset (for example Children in Low Income Families), so the figures' source is recorded",
      );
    const draft = defineIndicator({
      slug: opts.indicator,
      title: existing?.title ?? opts.title ?? opts.indicator,
      definition: excerpt([...table.titleLines, table.dimension].filter(Boolean).join(" — "), 4999),
      unit: opts.unit,
      publisher: opts.publisher,
      dataset: dataset || "Stat-Xplore export (dataset not stated in the file)",
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
    const periodRefs = table.periods.map((p) => buffer.periodRef(p.code));
    const areaTypes = new Map<number, string>();
    const seen = new Map<number, number>();
    let missing = 0;
    let suppressed = 0;
    for (const row of areaRows) {
      const hit = names.matched.get(row.line);
      if (!hit) continue;
      const area = hit.area;
      const earlier = seen.get(area.id);
      if (earlier !== undefined) {
        issues.error(`duplicate row: "${row.label}" is the same area (${area.code}) as row ${earlier}`, row.line);
        continue;
      }
      seen.set(area.id, row.line);
      areaTypes.set(area.id, area.type);
      table.periods.forEach((period, i) => {
        const where = table.locate(row, i);
        if (row.cells[i] === undefined) {
          issues.error("the row ends early (is the file truncated?)", where.line, where.column);
          return;
        }
        const cell = readNumberCell(row.cells[i]);
        if (!cell.ok) {
          issues.error(cell.message, where.line, where.column);
          return;
        }
        negatives.value(draft.slug, cell.value, where.line, where.column);
        if (cell.flags & FLAG.missing) missing++;
        if (cell.flags & FLAG.suppressed) suppressed++;
        buffer.push({
          indicator: ref,
          period: periodRefs[i]!,
          area: area.id,
          value: cell.value,
          flags: cell.flags | period.flags,
        });
      });
    }
    for (const column of table.annotated) issues.warn(`annotations in "${column}" were not imported`);
    await negatives.check(db, new Map([[draft.slug, draft.unit]]));
    for (const problem of await indicatorOwnershipProblems(context.db, [draft.slug], context.partnershipId))
      issues.error(problem);
    const fresh = await newIndicatorSlugs(db, [draft.slug]);
    const fileValues = buffer.length;
    const units = [
      { slug: draft.slug, unit: existing?.unit ?? draft.unit, ratePer: existing?.ratePer ?? draft.ratePer },
    ];
    // The file's authorities add up to counties, regions and nations. Its small areas are not
    // added up to authorities: an export writes only the types it is at (issue 12, defect 2),
    // and Stat-Xplore perturbs every cell for disclosure control, so a sum of small areas is
    // not the authority's figure (Stat-Xplore publishes that in the export by local authority).
    const totals = issues.ok ? await addParentTotals(db, buffer, units, issues, new Map(areaTypes)) : noTotals();
    for (const [id, type] of totals.parentTypes) areaTypes.set(id, type);
    const byPosition = [...names.matched.values()].filter((m) => m.via === "position").length;
    return {
      report: {
        rowsRead: table.rows.length,
        skippedRows,
        nameProblems: names.problems,
        values: fileValues,
        missingValues: missing,
        suppressedValues: suppressed,
        areas: seen.size,
        periods: [...table.periods].sort((a, b) => a.sortKey - b.sortKey).map((p) => p.code),
        indicators: [{ slug: draft.slug, title: draft.title, isNew: fresh.has(draft.slug) }],
        preview: {
          columns: table.header,
          rows: csv
            .slice(csv.findIndex((r) => r.line === table.headerLine) + 1)
            .slice(0, 10)
            .map((r) => r.cells),
        },
        geography: {
          areaType: names.areaType,
          label: (areaTypeLabels as Record<string, string>)[names.areaType] ?? names.areaType,
          decidedBy: names.decidedBy,
          dimension: table.dimension,
          typeCounts: names.typeCounts,
        },
        dataset: draft.dataset,
        counts: {
          matchedNames: seen.size,
          matchedByPosition: byPosition,
          unmatchedNames: names.problems.length,
          titleRows: table.titleLines.length,
          totalsCalculated: totals.calculated,
          totalsNotCalculated: totals.notCalculated,
        },
      },
      total: buffer.length,
      buffer,
      write: async (tx, { batchId, progress, audit }) => {
        await insertAliases(
          tx,
          names.newAliases.map((alias) => ({
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
          counts: { aliasesRemembered: names.newAliases.length },
        };
      },
    };
  },
});
