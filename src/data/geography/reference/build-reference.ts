/**
 * Builds the built-in reference geography from official files (scripts/reference-geography.ts
 * reads them and writes uk-geography.json): authorities, counties, metropolitan counties,
 * regions, combined authorities, health boards and nations of the UK, their parents, code
 * changes and name history. Pure, so it is tested with small files in the official layouts.
 *
 * Inputs, each optional but the first:
 * - ONS local-authority TopoJSON (layers uk, ctry, rgn, cty, mcty, cauth, utla, ltla; areacd,
 *   areanm, start/end years): every area, its tier, its years of validity, its current name.
 * - ONS LTLA lookup (ltlacd → ctycd, mctycd, cauthcd, rgncd, ctrycd).
 * - ONS code changes (oldcd, oldnm, newcd, newnm, type, start).
 * - Any ONS lookup from authorities to a higher geography, columns <ENTITY><yy>CD / NM
 *   (LAD19CD → LAD19NM for names of 2019; LAD22CD → LHB22CD for Welsh health boards,
 *   → ICB23CD for English integrated care boards …), and the NRS data zone lookup (LA_Code →
 *   HB_Code): parents and the names the authorities had in that year.
 */
import { areaTypeOfCode, GSS_CODE, nationCodes, nationOfCode, tiersOfCode } from "../area-types.ts";
import { retiresCode } from "../code-changes.ts";
import { normaliseAreaName } from "../name-matching.ts";

export const REFERENCE_ATTRIBUTION =
  "Contains public sector information licensed under the Open Government Licence v3.0. Contains OS data © Crown copyright and database right. Contains National Records of Scotland data © Crown copyright.";

/** [code, name, type, tiers (1 upper, 2 lower), start year | null, end year | null] */
export type ReferenceArea = [string, string, string, number, number | null, number | null];
/** [child code, parent code] — the relation is the parent's type. */
export type ReferenceParent = [string, string];
/** [old code, old name, new code | null, new name | null, change type, start year] */
export type ReferenceChange = [string, string, string | null, string | null, string, number];
/** [code, former name, last year the area is known to have carried it | null] */
export type ReferenceName = [string, string, number | null];

export interface ReferenceGeography {
  name: "uk-geography";
  /** Content hash: a new version whenever the content changes. */
  version: string;
  attribution: string;
  sources: { file: string; sha256: string; what: string }[];
  areas: ReferenceArea[];
  parents: ReferenceParent[];
  changes: ReferenceChange[];
  formerNames: ReferenceName[];
}

export interface TopologyInput {
  objects: Record<string, { geometries?: { properties?: Record<string, unknown> }[] }>;
}

export interface ReferenceInputs {
  topology: TopologyInput;
  /** Rows as objects keyed by header (ltlacd, ctycd …). */
  ltlaLookup?: Record<string, string>[];
  changes?: Record<string, string>[];
  /** Other lookups: rows keyed by header, with the year their names belong to when the columns say. */
  lookups?: Record<string, string>[][];
}

const AUTHORITY_TYPES = new Set([
  "uk",
  "nation",
  "region",
  "county",
  "metropolitan-county",
  "combined-authority",
  "local-authority",
  "health-board",
]);

const LOOKUP_LEVELS = ["ltla", "cty", "mcty", "cauth", "rgn", "ctry"];

/** Code/name column pairs of an ONS-style lookup row: LAD19CD/LAD19NM, LA_Code/LA_Name, ltlacd/ltlanm. */
function columnPairs(header: readonly string[]): { code: string; name: string | null; year: number | null }[] {
  const out: { code: string; name: string | null; year: number | null }[] = [];
  for (const column of header) {
    const ons = /^([A-Za-z]+?)(\d{2})?(CD|cd|_Code|_code)$/.exec(column);
    if (!ons) continue;
    const stem = `${ons[1]}${ons[2] ?? ""}`;
    const name = header.find((c) => [`${stem}NM`, `${stem}nm`, `${stem}_Name`, `${stem}_name`].includes(c)) ?? null;
    out.push({ code: column, name, year: ons[2] ? 2000 + Number(ons[2]) : null });
  }
  return out;
}

export function buildReferenceGeography(inputs: ReferenceInputs): Omit<ReferenceGeography, "version" | "sources"> {
  const areas = new Map<string, ReferenceArea>();
  const names = new Map<string, Map<string, number | null>>();
  const parents = new Set<string>();
  const seenName = (code: string, name: string, year: number | null) => {
    if (!name) return;
    const list = names.get(code) ?? new Map<string, number | null>();
    const known = list.get(name);
    list.set(name, known === undefined ? year : known === null || year === null ? null : Math.max(known, year));
    names.set(code, list);
  };
  const addArea = (code: string, name: string, start: number | null = null, end: number | null = null) => {
    const type = areaTypeOfCode(code);
    if (!GSS_CODE.test(code) || !type || !AUTHORITY_TYPES.has(type)) return false;
    if (!areas.has(code)) areas.set(code, [code, name || code, type, 0, start, end]);
    return true;
  };
  const link = (child: string, parent: string) => {
    if (child && parent && child !== parent && areas.has(child) && areas.has(parent)) parents.add(`${child}|${parent}`);
  };

  for (const [layer, object] of Object.entries(inputs.topology.objects)) {
    for (const geometry of object.geometries ?? []) {
      const p = geometry.properties ?? {};
      const code = String(p.areacd ?? "");
      const name = String(p.areanm ?? "");
      const start = typeof p.start === "number" ? p.start : null;
      const end = typeof p.end === "number" ? p.end : null;
      if (!addArea(code, name, start, end)) continue;
      const area = areas.get(code)!;
      area[1] = name || area[1];
      if (start !== null) area[4] = start;
      if (end !== null) area[5] = end;
      const tiers = tiersOfCode(code);
      if (layer === "utla" && tiers.upperTier) area[3] |= 1;
      if (layer === "ltla" && tiers.lowerTier) area[3] |= 2;
      if (layer === "cty") area[3] |= 1;
    }
  }
  const current = new Map([...areas].map(([code, area]) => [code, area[1]]));

  for (const row of inputs.ltlaLookup ?? []) {
    const codes = LOOKUP_LEVELS.map((level) => (row[`${level}cd`] ?? "").trim());
    LOOKUP_LEVELS.forEach((level, i) => {
      if (codes[i]) addArea(codes[i]!, (row[`${level}nm`] ?? "").trim());
      if (codes[i]) seenName(codes[i]!, (row[`${level}nm`] ?? "").trim(), null);
    });
    for (const [c, p] of [
      [0, 1],
      [0, 2],
      [0, 3],
      [0, 4],
      [0, 5],
      [1, 4],
      [4, 5],
    ] as const)
      link(codes[c]!, codes[p]!);
  }

  const changes: ReferenceChange[] = [];
  for (const row of inputs.changes ?? []) {
    const oldCode = (row.oldcd ?? "").trim();
    const newCode = (row.newcd ?? "").trim() || null;
    const start = Number(row.start);
    if (!GSS_CODE.test(oldCode) || !Number.isInteger(start)) continue;
    const change: ReferenceChange = [
      oldCode,
      (row.oldnm ?? "").trim(),
      newCode,
      (row.newnm ?? "").trim() || null,
      (row.type ?? "").trim(),
      start,
    ];
    changes.push(change);
    if (newCode && addArea(newCode, change[3] ?? newCode, start)) seenName(newCode, change[3] ?? "", null);
    if (addArea(oldCode, change[1])) seenName(oldCode, change[1], start - 1);
    if (retiresCode(change[4], oldCode, newCode)) {
      const old = areas.get(oldCode);
      if (old && old[5] === null) old[5] = start - 1;
    }
    // An authority joining a combined authority (E08… → E47…) is a member from that year.
    if (newCode && change[4] === "new_geo" && areaTypeOfCode(newCode) === "combined-authority") link(oldCode, newCode);
  }

  for (const rows of inputs.lookups ?? []) {
    if (rows.length === 0) continue;
    const pairs = columnPairs(Object.keys(rows[0]!)).filter((pair) => {
      const sample = (rows[0]![pair.code] ?? "").trim();
      const type = areaTypeOfCode(sample);
      return type !== undefined && AUTHORITY_TYPES.has(type);
    });
    for (const row of rows) {
      const codes = pairs.map((pair) => (row[pair.code] ?? "").trim());
      pairs.forEach((pair, i) => {
        const name = pair.name ? (row[pair.name] ?? "").trim() : "";
        if (codes[i] && addArea(codes[i]!, name) && name) seenName(codes[i]!, name, pair.year);
      });
      // Each authority to each coarser area on the row (LA → health board, council → health board).
      const authority = codes.findIndex((code) => areaTypeOfCode(code) === "local-authority");
      if (authority >= 0)
        codes.forEach((code, i) => {
          if (i !== authority && areaTypeOfCode(code) !== "local-authority") link(codes[authority]!, code);
        });
    }
  }

  // Every area to its nation, nations to the UK.
  const uk = [...areas.values()].find((a) => a[2] === "uk")?.[0];
  for (const [code, area] of areas) {
    if (area[2] === "nation") {
      if (uk) link(code, uk);
      continue;
    }
    const nation = nationOfCode(code);
    if (area[2] !== "uk" && nation) link(code, nationCodes[nation]);
  }

  const formerNames: ReferenceName[] = [];
  for (const [code, seen] of names) {
    const now = normaliseAreaName(current.get(code) ?? areas.get(code)?.[1] ?? "");
    for (const [name, year] of seen)
      if (normaliseAreaName(name) !== now && !formerNames.some((f) => f[0] === code && f[1] === name))
        formerNames.push([code, name, year]);
  }
  return {
    name: "uk-geography",
    attribution: REFERENCE_ATTRIBUTION,
    areas: [...areas.values()].sort((a, b) => a[0].localeCompare(b[0])),
    parents: [...parents]
      .map((key) => key.split("|") as ReferenceParent)
      .sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1])),
    changes: changes.sort((a, b) => a[5] - b[5] || a[0].localeCompare(b[0]) || (a[2] ?? "").localeCompare(b[2] ?? "")),
    formerNames: formerNames.sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1])),
  };
}
