import { timeSlicer } from "../../kernel/db/arrays.ts";

/**
 * Matching area names without codes (Stat-Xplore exports) to areas. Names are normalised
 * (case, accents, "&", punctuation, "City of" order), Welsh bilingual labels ("Cardiff /
 * Caerdydd") are tried in both languages, and where one name fits several codes (an area
 * recoded after a boundary change) the code valid in the data's latest year wins.
 */
export function normaliseAreaName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/\bst\.?\s/g, "saint ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(/^(.*) city of$/, "city of $1")
    .replace(/\s+/g, " ");
}

export interface MatchCandidate {
  id: number;
  code: string;
  name: string;
  type: string;
  startYear: number | null;
  endYear: number | null;
}

export type NameMatch =
  | { status: "matched"; area: MatchCandidate; via: "name" | "alias" }
  | { status: "ambiguous"; candidates: MatchCandidate[] }
  | { status: "unmatched" };

export interface NameIndex {
  byName: Map<string, MatchCandidate[]>;
  byAlias: Map<string, MatchCandidate[]>;
}

/** The index of candidates' names and aliases, built in time slices (tens of thousands of small areas' names are normalised). */
export async function buildNameIndex(
  candidates: readonly MatchCandidate[],
  aliases: readonly { normalisedName: string; areaId: number }[],
): Promise<NameIndex> {
  const slice = timeSlicer();
  const byName = new Map<string, MatchCandidate[]>();
  const byId = new Map<number, MatchCandidate>();
  for (const candidate of candidates) {
    byId.set(candidate.id, candidate);
    const key = normaliseAreaName(candidate.name);
    const list = byName.get(key);
    if (list) list.push(candidate);
    else byName.set(key, [candidate]);
    await slice();
  }
  const byAlias = new Map<string, MatchCandidate[]>();
  for (const alias of aliases) {
    const area = byId.get(alias.areaId);
    if (!area) continue;
    const list = byAlias.get(alias.normalisedName);
    if (list) list.push(area);
    else byAlias.set(alias.normalisedName, [area]);
  }
  return { byName, byAlias };
}

function validIn(area: MatchCandidate, year: number): boolean {
  return (area.startYear === null || area.startYear <= year) && (area.endYear === null || area.endYear >= year);
}

/** Prefers local authorities over same-named counties/regions, then the code valid in `year`. */
const TYPE_PREFERENCE = ["local-authority", "county", "region", "nation", "uk", "health-board"];

function pick(found: MatchCandidate[], year: number): MatchCandidate[] {
  const unique = [...new Map(found.map((area) => [area.id, area])).values()];
  if (unique.length <= 1) return unique;
  const valid = unique.filter((area) => validIn(area, year));
  const pool = valid.length > 0 ? valid : unique;
  for (const type of TYPE_PREFERENCE) {
    const ofType = pool.filter((area) => area.type === type);
    if (ofType.length > 0) return ofType;
  }
  return pool;
}

export function matchAreaName(index: NameIndex, label: string, year: number): NameMatch {
  const keys = [normaliseAreaName(label)];
  // Welsh authorities come as "English / Cymraeg"
  if (label.includes(" / ")) keys.push(...label.split(" / ").map(normaliseAreaName));
  for (const source of ["alias", "name"] as const) {
    const map = source === "alias" ? index.byAlias : index.byName;
    const found = keys.flatMap((key) => map.get(key) ?? []);
    if (found.length === 0) continue;
    const chosen = pick(found, year);
    if (chosen.length === 1) return { status: "matched", area: chosen[0]!, via: source };
    return { status: "ambiguous", candidates: chosen };
  }
  return { status: "unmatched" };
}
