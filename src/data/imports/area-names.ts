/**
 * Area names without codes (Stat-Xplore exports) matched within the one geography the file is
 * at. The type comes from the caller (the uploader's choice) or from the majority of rows: an
 * export by MSOA / intermediate zone whose row "Highland" is an intermediate zone in Stirling
 * never writes to Highland council. A name found only at another type is reported, with the
 * type it was found at, and nothing is written for it. Names that fit several areas of the
 * type (intermediate zones "Blackburn" in Aberdeenshire and in West Lothian) are settled by
 * the rows around them — exports list small areas authority by authority — or reported.
 */
import {
  areaTypeLabels,
  areasForMatching,
  authoritiesOfAreas,
  buildNameIndex,
  listAliases,
  type MatchCandidate,
  matchAreaName,
  type NameIndex,
} from "../geography/index.ts";
import { timeSlicer } from "../../kernel/db/arrays.ts";
import type { Executor } from "../../kernel/db/database.ts";
import type { NameProblem } from "./report.ts";

/** Types a name-only file can be at, coarsest first (the order breaks a tie in the majority). */
export const NAMED_AREA_TYPES = [
  "nation",
  "region",
  "county",
  "combined-authority",
  "local-authority",
  "health-board",
  "ward",
  "msoa",
  "lsoa",
] as const;

export interface LabelledRow {
  label: string;
  line: number;
}

export type MatchVia = "name" | "alias" | "given code" | "position";

export interface ResolvedNames {
  /** The type every value is written to (plus `extraTypes`). */
  areaType: string;
  decidedBy: "option" | "majority" | "none";
  /** Rows whose name is an area of each type (a row can count for several). */
  typeCounts: Record<string, number>;
  matched: Map<number, { area: MatchCandidate; via: MatchVia }>;
  problems: NameProblem[];
  /** Codes given for names, to remember as aliases. */
  newAliases: { name: string; areaId: number }[];
  /** Given codes that are unknown or of another type: messages for the report. */
  givenCodeProblems: string[];
}

export interface ResolveOptions {
  /** The year the names belong to (the file's latest period): picks the code valid then. */
  year: number;
  /** The file's type, when the uploader chose it. */
  areaType?: string | undefined;
  /** Further types the uploader says the file also has (e.g. regions as subtotals). */
  extraTypes?: readonly string[] | undefined;
  /** label → GSS code, chosen by the uploader. */
  aliases?: Readonly<Record<string, string>> | undefined;
}

function typeLabel(type: string): string {
  return (areaTypeLabels as Record<string, string>)[type] ?? type;
}

export async function resolveAreaNames(
  db: Executor,
  rows: readonly LabelledRow[],
  options: ResolveOptions,
): Promise<ResolvedNames> {
  const candidates = await areasForMatching(db, NAMED_AREA_TYPES);
  const aliases = await listAliases(db);
  const byType = new Map<string, MatchCandidate[]>();
  const byCode = new Map<string, MatchCandidate>();
  const slice = timeSlicer();
  // Pushed, not copied, and in time slices: there are tens of thousands of small areas of one type.
  for (const candidate of candidates) {
    const list = byType.get(candidate.type);
    if (list) list.push(candidate);
    else byType.set(candidate.type, [candidate]);
    byCode.set(candidate.code, candidate);
    await slice();
  }
  const indexes = new Map<string, NameIndex>();
  for (const [type, list] of byType) indexes.set(type, await buildNameIndex(list, aliases));
  const given = options.aliases ?? {};

  // Which types each row's name is found at.
  const found = new Map<number, Map<string, ReturnType<typeof matchAreaName>>>();
  const typeCounts: Record<string, number> = {};
  for (const row of rows) {
    const perType = new Map<string, ReturnType<typeof matchAreaName>>();
    for (const [type, index] of indexes) {
      const match = matchAreaName(index, row.label, options.year);
      if (match.status !== "unmatched") perType.set(type, match);
    }
    const code = given[row.label];
    const givenArea = code ? byCode.get(code) : undefined;
    if (givenArea) perType.set(givenArea.type, { status: "matched", area: givenArea, via: "alias" });
    for (const type of perType.keys()) typeCounts[type] = (typeCounts[type] ?? 0) + 1;
    found.set(row.line, perType);
    await slice();
  }
  let areaType = options.areaType;
  let decidedBy: ResolvedNames["decidedBy"] = areaType ? "option" : "majority";
  if (!areaType) {
    let best = 0;
    for (const type of NAMED_AREA_TYPES) {
      if ((typeCounts[type] ?? 0) > best) {
        best = typeCounts[type]!;
        areaType = type;
      }
    }
    if (!areaType) {
      areaType = "local-authority";
      decidedBy = "none";
    }
  }
  const allowed = new Set([areaType, ...(options.extraTypes ?? [])]);

  const matched = new Map<number, { area: MatchCandidate; via: MatchVia }>();
  const ambiguous = new Map<number, MatchCandidate[]>();
  const problems: NameProblem[] = [];
  const newAliases: { name: string; areaId: number }[] = [];
  const givenCodeProblems: string[] = [];
  for (const row of rows) {
    const code = given[row.label];
    if (code) {
      const area = byCode.get(code);
      if (!area) givenCodeProblems.push(`the area code "${code}" given for "${row.label}" is not known`);
      else if (!allowed.has(area.type))
        givenCodeProblems.push(
          `the area code ${code} given for "${row.label}" is a ${typeLabel(area.type).toLowerCase()}; this file is by ${typeLabel(areaType).toLowerCase()}`,
        );
      else {
        matched.set(row.line, { area, via: "given code" });
        newAliases.push({ name: row.label, areaId: area.id });
        continue;
      }
    }
    const perType = found.get(row.line)!;
    const inType = [...allowed].map((type) => perType.get(type)).filter((m) => m !== undefined);
    const hit = inType.find((m) => m.status === "matched");
    if (hit?.status === "matched") {
      matched.set(row.line, { area: hit.area, via: hit.via });
      continue;
    }
    const options = inType.flatMap((m) => (m.status === "ambiguous" ? m.candidates : []));
    if (options.length > 0) {
      ambiguous.set(row.line, options);
      continue;
    }
    const elsewhere = [...perType.keys()].filter((type) => !allowed.has(type));
    problems.push({
      name: row.label,
      row: row.line,
      status: elsewhere.length ? "other-type" : "unmatched",
      candidates: elsewhere.flatMap((type) => {
        const m = perType.get(type)!;
        return (m.status === "matched" ? [m.area] : m.status === "ambiguous" ? m.candidates : []).map((c) => ({
          code: c.code,
          name: `${c.name} (${typeLabel(type).toLowerCase()})`,
        }));
      }),
    });
  }
  await settleByPosition(db, rows, matched, ambiguous);
  for (const [line, options] of ambiguous) {
    const row = rows.find((r) => r.line === line)!;
    problems.push({
      name: row.label,
      row: line,
      status: "ambiguous",
      candidates: options.map((c) => ({ code: c.code, name: c.name })),
    });
  }
  problems.sort((a, b) => a.row - b.row);
  return { areaType, decidedBy, typeCounts, matched, problems, newAliases, givenCodeProblems };
}

/**
 * An ambiguous small-area name is the candidate in the same authority as the nearest matched
 * rows above and below it (exports list small areas authority by authority).
 */
async function settleByPosition(
  db: Executor,
  rows: readonly LabelledRow[],
  matched: Map<number, { area: MatchCandidate; via: MatchVia }>,
  ambiguous: Map<number, MatchCandidate[]>,
): Promise<void> {
  if (ambiguous.size === 0) return;
  const order = rows.map((r) => r.line);
  const near = (line: number, step: 1 | -1): MatchCandidate | undefined => {
    for (let i = order.indexOf(line) + step; i >= 0 && i < order.length; i += step) {
      const hit = matched.get(order[i]!);
      if (hit) return hit.area;
    }
    return undefined;
  };
  const ids = new Set<number>();
  const context = new Map<number, MatchCandidate[]>();
  for (const [line, options] of ambiguous) {
    const around = [near(line, -1), near(line, 1)].filter((a): a is MatchCandidate => a !== undefined);
    context.set(line, around);
    for (const area of [...options, ...around]) ids.add(area.id);
  }
  const authorities = await authoritiesOfAreas(db, [...ids]);
  for (const [line, options] of ambiguous) {
    const around = new Set(context.get(line)!.flatMap((a) => authorities.get(a.id) ?? []));
    const fits = options.filter((o) => (authorities.get(o.id) ?? []).some((id) => around.has(id)));
    if (fits.length === 1) {
      matched.set(line, { area: fits[0]!, via: "position" });
      ambiguous.delete(line);
    }
  }
}
