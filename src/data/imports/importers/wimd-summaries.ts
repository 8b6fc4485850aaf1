/**
 * The Welsh index's local authority analysis, as StatsWales publishes it for download: one long
 * table, a row per area × domain × deprivation group × data description.
 *
 * Layout, from the published tables (not invented):
 * - the columns "Data values", "Data description", "Area code", "Area name", "Domain",
 *   "Deprivation group" of StatsWales' "Download this table" CSV (e.g. "Welsh Index of Multiple
 *   Deprivation (WIMD) 2019 built up area deprivation profiles", stats.gov.wales);
 * - the groups "Total LSOAs", "Most deprived 10% LSOAs in Wales (ranks 1 - 191)", … 20% (ranks
 *   1 - 382), 30% (1 - 573), 50% (1 - 955), the descriptions "Number" and "Percentage", and the
 *   domains "WIMD", "Income", "Employment" …: the same in those profiles and in the WIMD 2019 and
 *   WIMD 2014 "Local Authority Analysis" tables (statswales.gov.wales, Welsh Index of Multiple
 *   Deprivation catalogue), by local authority and area code.
 *
 * Each authority's share of its LSOAs in each most deprived group, per domain, is stored as a
 * proportion with the published counts as numerator and denominator. The 10% share of the
 * overall index is the indicator the scores importer works out from the LSOAs
 * (deprivation-derived.ts), so the published figure takes its place. The file does not name its
 * edition (2014 and 2019 share the 1,909 LSOAs and so their rank bands): it comes from the
 * uploader, a "Year" column, or the file name.
 */
import { areaIdsByCode } from "../../geography/index.ts";
import { FLAG, type IndicatorDraft } from "../../indicators/index.ts";
import { boundedSlug, periodMarkers, readNumberCell, slugify } from "../cells.ts";
import { CsvTable } from "../csv-table.ts";
import type { IssueList } from "../report.ts";
import type { CsvRow } from "../source-file.ts";
import type { WideColumn, WideSpec } from "../wide-core.ts";
import { OGL } from "./deprivation-layouts.ts";
import { shareSlug } from "./deprivation-derived.ts";

const COLUMNS = ["Data values", "Data description", "Area code", "Domain", "Deprivation group"] as const;
const GROUP = /^most deprived (\d{1,2})% lsoas in wales(?: \(ranks 1 ?- ?([\d,]+)\))?$/i;
const TOTAL = /^total lsoas$/i;

/** True when the header is StatsWales' long download with deprivation groups. */
export function isWimdSummary(table: CsvTable): boolean {
  return COLUMNS.every((name) => table.has(name));
}

/** "WIMD" → the overall index (""); "Access to Services" → "access-to-services-". */
const domainPart = (domain: string) => (/^wimd\b/i.test(domain.trim()) ? "" : `${slugify(domain.trim())}-`);

export interface WimdSummary {
  /** One row per area (its first line in the file), one column per measure. */
  table: CsvTable;
  spec: WideSpec;
  /** Revision or provisional markers of the published cells, by area code and slug. */
  marks: Map<string, number>;
}

/** The edition: stated, else a "Year" column, else a year in the file's name. */
function editionOf(table: CsvTable, given: number | undefined, fileName: string): number | null {
  if (given) return given;
  const year = table.column("Year");
  const cell = year === undefined ? undefined : table.rows[0]?.cells[year]?.trim();
  if (cell && /^\d{4}$/.test(cell)) return Number(cell);
  const named = /(?:^|[^\d])(20\d{2})(?:[^\d]|$)/.exec(fileName);
  return named ? Number(named[1]) : null;
}

/**
 * Pivots the long table into one row per area. Cells are read here, each error at its own line
 * and column; nothing is worked out but the share = count ÷ total LSOAs, as published.
 */
export function wimdSummary(
  table: CsvTable,
  opts: { period?: string | undefined; release?: number | undefined; fileName: string },
  issues: IssueList,
): WimdSummary | string {
  if (!isWimdSummary(table))
    return 'this is not a WIMD local authority analysis this importer knows: expected the StatsWales columns "Data values", "Data description", "Area code", "Domain" and "Deprivation group"';
  const release = editionOf(table, opts.release, opts.fileName);
  if (!release)
    return "this WIMD local authority analysis does not say its edition: give the release (e.g. 2019), or keep the year in the file name";
  const at = Object.fromEntries(COLUMNS.map((name) => [name, table.column(name)!])) as Record<
    (typeof COLUMNS)[number],
    number
  >;
  type Cell = { value: number | null; flags: number; line: number };
  // area → domain (its slug part) → group ("total" or "10") → description → cell
  const cells = new Map<string, Map<string, Map<string, Map<string, Cell>>>>();
  const firstLine = new Map<string, number>();
  // The domain's name by its slug part, each band's label, and the (domain, band) pairs the file has.
  const domains = new Map<string, string>();
  const groups = new Map<string, string>();
  const published = new Set<string>();
  for (const row of table.rows) {
    const get = (name: (typeof COLUMNS)[number]) => (row.cells[at[name]] ?? "").trim();
    const code = get("Area code");
    const domain = get("Domain");
    const group = get("Deprivation group");
    const description = get("Data description").toLowerCase();
    if (!code && !domain && !group) continue;
    const band = TOTAL.test(group) ? "total" : GROUP.exec(group)?.[1];
    if (!band) {
      issues.error(
        `"${group.slice(0, 60)}" is not a deprivation group this importer knows`,
        row.line,
        "Deprivation group",
      );
      continue;
    }
    if (description !== "number" && description !== "percentage") {
      issues.error(`"${description}" is neither "Number" nor "Percentage"`, row.line, "Data description");
      continue;
    }
    // StatsWales puts a revision marker before the figure ("(r) 122"); a trailing one is read too.
    const marked = periodMarkers(get("Data values").replace(/^(\([a-z]+\))\s*(.*)$/i, "$2 $1"));
    const read = readNumberCell(marked.text);
    if (!read.ok) {
      issues.error(read.message, row.line, "Data values");
      continue;
    }
    const part = domainPart(domain);
    domains.set(part, domain);
    if (band !== "total") {
      groups.set(band, group);
      published.add(`${part}|${band}`);
    }
    firstLine.set(code, Math.min(firstLine.get(code) ?? row.line, row.line));
    const byDomain = cells.get(code) ?? new Map();
    cells.set(code, byDomain);
    const byGroup = byDomain.get(part) ?? new Map();
    byDomain.set(part, byGroup);
    const byDescription = byGroup.get(band) ?? new Map();
    byGroup.set(band, byDescription);
    const earlier = byDescription.get(description);
    if (earlier) {
      issues.error(
        `duplicate row: ${code}, ${domain}, ${group}, ${description} is also on row ${earlier.line}`,
        row.line,
      );
      continue;
    }
    byDescription.set(description, { value: read.value, flags: read.flags | marked.flags, line: row.line });
  }
  const source = {
    publisher: "Welsh Government",
    dataset: `Welsh Index of Multiple Deprivation ${release}: local authority analysis`,
    sourceUrl: "https://www.gov.wales/welsh-index-multiple-deprivation",
    licence: OGL,
  };
  const columns: WideColumn[] = [];
  const header = ["Area code"];
  const measures: { part: string; band: string; slug: string }[] = [];
  for (const [part, domain] of domains)
    for (const [band, group] of [...groups].sort((a, b) => Number(a[0]) - Number(b[0]))) {
      if (!published.has(`${part}|${band}`)) continue;
      const slug =
        band === "10"
          ? shareSlug(`wimd${release}-${part}decile`)
          : boundedSlug(`wimd${release}-${part}proportion-most-deprived-${band}`);
      const label = part === "" ? `WIMD ${release} overall` : `WIMD ${release} ${domain.trim().toLowerCase()} domain`;
      const column = `${slug} value`;
      header.push(column, `${slug} count`, `${slug} total`);
      measures.push({ part, band, slug });
      columns.push({
        column,
        numeratorColumn: `${slug} count`,
        denominatorColumn: `${slug} total`,
        indicator: {
          slug,
          title: `${label}: share of LSOAs in the most deprived ${band}% nationally`,
          definition: `The share of the authority's LSOAs in "${group}" of ${label}, from 0 to 1, as the Welsh Government publishes it in the WIMD ${release} local authority analysis (the count of its LSOAs in that group over its total LSOAs; the published percentage when the counts are not given).`,
          ...source,
          unit: "proportion",
          polarity: "higher-is-worse",
          tags: { topics: ["deprivation"] },
        } satisfies IndicatorDraft,
      });
    }
  const marks = new Map<string, number>();
  const rows: CsvRow[] = [];
  for (const [code, byDomain] of cells) {
    const out = [code];
    for (const { part, band, slug } of measures) {
      const count = byDomain.get(part)?.get(band);
      const total = byDomain.get(part)?.get("total")?.get("number");
      const number = count?.get("number");
      const percentage = count?.get("percentage");
      const flags = (number?.flags ?? percentage?.flags ?? 0) | (total?.flags ?? 0);
      const marked = flags & (FLAG.revised | FLAG.provisional | FLAG.estimated);
      if (marked) marks.set(`${code}|${slug}`, marked);
      if (number && total && number.value !== null && total.value !== null && total.value > 0)
        out.push(String(number.value / total.value), String(number.value), String(total.value));
      else if (percentage && percentage.value !== null) out.push(String(percentage.value / 100), "", "");
      // Missing or suppressed as published, never 0.
      else out.push(((number ?? percentage)?.flags ?? 0) & FLAG.suppressed ? "[c]" : "", "", "");
    }
    rows.push({ cells: out, line: firstLine.get(code)! });
  }
  const pivot = new CsvTable([{ cells: header, line: table.headerLine }, ...rows]);
  return {
    table: pivot,
    marks,
    spec: {
      codeColumn: "Area code",
      period: opts.period ?? String(release),
      columns,
      areaTypes: ["local-authority", "nation"],
    },
  };
}

/** The `derive` step of the summary: puts the cells' "(r)"/"(p)" markers on their values (the pivot reads numbers only). */
export function keepMarks(marks: Map<string, number>): NonNullable<WideSpec["derive"]> {
  return async (buffer, columns, context) => {
    if (marks.size === 0) return { indicators: [], values: 0 };
    const ids = await areaIdsByCode(context.db, [...new Set([...marks.keys()].map((key) => key.split("|")[0]!))]);
    const byId = new Map(
      [...marks].map(([key, flag]) => [`${ids.get(key.split("|")[0]!)}|${key.split("|")[1]}`, flag]),
    );
    const slugOf = new Map(columns.map((c) => [c.ref, c.draft.slug]));
    const flags = buffer.flags;
    for (let i = 0; i < buffer.length; i++)
      flags[i]! |= byId.get(`${buffer.area[i]}|${slugOf.get(buffer.indicator[i]!)}`) ?? 0;
    return { indicators: [], values: 0 };
  };
}
