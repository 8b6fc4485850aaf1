/**
 * How each import kind is recognised from the top of a file (file-sample.ts), for an upload or
 * `cpah import <file>` that does not say what the file is. Each test looks at the header the
 * importer itself requires, through the importer's own layout functions where it has them, and
 * answers in plain words why the file is that kind. The importer still checks everything.
 */
import { areaTypeOfCode, GSS_CODE } from "../geography/index.ts";
import type { CsvTable } from "./csv-table.ts";
import { anyTable, csvTable, type FileSample, topologyOf } from "./file-sample.ts";
import { iodLayout, iodRelease } from "./importers/deprivation-layouts.ts";
import { iodSummaryLayout } from "./importers/deprivation-summaries.ts";
import { nimdmLayout } from "./importers/nimdm-layout.ts";
import { LAYERS } from "./importers/geography-topology.ts";
import { findLevel } from "./importers/geography-lookups.ts";
import { simdLayout, wimdLayout } from "./importers/scotland-wales-layouts.ts";
import { smallAreaProperties } from "./importers/small-area-properties.ts";
import { isWimdSummary } from "./importers/wimd-summaries.ts";
import { readStatTable } from "./statxplore-table.ts";

type Recogniser = (sample: FileSample) => string | null;

const columns = (table: CsvTable, names: string[]) => names.map((name) => table.header[table.column(name)!]).join(", ");

/** The first column most of whose sampled values are GSS codes. */
function codeColumn(table: CsvTable): string | null {
  for (const [index, header] of table.header.entries()) {
    const cells = table.rows.map((row) => (row.cells[index] ?? "").trim()).filter(Boolean);
    if (cells.length > 0 && cells.filter((cell) => GSS_CODE.test(cell)).length / cells.length >= 0.8) return header;
  }
  return null;
}

function boundaries(type: "lsoa" | "msoa"): Recogniser {
  return (sample) => {
    const topology = topologyOf(sample);
    const [name, object] = Object.entries(topology?.objects ?? {})[0] ?? [];
    const properties = object?.geometries?.[0]?.properties ?? {};
    const found = smallAreaProperties(properties);
    if (!found || areaTypeOfCode(String(properties[found.code] ?? "")) !== type) return null;
    const what = type === "lsoa" ? "LSOA or data zone" : "MSOA or intermediate zone";
    return `TopoJSON of ${what} boundaries (property ${found.code}) in the object "${name}"`;
  };
}

/** In order of precedence: the most particular layouts first, the wide upload (any table of codes) last. */
export const RECOGNISERS: readonly (readonly [kind: string, recognise: Recogniser])[] = [
  [
    "lsoa-changes",
    (sample) => {
      const table = csvTable(sample);
      const editions = table?.header.filter((h) => /^lsoa\d{2}cd$/i.test(h.trim())) ?? [];
      return table?.has("chgind") && editions.length >= 2
        ? `ONS LSOA change file: ${editions.join(", ")} and CHGIND columns`
        : null;
    },
  ],
  [
    "code-changes",
    (sample) => {
      const table = csvTable(sample);
      return table?.has("oldcd") && table.has("newcd")
        ? `area code changes: ${columns(table, ["oldcd", "newcd"])} columns`
        : null;
    },
  ],
  [
    "ltla-lookup",
    (sample) => {
      const table = csvTable(sample);
      return table?.has("ltlacd") && (table.has("rgncd") || table.has("ctrycd"))
        ? `local authority lookup: ${columns(table, ["ltlacd", table.has("rgncd") ? "rgncd" : "ctrycd"])} columns`
        : null;
    },
  ],
  [
    "dz-lookup",
    (sample) => {
      const table = csvTable(sample);
      const dz = table && findLevel(table, ["dz", "datazone"]);
      return dz && (table.has("la_code") || table.has("hb_code"))
        ? `Scottish data zone lookup: ${dz.code} and council or health board code columns`
        : null;
    },
  ],
  [
    "lsoa-lookup",
    (sample) => {
      const table = csvTable(sample);
      const small = table && (findLevel(table, ["lsoa"]) ?? findLevel(table, ["msoa"]));
      const lad = table && findLevel(table, ["lad", "ltla"]);
      return small && lad ? `ONS small-area lookup: ${small.code} and ${lad.code} columns` : null;
    },
  ],
  [
    "geography-topology",
    (sample) => {
      const layers = Object.keys(topologyOf(sample)?.objects ?? {}).filter((name) => LAYERS[name]);
      return layers.length > 0 ? `TopoJSON of local authority boundaries with the layers ${layers.join(", ")}` : null;
    },
  ],
  ["lsoa-boundaries", boundaries("lsoa")],
  ["msoa-boundaries", boundaries("msoa")],
  [
    "neighbours",
    (sample) => {
      const json = sample.json;
      if (!json || typeof json !== "object" || Array.isArray(json) || topologyOf(sample)) return null;
      const entries = Object.entries(json).slice(0, 20);
      return entries.length > 0 && entries.every(([code, value]) => GSS_CODE.test(code) && Array.isArray(value))
        ? "JSON of neighbouring areas keyed by area code"
        : null;
    },
  ],
  [
    "iod",
    (sample) => {
      const table = csvTable(sample);
      if (!table) return null;
      const summary = iodSummaryLayout(table, undefined);
      if (typeof summary !== "string")
        return `English indices of deprivation, local authority summary (${summary.codeColumn})`;
      const layout = iodLayout(table, undefined);
      const edition = iodRelease(table, undefined);
      return typeof layout === "string" || !edition
        ? null
        : `English indices of deprivation ${edition.release} (LSOA ${edition.vintage}): ${layout.codeColumn} with ${layout.columns.length} measure columns`;
    },
  ],
  [
    "simd",
    (sample) => {
      const table = csvTable(sample);
      const layout = table && simdLayout(table, undefined);
      return layout && typeof layout !== "string"
        ? `Scottish Index of Multiple Deprivation: ${layout.codeColumn} with ${layout.columns.length} measure columns`
        : null;
    },
  ],
  [
    "wimd",
    (sample) => {
      const table = csvTable(sample);
      if (table && isWimdSummary(table))
        return `Welsh Index of Multiple Deprivation, local authority analysis (StatsWales download: ${columns(table, ["area code", "domain", "deprivation group"])} columns)`;
      const layout = table && wimdLayout(table, undefined);
      return layout && typeof layout !== "string"
        ? `Welsh Index of Multiple Deprivation: ${layout.codeColumn} and WIMD columns`
        : null;
    },
  ],
  [
    "nimdm",
    (sample) => {
      const table = anyTable(sample);
      const layout = table && nimdmLayout(table);
      if (!layout || typeof layout === "string") return null;
      const where = layout.geography === "soa" ? "Super Output Areas (2001)" : "Small Areas (2011)";
      return `Northern Ireland Multiple Deprivation Measure by ${where}: ${layout.codeColumn} with ${layout.measures.length} rank and percentage columns`;
    },
  ],
  [
    "tidy",
    (sample) => {
      const table = anyTable(sample);
      const required = ["area_code", "period", "indicator", "value"];
      return table && required.every((name) => table.has(name))
        ? `tidy long table: ${columns(table, required)} columns`
        : null;
    },
  ],
  [
    "statxplore",
    (sample) => {
      if (!csvTable(sample)) return null;
      const table = readStatTable(sample.rows);
      if (!table || table.periods.length === 0 || table.rows.length === 0) return null;
      // Stat-Xplore names its areas; a table keyed by codes is a wide file.
      const coded = table.rows.filter((row) => GSS_CODE.test(row.label.trim())).length;
      if (coded / table.rows.length > 0.5) return null;
      const periods = table.periods.map((period) => period.code);
      return `Stat-Xplore table: area names with ${periods.length === 1 ? "the period" : "periods"} ${periods.slice(0, 3).join(", ")}${periods.length > 3 ? " …" : ""}`;
    },
  ],
  [
    "comparison-group",
    (sample) => {
      const table = csvTable(sample);
      return table?.has("area_code") && !table.has("value") && table.header.length <= 4
        ? `a list of areas: ${columns(table, ["area_code"])} column`
        : null;
    },
  ],
  [
    "wide",
    (sample) => {
      const table = anyTable(sample);
      const code = table && table.header.length >= 2 ? codeColumn(table) : null;
      return code
        ? `a table of figures by area: codes in the column "${code}" and ${table!.header.length - 1} other columns to map`
        : null;
    },
  ],
];
