/**
 * Disclosure control for every published output, in one place: the needs assessment's rule
 * (disclosure.ts: [c] for counts 1–9, rounding to 5, secondary suppression) with the additive
 * relations an output's figures stand in, so nothing withheld can be worked out by differencing:
 * - areas and the areas they contain (a parent's count is the sum of its children's), per period
 *   and breakdown — the API's pages and exports (publishedValues);
 * - a locality and its complement within the authority (the authority's count is the locality's
 *   plus the rest's), and the difference and overlap of two localities, taken with the small
 *   areas' own published values — the locality figures (publishedLocalities).
 * Pure: no database, so the property test (tests/integration/disclosure-property.test.ts) drives
 * every output path through here with generated hierarchies and overlapping localities.
 */
import {
  applyDisclosure,
  cellFor,
  type DisclosedCell,
  type DisclosureCell,
  type DisclosureGroup,
  type DisclosureRule,
  isSmallCount,
  roundToFive,
  shownFor,
} from "./disclosure.ts";

/** One value of one indicator as an output holds it. */
export interface PublishableValue {
  key: string;
  areaId: number;
  /** What must add up together: the period and breakdown (e.g. "2024|0"). */
  slice: string;
  value: number | null;
  numerator: number | null;
  suppressedAtSource: boolean;
}

/** A parent area and one child, with the child's type: the children of one type make up the parent. */
export interface ParentLink {
  parentId: number;
  childId: number;
  childType: string;
}

/** Only counts and a rate's numerators add up; anything else (scores, ranks) forms no group. */
function additive(unit: string): boolean {
  return unit === "count" || unit === "percentage" || unit === "rate";
}

/**
 * Each value as it may be published, with secondary suppression across every parent area and its
 * children present in the same slice. An output must pass every value of a slice it could show
 * (not just one page of them), or a reader paging through could difference across pages.
 */
export function publishedValues(
  rule: DisclosureRule,
  unit: string,
  values: readonly PublishableValue[],
  links: readonly ParentLink[],
): Map<string, DisclosedCell> {
  const cells: DisclosureCell[] = values.map((value) => cellFor(rule, unit, value));
  const groups: DisclosureGroup[] = [];
  if (rule === "small-count" && additive(unit)) {
    const bySlice = new Map<string, Map<number, string>>();
    for (const value of values) {
      const slice = bySlice.get(value.slice) ?? new Map<number, string>();
      slice.set(value.areaId, value.key);
      bySlice.set(value.slice, slice);
    }
    // A parent's wards, MSOAs and LSOAs each add up to it: one group per parent and child type.
    const children = new Map<string, { parentId: number; childIds: number[] }>();
    for (const link of links) {
      const family = children.get(`${link.parentId}|${link.childType}`) ?? { parentId: link.parentId, childIds: [] };
      family.childIds.push(link.childId);
      children.set(`${link.parentId}|${link.childType}`, family);
    }
    for (const slice of bySlice.values())
      for (const { parentId, childIds } of children.values()) {
        const total = slice.get(parentId);
        const parts = childIds.flatMap((id) => (slice.has(id) ? [slice.get(id)!] : []));
        if (total && parts.length) groups.push({ total, parts });
      }
  }
  const disclosed = applyDisclosure(rule, cells, groups);
  return new Map(values.map((value) => [value.key, shownFor(unit, disclosed.get(value.key)!, value.value)]));
}

/** One small area of the authority as the small-area outputs publish it. */
export interface SmallAreaCount {
  areaId: number;
  /** The count judged (a count, or a rate's numerator); null when missing. */
  count: number | null;
  /** Shown by the small-area outputs (not withheld, not missing). */
  shown: boolean;
}

export interface LocalitySet {
  id: string;
  areaIds: readonly number[];
}

/**
 * Whether `target` is a linear combination of `basis` rows (kept in reduced echelon form by
 * addRow): the value it stands for can then be worked out from what is published.
 */
function reduce(basis: readonly { pivot: number; row: number[] }[], target: readonly number[]): number[] {
  const out = [...target];
  for (const { pivot, row } of basis) {
    const factor = out[pivot]!;
    if (factor !== 0) for (let i = 0; i < out.length; i++) out[i]! -= factor * row[i]!;
  }
  return out;
}

const EPSILON = 1e-9;

function addRow(basis: { pivot: number; row: number[] }[], row: readonly number[]): boolean {
  const reduced = reduce(basis, row);
  const pivot = reduced.findIndex((value) => Math.abs(value) > EPSILON);
  if (pivot < 0) return false;
  const scale = reduced[pivot]!;
  const normal = reduced.map((value) => value / scale);
  for (const other of basis) {
    const factor = other.row[pivot]!;
    if (factor !== 0) for (let i = 0; i < normal.length; i++) other.row[i]! -= factor * normal[i]!;
  }
  basis.push({ pivot, row: normal });
  return true;
}

const determined = (basis: readonly { pivot: number; row: number[] }[], target: readonly number[]) =>
  reduce(basis, target).every((value) => Math.abs(value) <= EPSILON);

/**
 * Locality figures as they may be published, for all of a partnership's localities at once (in
 * id order, so every page reaches the same decisions). Under the small-count rule a locality's
 * figure is withheld when it is a small count itself, or when publishing it — with the small
 * areas' published values, the authority's total and the localities already published — would
 * let a small count be worked out exactly: a small area, a locality, a locality's complement
 * within the authority (authority − locality), or the difference or overlap of two localities
 * (a nested one subtracted from the one holding it). Shown small areas are taken as known
 * exactly (rounding is not relied on); the rest are unknowns, and "worked out" means the
 * unknowns' sum for that set follows from the published sums (linear algebra, exact for these
 * 0/1 systems at the sizes of an authority's localities). Official statistics pass.
 */
export function publishedLocalities(
  rule: DisclosureRule,
  smallAreas: readonly SmallAreaCount[],
  localities: readonly LocalitySet[],
): Map<string, DisclosedCell> {
  const count = new Map(smallAreas.map((area) => [area.areaId, area.count]));
  const sumOf = (ids: Iterable<number>) => {
    let total = 0;
    for (const id of ids) {
      const value = count.get(id);
      if (value === null || value === undefined) return null;
      total += value;
    }
    return total;
  };
  const out = new Map<string, DisclosedCell>();
  const sorted = [...localities].sort((a, b) => a.id.localeCompare(b.id));
  if (rule === "none") {
    for (const locality of sorted) {
      const total = sumOf(locality.areaIds);
      out.set(locality.id, { shown: total, suppressed: false, reason: null, rounded: false });
    }
    return out;
  }
  const unknown = smallAreas.filter((area) => !area.shown).map((area) => area.areaId);
  const column = new Map(unknown.map((id, at) => [id, at]));
  const vector = (ids: Iterable<number>) => {
    const row = new Array<number>(unknown.length).fill(0);
    for (const id of ids) {
      const at = column.get(id);
      if (at !== undefined) row[at] = 1;
    }
    return row;
  };
  // What anyone can work out already: the authority's total (published with its small areas).
  const basis: { pivot: number; row: number[] }[] = [];
  addRow(basis, vector(smallAreas.map((area) => area.areaId)));
  const all = smallAreas.map((area) => area.areaId);
  const sets = sorted.map((locality) => new Set(locality.areaIds));
  const candidates: number[][] = [...unknown.map((id) => [id])];
  for (const [i, a] of sets.entries()) {
    candidates.push(
      [...a],
      all.filter((id) => !a.has(id)),
    );
    for (const b of sets.slice(i + 1)) {
      candidates.push(
        [...a].filter((id) => !b.has(id)),
        [...b].filter((id) => !a.has(id)),
        [...a].filter((id) => b.has(id)),
      );
    }
  }
  const risky = candidates
    .filter((ids) => {
      const total = sumOf(ids);
      return total !== null && isSmallCount(total);
    })
    .map((ids) => vector(ids));
  const leaks = () => risky.some((target) => target.some((value) => value !== 0) && determined(basis, target));
  for (const [i, locality] of sorted.entries()) {
    const total = sumOf(locality.areaIds);
    if (total === null) {
      out.set(locality.id, { shown: null, suppressed: false, reason: null, rounded: false });
      continue;
    }
    if (isSmallCount(total)) {
      out.set(locality.id, { shown: null, suppressed: true, reason: "primary", rounded: false });
      continue;
    }
    const saved = basis.map((entry) => ({ pivot: entry.pivot, row: [...entry.row] }));
    addRow(basis, vector(sets[i]!));
    if (leaks()) {
      basis.splice(0, basis.length, ...saved);
      out.set(locality.id, { shown: null, suppressed: true, reason: "secondary", rounded: false });
    } else out.set(locality.id, { shown: roundToFive(total), suppressed: false, reason: null, rounded: true });
  }
  return out;
}
