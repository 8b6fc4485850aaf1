import { z } from "zod";
import { CsvTable } from "../csv-table.ts";
import { defineImporter } from "../importer.ts";
import { encodingOption } from "../run-import.ts";
import { readCsv } from "../source-file.ts";
import { prepareLookup } from "./lookup-core.ts";

const options = z.object({ encoding: encodingOption });

/** LTLA (2014 codes) → county, metropolitan county, combined authority, region, country. */
export const ltlaLookupImporter = defineImporter({
  kind: "ltla-lookup",
  label: "Local authority lookup (ltlacd, ctycd, mctycd, cauthcd, rgncd, ctrycd)",
  scope: "national",
  optionsSchema: options,
  async prepare(context, opts) {
    const table = new CsvTable(await readCsv(context.file, opts.encoding));
    return prepareLookup(context, table, {
      levels: [
        { code: "ltlacd", name: "ltlanm", authoritative: false },
        { code: "ctycd", name: "ctynm", authoritative: false },
        { code: "mctycd", name: "mctynm", authoritative: false },
        { code: "cauthcd", name: "cauthnm", authoritative: false },
        { code: "rgncd", name: "rgnnm", authoritative: false },
        { code: "ctrycd", name: "ctrynm", authoritative: false },
      ],
      links: [
        [0, 1],
        [0, 2],
        [0, 3],
        [0, 4],
        [0, 5],
        [1, 4],
        [4, 5],
      ],
      keyLevel: 0,
    });
  },
});

/** LSOA (2011) → ward (2019) → local authority district (2019), England and Wales. */
export const lsoaLookupImporter = defineImporter({
  kind: "lsoa-lookup",
  label: "LSOA → ward → local authority lookup (LSOA11CD, WD19CD, LAD19CD)",
  scope: "national",
  optionsSchema: options,
  async prepare(context, opts) {
    const table = new CsvTable(await readCsv(context.file, opts.encoding));
    const ward = ["WD19CD", "WD20CD", "WD21CD", "WD22CD", "WD23CD"].find((c) => table.has(c)) ?? "WD19CD";
    const lad = ["LAD19CD", "LAD20CD", "LAD21CD", "LAD22CD", "LAD23CD"].find((c) => table.has(c)) ?? "LAD19CD";
    return prepareLookup(context, table, {
      levels: [
        { code: "LSOA11CD", name: "LSOA11NM", authoritative: true },
        { code: ward, name: ward.replace(/CD$/, "NM"), authoritative: true },
        { code: lad, name: lad.replace(/CD$/, "NM"), authoritative: false },
      ],
      links: [
        [0, 1],
        [0, 2],
        [1, 2],
      ],
      keyLevel: 0,
    });
  },
});

/** Scottish data zone (2011) → intermediate zone, multi-member ward, council, health board. */
export const dzLookupImporter = defineImporter({
  kind: "dz-lookup",
  label: "Scottish data zone lookup (DZ2011_Code, IZ2011_Code, MMWard_Code, LA_Code, HB_Code)",
  scope: "national",
  optionsSchema: options,
  async prepare(context, opts) {
    const table = new CsvTable(await readCsv(context.file, opts.encoding));
    return prepareLookup(context, table, {
      levels: [
        { code: "DZ2011_Code", name: "DZ2011_Name", authoritative: true },
        { code: "IZ2011_Code", name: "IZ2011_Name", authoritative: true },
        { code: "MMWard_Code", name: "MMWard_Name", authoritative: true },
        { code: "LA_Code", name: "LA_Name", authoritative: false },
        { code: "HB_Code", name: "HB_Name", authoritative: true },
      ],
      links: [
        [0, 1],
        [0, 2],
        [0, 3],
        [0, 4],
        [1, 3],
        [2, 3],
        [3, 4],
      ],
      keyLevel: 0,
    });
  },
});
