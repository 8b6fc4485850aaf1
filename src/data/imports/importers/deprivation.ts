import { z } from "zod";
import { CsvTable } from "../csv-table.ts";
import { defineImporter } from "../importer.ts";
import { encodingOption } from "../run-import.ts";
import { readCsv } from "../source-file.ts";
import { prepareWide } from "../wide-core.ts";
import { iodLayout, simdLayout } from "./deprivation-layouts.ts";

const options = z.object({
  period: z.string().trim().min(1).optional(),
  encoding: encodingOption,
});

function rejected(message: string) {
  return { report: {}, total: 0, write: async () => ({ valuesWritten: 0, valuesReplaced: 0 }), message };
}

/** English Indices of Deprivation 2019: File 3-style ranks/deciles, File 6 denominators, the indicators file. */
export const iodImporter = defineImporter({
  kind: "iod",
  label: "English Indices of Deprivation (IoD2019) file",
  scope: "official",
  optionsSchema: options,
  async prepare(context, opts) {
    const table = new CsvTable(await readCsv(context.file, opts.encoding));
    const spec = iodLayout(table, opts.period);
    if (typeof spec === "string") {
      context.issues.error(spec, table.headerLine);
      return rejected(spec);
    }
    return prepareWide(context, table, spec);
  },
});

/** Scottish Index of Multiple Deprivation 2020v2: ranks file and indicators file. */
export const simdImporter = defineImporter({
  kind: "simd",
  label: "Scottish Index of Multiple Deprivation (SIMD) file",
  scope: "official",
  optionsSchema: options,
  async prepare(context, opts) {
    const table = new CsvTable(await readCsv(context.file, opts.encoding));
    const spec = simdLayout(table, opts.period);
    if (typeof spec === "string") {
      context.issues.error(spec, table.headerLine);
      return rejected(spec);
    }
    return prepareWide(context, table, spec);
  },
});
