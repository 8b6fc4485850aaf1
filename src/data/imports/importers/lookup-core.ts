import {
  type AreaInput,
  areasForMatching,
  areaTypeOfCode,
  deriveSuccessorLinks,
  GSS_CODE,
  insertAliases,
  insertMissingAreas,
  linkParents,
  nationOfCode,
  normaliseAreaName,
  type ParentLink,
  tiersOfCode,
  upsertAreas,
  areaIdsByCode,
} from "../../geography/index.ts";
import { timeSlicer } from "../../../kernel/db/arrays.ts";
import type { CsvTable } from "../csv-table.ts";
import type { Prepared, PrepareContext } from "../importer.ts";

export interface LookupLevel {
  code: string;
  name: string;
  /** The file is the authority for these areas' names (small areas, wards); others are only added if missing. */
  authoritative: boolean;
  /** The edition of the geography the codes belong to (LSOA11CD: 2011, WD19CD: 2019), recorded on the areas. */
  vintage?: number | undefined;
}

export interface LookupSpec {
  levels: LookupLevel[];
  /** [child level index, parent level index]: links child → parent with relation = parent's type. */
  links: [number, number][];
  /** The code column whose values must be unique (one row per small area). */
  keyLevel: number;
  /**
   * Rows may repeat the key (an output-area lookup has one row per output area): allowed when
   * every level agrees, an error naming both rows when they do not.
   */
  repeatsAllowed?: boolean;
}

/**
 * Area lookups (LSOA → ward → authority; data zone → IZ → ward → council → health board;
 * LTLA → county → region). Adds areas, parent links, and — when the file names a known
 * authority differently (e.g. a former name) — remembers that name as an alias for matching.
 */
export async function prepareLookup(context: PrepareContext, table: CsvTable, spec: LookupSpec): Promise<Prepared> {
  const { issues } = context;
  const columns = table.require(
    spec.levels.flatMap((level) => [level.code, level.name]),
    issues,
  );
  table.checkRowLengths(issues);
  const report = { rowsRead: table.rows.length, preview: table.preview() };
  if (!columns) return { report, total: 0, write: async () => ({ valuesWritten: 0, valuesReplaced: 0 }) };
  const found = spec.levels.map(() => new Map<string, string>());
  // Kept for the whole import, so kept small (each object here is one more for the garbage
  // collector to copy and mark, 100,000 of them on a national lookup): relation → child → parent
  // instead of a link object under a joined key; the key's row; its joined codes only when rows may repeat.
  const links = new Map<string, Map<string, string>>();
  const keys = new Map<string, number>();
  const joinedCodes = new Map<string, string>();
  // By elapsed time: 2,000 rows of five levels took 90 ms under load.
  const slice = timeSlicer();
  for (const row of table.rows) {
    await slice();
    const codes = spec.levels.map((level) => (row.cells[columns.get(level.code)!] ?? "").trim());
    const key = codes[spec.keyLevel]!;
    const earlier = keys.get(key);
    const joined = spec.repeatsAllowed ? codes.join("|") : "";
    const earlierCodes = joinedCodes.get(key) ?? "";
    if (earlier !== undefined && !(spec.repeatsAllowed && earlierCodes === joined)) {
      issues.error(
        spec.repeatsAllowed
          ? `"${key}" is on row ${earlier} with other areas (${earlierCodes.replaceAll("|", ", ")})`
          : `duplicate row: "${key}" is also on row ${earlier}`,
        row.line,
        spec.levels[spec.keyLevel]!.code,
      );
    }
    if (earlier !== undefined) continue;
    keys.set(key, row.line);
    if (spec.repeatsAllowed) joinedCodes.set(key, joined);
    spec.levels.forEach((level, i) => {
      const code = codes[i]!;
      if (code === "") {
        if (i === spec.keyLevel) issues.error("the code is empty", row.line, level.code);
        return;
      }
      if (!GSS_CODE.test(code) || !areaTypeOfCode(code)) {
        issues.error(`"${code}" is not a GSS area code this service knows`, row.line, level.code);
        return;
      }
      found[i]!.set(code, (row.cells[columns.get(level.name)!] ?? "").trim() || code);
    });
    for (const [child, parent] of spec.links) {
      const childCode = codes[child]!;
      const parentCode = codes[parent]!;
      if (!childCode || !parentCode || childCode === parentCode) continue;
      const relation = areaTypeOfCode(parentCode);
      if (!relation) continue;
      const parents = links.get(relation);
      if (parents) parents.set(childCode, parentCode);
      else links.set(relation, new Map([[childCode, parentCode]]));
    }
  }
  const toArea = (code: string, name: string, vintage: number | undefined): AreaInput => ({
    code,
    name,
    type: areaTypeOfCode(code)!,
    nation: nationOfCode(code),
    ...tiersOfCode(code),
    startYear: null,
    endYear: null,
    vintages: vintage ? [vintage] : [],
  });
  const authoritative: AreaInput[] = [];
  const others: AreaInput[] = [];
  for (const [i, level] of spec.levels.entries()) {
    for (const [code, name] of found[i]!) {
      (level.authoritative ? authoritative : others).push(toArea(code, name, level.vintage));
      await slice();
    }
  }
  let linkCount = 0;
  for (const parents of links.values()) linkCount += parents.size;
  const total = authoritative.length + others.length + linkCount;
  return {
    report: {
      ...report,
      areas: found[spec.keyLevel]!.size,
      counts: {
        areas: authoritative.length + others.length,
        parentLinks: linkCount,
        ...Object.fromEntries(
          spec.levels.flatMap((level, i) =>
            level.vintage ? [[`${level.code} (${level.vintage})`, found[i]!.size]] : [],
          ),
        ),
      },
    },
    total,
    write: async (tx, { progress, audit }) => {
      const existing = new Map(
        (await areasForMatching(tx, [...new Set(others.map((a) => a.type))])).map((a) => [a.code, a]),
      );
      const added = (await upsertAreas(tx, authoritative)) + (await insertMissingAreas(tx, others));
      progress?.update(authoritative.length + others.length);
      const parentLinks: ParentLink[] = [];
      const turn = timeSlicer();
      for (const [relation, parents] of links)
        for (const [child, parent] of parents) {
          parentLinks.push({ child, parent, relation });
          if ((parentLinks.length & 1023) === 0) await turn();
        }
      const linked = await linkParents(tx, parentLinks);
      progress?.update(total);
      // A known authority named differently here (e.g. Tewkesbury, now North Gloucestershire) keeps the name as an alias.
      const renamed = others.filter((a) => {
        const known = existing.get(a.code);
        return known && normaliseAreaName(known.name) !== normaliseAreaName(a.name);
      });
      const ids = await areaIdsByCode(
        tx,
        renamed.map((a) => a.code),
      );
      const aliases = await insertAliases(
        tx,
        renamed.map((a) => ({
          normalisedName: normaliseAreaName(a.name),
          name: a.name,
          areaId: ids.get(a.code)!,
          source: context.file.name,
          createdBy: audit.actorLabel,
        })),
      );
      // The lookup replaced its areas' links: small areas of merged authorities follow the successor again.
      const derived = await deriveSuccessorLinks(tx);
      return {
        valuesWritten: 0,
        valuesReplaced: 0,
        counts: { areasWritten: added, parentLinks: linked, aliases, ...derived },
      };
    },
  };
}
