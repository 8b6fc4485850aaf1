import { timeSlicer } from "../../../kernel/db/arrays.ts";
import { z } from "zod";
import { defineIndicator, FLAG, type IndicatorDefinition, type ObservationBuffer } from "../../indicators/index.ts";
import { CsvTable } from "../csv-table.ts";
import { defineImporter, type PrepareContext } from "../importer.ts";
import { encodingOption } from "../run-import.ts";
import { readCsv } from "../source-file.ts";
import { prepareWide, type WideSpec } from "../wide-core.ts";
import { type DerivedColumn, decileByShare, decileShares, ranksFromScores, wimdDecile } from "./deprivation-derived.ts";
import { iodLayout } from "./deprivation-layouts.ts";
import { iodSummaryLayout } from "./deprivation-summaries.ts";
import { simdLayout, wimdLayout } from "./scotland-wales-layouts.ts";
import { isWimdSummary, keepMarks, wimdSummary } from "./wimd-summaries.ts";

const options = z.object({
  period: z.string().trim().min(1).optional(),
  /** The edition, when the file's columns do not tell it (IoD 2015/2019/2025, WIMD 2019 …). */
  release: z.coerce.number().int().min(2000).max(2100).optional(),
  encoding: encodingOption,
});

function rejected() {
  return { report: {}, total: 0, write: async () => ({ valuesWritten: 0, valuesReplaced: 0 }) };
}

const isDecile = (c: DerivedColumn) => c.draft.unit === "decile" && c.draft.slug.endsWith("-decile");

/** The share of each authority's small areas in the most deprived 10%, for every decile column. */
function withShares(spec: WideSpec, smallAreas: string): WideSpec {
  return {
    ...spec,
    derive: async (buffer, columns, context) => decileShares(buffer, columns.filter(isDecile), context, smallAreas),
  };
}

/** English indices of deprivation (2015, 2019, 2025): LSOA Files 1–7, the underlying indicators, the local authority summaries. */
export const iodImporter = defineImporter({
  kind: "iod",
  label: "English Indices of Deprivation (IoD 2015, 2019 or 2025): LSOA files, indicators, local authority summaries",
  scope: "official",
  optionsSchema: options,
  async prepare(context, opts) {
    const table = new CsvTable(await readCsv(context.file, opts.encoding, { lazy: true }));
    const summary = iodSummaryLayout(table, opts.period, opts.release);
    const spec = typeof summary === "string" ? iodLayout(table, opts.period, opts.release) : summary;
    if (typeof spec === "string") {
      context.issues.error(spec, table.headerLine);
      return rejected();
    }
    return prepareWide(context, table, typeof summary === "string" ? withShares(spec, "LSOAs") : spec);
  },
});

/** A decile from each rank, when the file has ranks but no deciles (SIMD 2016's ranks file): ⌈10 × rank ÷ n⌉. */
async function decilesFromRank(buffer: ObservationBuffer, rank: DerivedColumn, edition: string, wales = false) {
  const decile = defineIndicator({
    ...rank.draft,
    slug: rank.draft.slug.replace(/-rank$/, "-decile"),
    title: rank.draft.title.replace(/rank/i, "decile"),
    definition: wales
      ? `The LSOA's decile of ${rank.draft.title} (1 = the most deprived 10%), worked out from the published rank: decile k holds ranks up to ⌈k × number of LSOAs ÷ 10⌉, as WIMD ${edition} groups them (the most deprived 10% are ranks 1 - 191 of 1,909).`
      : `The data zone's decile of ${rank.draft.title} (1 = the most deprived 10%), worked out from the published rank: decile = ⌈10 × rank ÷ number of data zones⌉, as SIMD ${edition} defines its deciles.`,
    unit: "decile",
  });
  const decileOf = wales ? wimdDecile : decileByShare;
  const rows: number[] = [];
  // The file's rows through views taken once: the deciles pushed below are never read here.
  const { indicator, period, area } = buffer;
  const slice = timeSlicer();
  for (let i = 0; i < indicator.length; i++) {
    if (indicator[i] === rank.ref && buffer.at("value", i) !== null) rows.push(i);
    if ((i & 4095) === 4095) await slice();
  }
  const ref = buffer.indicatorRef(decile.slug);
  // Room made first, a column per turn: a push past the buffer's end copies every column at once.
  await buffer.reserve(rows.length);
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    buffer.push({
      indicator: ref,
      period: period[i]!,
      area: area[i]!,
      value: decileOf(buffer.at("value", i)!, rows.length),
      flags: FLAG.derived | FLAG.fromScores,
    });
    // Awaited only when due (an await per row is garbage of its own).
    if ((k & 255) === 255) await slice();
  }
  return { decile, ref };
}

/** Scottish Index of Multiple Deprivation (2016, 2020, 2020v2): ranks file and indicators file; each column keeps its edition. */
export const simdImporter = defineImporter({
  kind: "simd",
  label: "Scottish Index of Multiple Deprivation (SIMD 2016, 2020, 2020v2): ranks file or indicators file",
  scope: "official",
  optionsSchema: options.extend({
    edition: z
      .string()
      .regex(/^\d{4}(v\d+)?$/, "like 2020v2")
      .optional(),
  }),
  async prepare(context, opts) {
    const table = new CsvTable(await readCsv(context.file, opts.encoding, { lazy: true }));
    const spec = simdLayout(table, opts.period, opts.edition);
    if (typeof spec === "string") {
      context.issues.error(spec, table.headerLine);
      return rejected();
    }
    return prepareWide(context, table, {
      ...spec,
      derive: async (buffer, columns, ctx) => {
        const extra: IndicatorDefinition[] = [];
        let values = 0;
        const deciles = columns.filter(isDecile);
        const overall = columns.find((c) => /^simd\d{4}(v\d+)?-rank$/.test(c.draft.slug));
        if (deciles.length === 0 && overall) {
          const made = await decilesFromRank(buffer, overall, overall.draft.slug.slice(4, -5));
          extra.push(made.decile);
          deciles.push({ column: "", ref: made.ref, draft: made.decile });
          values += buffer.length;
        }
        const shares = await decileShares(buffer, deciles, ctx, "data zones");
        return {
          indicators: [...extra, ...shares.indicators],
          values: values + shares.values,
          areaTypes: shares.areaTypes,
        };
      },
    });
  },
});

/** Welsh Index of Multiple Deprivation (2019 and later) by LSOA: scores (ranks and deciles worked out) or ranks. */
export const wimdImporter = defineImporter({
  kind: "wimd",
  label: "Welsh Index of Multiple Deprivation (WIMD 2019 or later): scores or ranks by LSOA, local authority analysis",
  scope: "official",
  optionsSchema: options,
  async prepare(context: PrepareContext, opts) {
    const table = new CsvTable(await readCsv(context.file, opts.encoding, { lazy: true }));
    if (isWimdSummary(table)) {
      const summary = wimdSummary(table, { ...opts, fileName: context.file.name }, context.issues);
      if (typeof summary === "string") context.issues.error(summary, table.headerLine);
      if (typeof summary === "string" || !context.issues.ok) return rejected();
      const prepared = await prepareWide(context, summary.table, { ...summary.spec, derive: keepMarks(summary.marks) });
      // The preview shows the file as uploaded, not its one-row-per-authority pivot.
      return { ...prepared, report: { ...prepared.report, rowsRead: table.rows.length, preview: table.preview() } };
    }
    const spec = wimdLayout(table, opts.period, opts.release);
    if (typeof spec === "string") {
      context.issues.error(spec, table.headerLine);
      return rejected();
    }
    return prepareWide(context, table, {
      ...spec,
      derive: async (buffer, columns, ctx) => {
        const made: IndicatorDefinition[] = [];
        const deciles: DerivedColumn[] = [];
        let values = 0;
        // A rank and a decile for every score (a decile for every rank): room for all of them at once.
        await buffer.reserve((spec.ranks ? 1 : 2) * buffer.length + 4096);
        for (const column of columns) {
          const stem = column.draft.slug.replace(/-(score|rank)$/, "");
          const cut =
            "decile k holds ranks up to ⌈k × number of LSOAs ÷ 10⌉, as the Welsh Government groups them (the most deprived 10% are ranks 1 - 191 of 1,909)";
          const method = spec.ranks
            ? `worked out from the published rank: ${cut}`
            : `worked out from the published scores (one decimal place): rank 1 is the highest score, ties share a rank (so LSOAs tied at a band's edge all fall in the more deprived band); ${cut}`;
          const decile = defineIndicator({
            ...column.draft,
            slug: `${stem}-decile`,
            title: column.draft.title.replace(/ (score|rank)$/, " decile"),
            definition: `The LSOA's decile in Wales (1 = the most deprived 10%), ${method}. The published ranks file gives the official ranks.`,
            unit: "decile",
            polarity: "higher-is-better",
          });
          if (spec.ranks) {
            const ranked = await decilesFromRank(buffer, column, String(spec.release), true);
            made.push(ranked.decile);
            if (stem.endsWith(String(spec.release)))
              deciles.push({ column: "", ref: ranked.ref, draft: ranked.decile });
            continue;
          }
          const rank = defineIndicator({
            ...column.draft,
            slug: `${stem}-rank`,
            title: column.draft.title.replace(/ score$/, " rank"),
            definition: `The LSOA's rank in Wales (1 = the most deprived), ${method}.`,
            unit: "rank",
            polarity: "higher-is-better",
          });
          values += await ranksFromScores(buffer, column, { rank, decile }, wimdDecile);
          made.push(rank, decile);
          // The share in the most deprived 10% is of the overall index.
          if (stem === `wimd${spec.release}`)
            deciles.push({ column: "", ref: buffer.indicatorRef(decile.slug), draft: decile });
        }
        const shares = await decileShares(buffer, deciles, ctx, "LSOAs");
        return {
          indicators: [...made, ...shares.indicators],
          values: values + shares.values,
          areaTypes: shares.areaTypes,
        };
      },
    });
  },
});
