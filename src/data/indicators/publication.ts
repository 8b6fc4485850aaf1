/**
 * Disclosure control for every published output, in one place: the needs assessment's rule
 * (disclosure.ts: [c] for counts 1–9, rounding to 5, secondary suppression) with the additive
 * relations an output's figures stand in, so nothing withheld can be worked out by differencing:
 * - areas and the areas they contain (a parent's count is the sum of its children's), per period
 *   and breakdown — the API's pages and exports (publishedValues);
 * - a locality and its complement within the authority (the authority's count is the locality's
 *   plus the rest's), and a locality nested in another (the larger is the smaller plus the
 *   difference) — the locality figures (publishedLocality).
 * Pure: no database, so the property test (publication.test.ts) drives every path through here.
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

/** A sum over small areas: the count judged (a count, or a rate's numerator), null when unknown. */
export interface AreaSum {
  count: number | null;
}

/**
 * Whether a locality's figure may be published under the rule: it passes itself, its complement
 * within the authority passes (else authority − locality gives the complement away, and the
 * locality is withheld with it), and so does its difference with every other locality nested in
 * it or containing it. A complement that cannot be computed (a small area without a value) cannot
 * be shown to be safe: the locality is withheld. Official statistics (rule "none") pass.
 */
export function publishedLocality(
  rule: DisclosureRule,
  locality: AreaSum,
  authority: AreaSum,
  nested: readonly { difference: number | null }[] = [],
): DisclosedCell {
  if (locality.count === null) return { shown: null, suppressed: false, reason: null, rounded: false };
  if (rule === "none") return { shown: locality.count, suppressed: false, reason: null, rounded: false };
  if (isSmallCount(locality.count)) return { shown: null, suppressed: true, reason: "primary", rounded: false };
  const complement = authority.count === null ? null : authority.count - locality.count;
  // Never published themselves: they only decide whether the locality's figure may be.
  const hidden = [complement, ...nested.map((other) => other.difference)];
  if (hidden.some((count) => count === null || isSmallCount(count)))
    return { shown: null, suppressed: true, reason: "secondary", rounded: false };
  return { shown: roundToFive(locality.count), suppressed: false, reason: null, rounded: true };
}
