/**
 * Region, nation and county totals built at import from local authority figures, for files
 * that have no row for them (Stat-Xplore exports by local authority, for example). Totals are
 * sums — of counts, or of numerators and denominators for rates — never averages of rates, and
 * only when every authority of the parent valid for the period has a usable value (from the
 * file, or stored from an earlier file when the file has no row for it). "Valid for the period"
 * is the parent's authorities in the period's own year, or — for a file back-cast to one set of
 * boundaries, as Stat-Xplore's are — in the year of the file's boundaries; never a mixture
 * (Suffolk 2014/15 is Babergh, Ipswich, Mid Suffolk, East and West Suffolk in a back-cast
 * file, or the seven districts of 2014 in one that follows the changes). They carry
 * FLAG.derived so pages can say "Calculated from the local authority figures"; a total the file
 * itself has, or one stored from an earlier file, is never replaced by a calculated one.
 */
import { timeSlicer, yieldToEventLoop } from "../../kernel/db/arrays.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { type AuthorityLink, authorityParentLinks, listAreaTypes } from "../geography/index.ts";
import {
  aggregateValues,
  authoritiesWithValues,
  FLAG,
  type ObservationBuffer,
  parsePeriod,
  periodYear,
  sourceValueKeys,
  valuesForAreas,
} from "../indicators/index.ts";
import type { IssueList } from "./report.ts";
import { londonToday } from "../../kernel/time.ts";

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

function listNames(names: readonly string[]): string {
  return names.length <= 4 ? names.join(", ") : `${names.slice(0, 3).join(", ")} and ${names.length - 3} more`;
}

export const noTotals = (): TotalsOutcome => ({ calculated: 0, notCalculated: 0, parentTypes: new Map() });

const validIn = (year: number, start: number | null, end: number | null) =>
  (start === null || start <= year) && (end === null || end >= year);

/**
 * The boundary year the file's authorities belong to: the year in which most of them were
 * current (the latest such year on a tie). Stat-Xplore back-casts today's authorities to every
 * period, so the period's own year would be wrong.
 */
export function vintageYear(children: readonly { start: number | null; end: number | null }[]): number {
  const thisYear = Number(londonToday().slice(0, 4));
  let best = thisYear;
  let bestCount = -1;
  for (let year = 1995; year <= thisYear + 1; year++) {
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
  start: number | null;
  end: number | null;
  children: { id: number; name: string; start: number | null; end: number | null }[];
}

function parentsOf(links: readonly AuthorityLink[]): Map<number, Parent> {
  const parents = new Map<number, Parent>();
  for (const link of links) {
    let parent = parents.get(link.parentId);
    if (!parent) {
      parent = {
        id: link.parentId,
        code: link.parentCode,
        name: link.parentName,
        type: link.parentType,
        start: link.parentStart,
        end: link.parentEnd,
        children: [],
      };
      parents.set(link.parentId, parent);
    }
    parent.children.push({ id: link.childId, name: link.childName, start: link.childStart, end: link.childEnd });
  }
  return parents;
}

/** The parent's authorities in one year's boundaries (none when the parent did not exist then). */
function membersIn(parent: Parent, year: number): number[] {
  if (!validIn(year, parent.start, parent.end)) return [];
  return parent.children.filter((c) => validIn(year, c.start, c.end)).map((c) => c.id);
}

async function storedValues(db: Executor, slug: string, periodCode: string, areaIds: readonly number[]) {
  if (areaIds.length === 0) return new Map();
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
    return unit === "count" || unit === "percentage" || unit === "rate" || unit === "proportion";
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
  const vintage = vintageYear([...series].map((id) => childYears.get(id) ?? { start: null, end: null }));
  const parents = parentsOf(links);
  const childParents = new Map<number, Parent[]>();
  for (const parent of parents.values())
    for (const child of parent.children) childParents.set(child.id, [...(childParents.get(child.id) ?? []), parent]);
  const members = new Map<string, number[]>();
  const membersOf = (parent: Parent, year: number) => {
    const key = `${parent.id}|${year}`;
    let list = members.get(key);
    if (!list) {
      list = membersIn(parent, year);
      members.set(key, list);
    }
    return list;
  };
  const names = new Map(links.map((l) => [l.childId, l.childName]));

  // Rows grouped by (indicator, period, breakdown): authority id → row index; parents the file already has.
  const groups = new Map<string, { indicator: number; period: number; breakdown: number; rows: Map<number, number> }>();
  const inFile = new Set<string>();
  // Views taken once: the rows grouped here are never changed by the totals pushed below.
  const { indicator, period, breakdown, area: areas, flags } = buffer;
  const slice = timeSlicer();
  for (let i = 0; i < indicator.length; i++) {
    if ((i & 1023) === 1023) await slice();
    if (!summable[indicator[i]!]) continue;
    const area = areas[i]!;
    // Most rows of a small-area file are neither: no key is built for them.
    const isParent = parents.has(area);
    if (!isParent && types.get(area) !== "local-authority") continue;
    const key = `${indicator[i]}|${period[i]}|${breakdown[i]}`;
    if (isParent) inFile.add(`${key}|${area}`);
    if (types.get(area) !== "local-authority") continue;
    let group = groups.get(key);
    if (!group) {
      group = { indicator: indicator[i]!, period: period[i]!, breakdown: breakdown[i]!, rows: new Map() };
      groups.set(key, group);
    }
    group.rows.set(area, i);
  }
  const stored = await sourceValueKeys(db, buffer.indicatorSlugs, [...parents.keys()]);
  const notes: string[] = [];
  for (const [key, group] of groups) {
    const slug = buffer.indicatorSlugs[group.indicator]!;
    const periodCode = buffer.periodCodes[group.period]!;
    const { unit, ratePer } = unitOf.get(slug)!;
    const rows = [...group.rows.values()];
    // A rate without numerators and denominators cannot be summed; leave it to the file.
    if (
      unit !== "count" &&
      !rows.some((i) => buffer.at("numerator", i) !== null && buffer.at("denominator", i) !== null)
    )
      continue;
    const period = parsePeriod(periodCode);
    if (!period) continue;
    // The authorities of the period's own year first (a series that follows boundary changes);
    // then those of the boundaries the file is drawn on (Stat-Xplore back-casts today's
    // authorities to every year, so 2014/15 comes as East and West Suffolk).
    const years = [...new Set([periodYear(period), vintage])];
    const touched = new Set<Parent>();
    for (const child of group.rows.keys()) for (const parent of childParents.get(child) ?? []) touched.add(parent);
    const candidates = [...touched].filter(
      (parent) =>
        validIn(periodYear(period), parent.start, parent.end) &&
        !inFile.has(`${key}|${parent.id}`) &&
        !stored.has(`${slug}|${periodCode}|${buffer.breakdownKeys[group.breakdown]}|${parent.id}`),
    );
    // Authorities the file has no row for may hold a stored value (a file correcting a few
    // authorities): read once for the group; a value the file itself has always wins.
    const absent = new Set<number>();
    for (const parent of candidates)
      for (const year of years) for (const id of membersOf(parent, year)) if (!group.rows.has(id)) absent.add(id);
    const storedChildren =
      absent.size && buffer.breakdownKeys[group.breakdown] === ""
        ? await storedValues(db, slug, periodCode, [...absent])
        : new Map();
    for (const parent of candidates) {
      const sets = years.map((year) => ({ year, ids: membersOf(parent, year) })).filter((set) => set.ids.length > 0);
      const chosen =
        sets.find((set) => set.ids.every((id) => group.rows.has(id))) ??
        sets.find((set) => set.ids.every((id) => group.rows.has(id) || storedChildren.has(id)));
      const parts = (chosen?.ids ?? []).map((child) => {
        const i = group.rows.get(child);
        if (i !== undefined)
          return {
            value: buffer.at("value", i),
            numerator: buffer.at("numerator", i),
            denominator: buffer.at("denominator", i),
            flags: flags[i]!,
          };
        return storedChildren.get(child)!;
      });
      // A proportion (0–1) is a rate per 1: summed numerators over summed denominators.
      const total = chosen
        ? aggregateValues(parts, unit === "proportion" ? "rate" : unit, unit === "proportion" ? 1 : (ratePer ?? 100))
        : null;
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
        // Provisional, estimated and revised markers of the parts stay on the total.
        buffer.push({
          ...base,
          value: total.value,
          numerator: total.numerator,
          denominator: total.denominator,
          flags: total.flags | FLAG.derived,
        });
        outcome.calculated++;
        continue;
      }
      buffer.push({ ...base, value: null, flags: FLAG.missing | FLAG.derived });
      outcome.notCalculated++;
      if (notes.length < NOTES_SHOWN) {
        let why: string;
        if (chosen)
          why = `${total?.missing ?? chosen.ids.length} of ${chosen.ids.length} local authorities have no usable value`;
        else {
          const set = sets[0];
          const lacking = (set?.ids ?? []).filter((id) => !group.rows.has(id) && !storedChildren.has(id));
          why = set
            ? `there is no figure for ${listNames(lacking.map((id) => names.get(id) ?? String(id)))} (${parent.name}'s authorities in ${set.year})`
            : `${parent.name} has no local authorities in the geography for ${periodCode}`;
        }
        notes.push(`${parent.name} ${periodCode} (${slug}): no total calculated, ${why}`);
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
