import { z } from "zod";
import { CsvTable as Table, normaliseHeader } from "../csv-table.ts";
import { defineImporter } from "../importer.ts";
import { encodingOption } from "../run-import.ts";
import { readCsv } from "../source-file.ts";
import { type LookupLevel, prepareLookup } from "./lookup-core.ts";

const options = z.object({ encoding: encodingOption });

/** LTLA (2014 codes) → county, metropolitan county, combined authority, region, country. */
export const ltlaLookupImporter = defineImporter({
  kind: "ltla-lookup",
  label: "Local authority lookup (ltlacd, ctycd, mctycd, cauthcd, rgncd, ctrycd)",
  scope: "national",
  optionsSchema: options,
  async prepare(context, opts) {
    const table = new Table(await readCsv(context.file, opts.encoding));
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

/** A column holding codes of one entity and edition, with its name column: LSOA21CD / LSOA21NM, DZ2011_Code / DZ2011_Name. */
interface Found {
  code: string;
  name: string;
  vintage: number | undefined;
}

function fullYear(digits: string | undefined): number | undefined {
  if (!digits) return undefined;
  return digits.length === 4 ? Number(digits) : 2000 + Number(digits);
}

/** The first column matching one of the entity stems (ONS "LSOA21CD", NRS "DZ2011_Code", "DataZone2022"). */
export function findLevel(table: Table, stems: readonly string[]): Found | null {
  for (const header of table.header) {
    const key = normaliseHeader(header);
    for (const stem of stems) {
      const m = new RegExp(`^${stem}(\\d{2}|\\d{4})?(cd|_code|code)?$`, "i").exec(key);
      if (!m || (!m[2] && stem.length <= 4)) continue;
      // Compared as normaliseHeader leaves them (lower case): "IZ2011_Code" → "iz2011_name", "LSOA11CD" → "lsoa11nm".
      const base = key.replace(/(cd|_code|code)$/, "");
      const name =
        table.header.find((h) => [`${base}nm`, `${base}_name`, `${base}name`].includes(normaliseHeader(h))) ?? header;
      return { code: header, name, vintage: fullYear(m[1]) };
    }
  }
  return null;
}

/**
 * ONS small-area lookups of any edition, England and Wales: LSOA11CD or LSOA21CD, with any of
 * MSOA, ward (WD19CD, WD23CD …) and authority (LAD19CD, LAD23CD …) columns; an output-area
 * lookup (OA21CD first) has a row per output area and is read per LSOA. Each small area and
 * ward is recorded with its edition (2011, 2021; ward 2019, 2023 …).
 */
export const lsoaLookupImporter = defineImporter({
  kind: "lsoa-lookup",
  label: "ONS small-area lookup: LSOA (2011 or 2021) → MSOA, ward, local authority (e.g. LSOA11CD, WD19CD, LAD19CD)",
  scope: "national",
  optionsSchema: options,
  async prepare(context, opts) {
    const table = new Table(await readCsv(context.file, opts.encoding));
    const found = {
      lsoa: findLevel(table, ["lsoa"]),
      msoa: findLevel(table, ["msoa"]),
      ward: findLevel(table, ["wd", "ward"]),
      lad: findLevel(table, ["lad", "ltla"]),
    };
    const key = found.lsoa ?? found.msoa;
    if (!key || !found.lad) {
      const message =
        "this is not an ONS small-area lookup this importer knows: expected an LSOA or MSOA code column (LSOA11CD, LSOA21CD …) and a local authority code column (LAD19CD, LAD23CD …)";
      context.issues.error(message, table.headerLine);
      return { report: {}, total: 0, write: async () => ({ valuesWritten: 0, valuesReplaced: 0 }) };
    }
    const levels: LookupLevel[] = [];
    const index: Record<string, number> = {};
    for (const [name, level] of Object.entries(found)) {
      if (!level) continue;
      index[name] = levels.length;
      levels.push({
        code: level.code,
        name: level.name,
        authoritative: name !== "lad",
        vintage: name === "lad" ? undefined : level.vintage,
      });
    }
    const links: [number, number][] = [];
    const from = found.lsoa ? index.lsoa! : index.msoa!;
    for (const parent of ["msoa", "ward", "lad"])
      if (index[parent] !== undefined && index[parent] !== from) links.push([from, index[parent]!]);
    if (index.ward !== undefined) links.push([index.ward, index.lad!]);
    if (found.lsoa && index.msoa !== undefined) links.push([index.msoa, index.lad!]);
    return prepareLookup(context, table, {
      levels,
      links,
      keyLevel: from,
      // Output-area lookups repeat each LSOA; so do MSOA-keyed files without LSOAs repeat nothing.
      repeatsAllowed: table.header.some((h) => /^oa\d{2}cd$/i.test(normaliseHeader(h))),
    });
  },
});

/**
 * Scottish data zone lookup (NRS, published in Windows-1252): data zone (2011 or 2022) →
 * intermediate zone, multi-member ward, council, health board.
 */
export const dzLookupImporter = defineImporter({
  kind: "dz-lookup",
  label: "Scottish data zone lookup (DZ2011_Code or 2022, IZ, MMWard_Code, LA_Code, HB_Code)",
  scope: "national",
  optionsSchema: options,
  async prepare(context, opts) {
    const table = new Table(await readCsv(context.file, opts.encoding));
    const dz = findLevel(table, ["dz", "datazone"]);
    const iz = findLevel(table, ["iz", "intzone", "interzone"]);
    const vintage = dz?.vintage ?? iz?.vintage;
    const level = (code: string, name: string, authoritative: boolean, dated: boolean): LookupLevel => ({
      code,
      name,
      authoritative,
      vintage: dated ? vintage : undefined,
    });
    return prepareLookup(context, table, {
      levels: [
        level(dz?.code ?? "DZ2011_Code", dz?.name ?? "DZ2011_Name", true, true),
        level(iz?.code ?? "IZ2011_Code", iz?.name ?? "IZ2011_Name", true, true),
        level("MMWard_Code", "MMWard_Name", true, false),
        level("LA_Code", "LA_Name", false, false),
        level("HB_Code", "HB_Name", true, false),
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
