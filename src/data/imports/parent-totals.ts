/**
 * Region, nation and county totals built at import from local authority figures, for files
 * that have no row for them (Stat-Xplore exports by local authority, for example). Totals are
 * sums — of counts, or of numerators and denominators for rates — never averages of rates, and
 * only when every authority of the parent has a usable value for the period (from the file, or
 * stored from an earlier file when the file has no row for it). They carry
 * FLAG.derived so pages can say "Calculated from the local authority figures"; a total the file
 * itself has, or one stored from an earlier file, is never replaced by a calculated one.
 */
import { yieldToEventLoop } from "../../kernel/db/arrays.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { type AuthorityLink, authorityParentLinks, listAreaTypes } from "../geography/index.ts";
import {
  aggregateValues,
  authoritiesWithValues,
  FLAG,
  type ObservationBuffer,
  sourceValueKeys,
  valuesForAreas,
} from "../indicators/index.ts";
import type { IssueList } from "./report.ts";

export interface TotalsIndicator {
  slug: string;
  unit: string;
  ratePer?: number | null | undefined;
}

export interface TotalsOutcome {
  /** Totals calculated and added to the buffer. */
  calculated: number;
  /** Parent-period pairs left without a total (stored as missing, with the reason in the report). */
  notCalculated: number;
  /** Parent area id → type, for the catalogue's coverage lists. */
  parentTypes: Map<number, string>;
}

const NOTES_SHOWN = 8;

export const noTotals = (): TotalsOutcome => ({ calculated: 0, notCalculated: 0, parentTypes: new Map() });

const validIn = (year: number, start: number | null, end: number | null) =>
  (start === null || start <= year) && (end === null || end >= year);

/**
 * The boundary year the file's authorities belong to: the year in which most of them were
 * current (the latest such year on a tie). Stat-Xplore back-casts today's authorities to every
 * period, so the period's own year would be wrong.
 */
export function vintageYear(children: readonly { start: number | null; end: number | null }[]): number {
  let best = new Date().getUTCFullYear();
  let bestCount = -1;
  for (let year = 1995; year <= new Date().getUTCFullYear() + 1; year++) {
    const count = children.filter((c) => validIn(year, c.start, c.end)).length;
    if (count >= bestCount) {
      best = year;
      bestCount = count;
    }
  }
  return best;
}

interface Parent {
  id: number;
  code: string;
  name: string;
  type: string;
  expected: Set<number>;
  otherBoundaries: Set<number>;
}

function parentsOf(links: readonly AuthorityLink[], year: number): Map<number, Parent> {
  const parents = new Map<number, Parent>();
  for (const link of links) {
    if (!validIn(year, link.parentStart, link.parentEnd)) continue;
    let parent = parents.get(link.parentId);
    if (!parent) {
      parent = {
        id: link.parentId,
        code: link.parentCode,
        name: link.parentName,
        type: link.parentType,
        expected: new Set(),
        otherBoundaries: new Set(),
      };
      parents.set(link.parentId, parent);
    }
    (validIn(year, link.childStart, link.childEnd) ? parent.expected : parent.otherBoundaries).add(link.childId);
  }
  return parents;
}

async function storedValues(db: Executor, slug: string, periodCode: string, areaIds: readonly number[]) {
  const found = await valuesForAreas(db, { indicatorSlug: slug, periodCode, areaIds });
  return new Map(found.filter((v) => (v.flags & FLAG.derived) === 0).map((v) => [v.areaId, v]));
}

/** Adds parent totals to the buffer (before it is written, so they share the file's batch and transaction). */
export async function addParentTotals(
  db: Executor,
  buffer: ObservationBuffer,
  indicators: readonly TotalsIndicator[],
  issues: IssueList,
  /** Area id → type for the buffer's areas, when the importer has them already (saves a read of every area). */
  knownTypes?: ReadonlyMap<number, string>,
): Promise<TotalsOutcome> {
  const outcome: TotalsOutcome = { calculated: 0, notCalculated: 0, parentTypes: new Map() };
  const unitOf = new Map(indicators.map((i) => [i.slug, i]));
  const summable = buffer.indicatorSlugs.map((slug) => {
    const unit = unitOf.get(slug)?.unit;
    return unit === "count" || unit === "percentage" || unit === "rate";
  });
  if (!summable.some(Boolean)) return outcome;
  const types = knownTypes ?? (await listAreaTypes(db, [...new Set(buffer.area)]));
  const authorityIds = [...types].filter(([, type]) => type === "local-authority").map(([id]) => id);
  if (authorityIds.length === 0) return outcome;
  const links = await authorityParentLinks(db, authorityIds);
  const childYears = new Map(links.map((l) => [l.childId, { start: l.childStart, end: l.childEnd }]));
  // A file of a few authorities says little about boundaries: the series' stored authorities count too.
  const series = new Set([
    ...authorityIds,
    ...(await authoritiesWithValues(
      db,
      buffer.indicatorSlugs.filter((_, i) => summable[i]),
    )),
  ]);
  const year = vintageYear([...series].map((id) => childYears.get(id) ?? { start: null, end: null }));
  const parents = parentsOf(links, year);
  const childParents = new Map<number, Parent[]>();
  for (const parent of parents.values()) {
    for (const child of [...parent.expected, ...parent.otherBoundaries])
      childParents.set(child, [...(childParents.get(child) ?? []), parent]);
  }

  // Rows grouped by (indicator, period, breakdown): authority id → row index; parents the file already has.
  const groups = new Map<string, { indicator: number; period: number; breakdown: number; rows: Map<number, number> }>();
  const inFile = new Set<string>();
  for (let i = 0; i < buffer.length; i++) {
    if (!summable[buffer.indicator[i]!]) continue;
    const key = `${buffer.indicator[i]}|${buffer.period[i]}|${buffer.breakdown[i]}`;
    const area = buffer.area[i]!;
    if (parents.has(area)) inFile.add(`${key}|${area}`);
    if (types.get(area) !== "local-authority") continue;
    let group = groups.get(key);
    if (!group) {
      group = {
        indicator: buffer.indicator[i]!,
        period: buffer.period[i]!,
        breakdown: buffer.breakdown[i]!,
        rows: new Map(),
      };
      groups.set(key, group);
    }
    group.rows.set(area, i);
  }
  const stored = await sourceValueKeys(db, buffer.indicatorSlugs, [...parents.keys()]);
  const notes: string[] = [];
  for (const [key, group] of groups) {
    const slug = buffer.indicatorSlugs[group.indicator]!;
    const { unit, ratePer } = unitOf.get(slug)!;
    const rows = [...group.rows.values()];
    // A rate without numerators and denominators cannot be summed; leave it to the file.
    if (
      unit !== "count" &&
      !rows.some((i) => buffer.at("numerator", i) !== null && buffer.at("denominator", i) !== null)
    )
      continue;
    const touched = new Set<Parent>();
    for (const child of group.rows.keys()) for (const parent of childParents.get(child) ?? []) touched.add(parent);
    for (const parent of touched) {
      const storedKey = `${slug}|${buffer.periodCodes[group.period]}|${buffer.breakdownKeys[group.breakdown]}|${parent.id}`;
      if (inFile.has(`${key}|${parent.id}`) || stored.has(storedKey)) continue;
      const mixed = [...parent.otherBoundaries].some((child) => group.rows.has(child));
      // Authorities the file has no row for may hold a stored value (a file correcting a few
      // authorities): those count; a value the file itself marks suppressed or missing still wins.
      const absent = [...parent.expected].filter((child) => !group.rows.has(child));
      const storedChildren =
        absent.length && buffer.breakdownKeys[group.breakdown] === ""
          ? await storedValues(db, slug, buffer.periodCodes[group.period]!, absent)
          : new Map();
      const parts = [...parent.expected].map((child) => {
        const i = group.rows.get(child);
        if (i !== undefined)
          return {
            value: buffer.at("value", i),
            numerator: buffer.at("numerator", i),
            denominator: buffer.at("denominator", i),
            flags: buffer.flags[i]!,
          };
        return storedChildren.get(child) ?? { value: null, numerator: null, denominator: null, flags: FLAG.missing };
      });
      const total = mixed ? null : aggregateValues(parts, unit, ratePer ?? 100);
      const base = { indicator: group.indicator, period: group.period, breakdown: group.breakdown, area: parent.id };
      outcome.parentTypes.set(parent.id, parent.type);
      // Huge figures can add up past what a double holds; the dry run must refuse what the write would.
      if (total && [total.value, total.numerator, total.denominator].some((v) => v !== null && !Number.isFinite(v))) {
        issues.error(
          `${parent.name} ${buffer.periodCodes[group.period]} (${slug}): the sum of its local authorities' figures is too large to store`,
        );
        continue;
      }
      if (total && total.value !== null) {
        buffer.push({
          ...base,
          value: total.value,
          numerator: total.numerator,
          denominator: total.denominator,
          flags: (total.flags & ~FLAG.revised) | FLAG.derived,
        });
        outcome.calculated++;
        continue;
      }
      buffer.push({ ...base, value: null, flags: FLAG.missing | FLAG.derived });
      outcome.notCalculated++;
      if (notes.length < NOTES_SHOWN) {
        const why = mixed
          ? "the file mixes old and new local authority boundaries"
          : `${total?.missing ?? parent.expected.size} of ${parent.expected.size} local authorities have no usable value`;
        notes.push(`${parent.name} ${buffer.periodCodes[group.period]} (${slug}): no total calculated, ${why}`);
      }
    }
    await yieldToEventLoop();
  }
  for (const note of notes) issues.warn(note);
  if (outcome.notCalculated > notes.length)
    issues.warn(
      `${outcome.notCalculated - notes.length} more region, nation or county totals were not calculated for the same reasons`,
    );
  return outcome;
}
