import { z } from "zod";
import { indicatorDraftSchema } from "../../indicators/index.ts";
import { slugify } from "../cells.ts";
import { CsvTable } from "../csv-table.ts";
import { defineImporter } from "../importer.ts";
import { encodingOption } from "../run-import.ts";
import { readTable } from "../spreadsheet.ts";
import { prepareWide } from "../wide-core.ts";

/**
 * The column mapping: which column holds area codes and, for each value column, the
 * indicator it feeds. Given as JSON on the CLI (--mapping file.json) or built by the upload page.
 */
export const wideMappingSchema = z
  .object({
    codeColumn: z.string().min(1),
    /** The period of every row; or leave it empty and name the column holding each row's period. */
    period: z.string().default(""),
    periodColumn: z.string().min(1).optional(),
    columns: z
      .array(
        z.object({
          column: z.string().min(1),
          indicator: indicatorDraftSchema.partial({ slug: true, title: true }).extend({ slug: z.string().optional() }),
          numeratorColumn: z.string().optional(),
          denominatorColumn: z.string().optional(),
        }),
      )
      .min(1, "map at least one value column"),
  })
  .refine((m) => m.period !== "" || m.periodColumn, {
    message: "give the period, or the column that holds each row's period",
    path: ["period"],
  });

export const wideImporter = defineImporter({
  kind: "wide",
  label: "Wide CSV (one row per area, one column per indicator) with a column mapping",
  scope: "partnership",
  optionsSchema: z.object({ mapping: wideMappingSchema, encoding: encodingOption, sheet: z.string().optional() }),
  async prepare(context, opts) {
    const table = new CsvTable(await readTable(context.file, { encoding: opts.encoding, sheet: opts.sheet }));
    const columns = opts.mapping.columns.map((entry) => {
      const title = entry.indicator.title ?? entry.column;
      return {
        ...entry,
        indicator: {
          ...entry.indicator,
          title,
          slug: entry.indicator.slug ?? slugify(title),
          disclosureRule: entry.indicator.disclosureRule ?? ("small-count" as const),
        },
      };
    });
    return prepareWide(context, table, {
      codeColumn: opts.mapping.codeColumn,
      period: opts.mapping.period,
      periodColumn: opts.mapping.periodColumn,
      columns,
    });
  },
});
