/**
 * Statistical disclosure control for the needs assessment's outputs. Pure: no database, so every
 * rule is unit-tested. Official statistics (rule "none") pass through untouched; locally held
 * data under the small-count rule has counts 1–9 withheld as [c], other counts rounded to the
 * nearest 5, and secondary suppression so that no withheld cell can be worked out by subtracting
 * the cells shown from a total (or from the sibling areas that make up a parent area).
 */

export type DisclosureRule = "none" | "small-count";

export const SMALL_COUNT_MAX = 9;
export const ROUND_TO = 5;

export interface DisclosureCell {
  key: string;
  /** The count (or a rate's numerator) the rule is judged on; null when missing or suppressed at source. */
  count: number | null;
  /** Already withheld at source (flag from the import). */
  suppressedAtSource?: boolean;
}

/** An additive relation: the total's count equals the sum of its parts (a total row, or a parent area and its children). */
export interface DisclosureGroup {
  total?: string;
  parts: string[];
}

export type SuppressionReason = "source" | "primary" | "secondary";

export interface DisclosedCell {
  /** What may be shown: rounded for small-count data, null when withheld or missing. */
  shown: number | null;
  suppressed: boolean;
  reason: SuppressionReason | null;
  rounded: boolean;
}

/** Said beside every output the small-count rule was applied to. */
export const SMALL_COUNT_NOTE =
  "Disclosure control: counts from 1 to 9 are shown as [c], other counts are rounded to the nearest 5, and further cells are withheld where a withheld value could otherwise be worked out.";

/** One observed value as the rule sees it. */
export interface ObservedValue {
  key: string;
  value: number | null;
  /** A rate's or percentage's numerator, when the source gave it. */
  numerator?: number | null;
  suppressedAtSource: boolean;
}

/**
 * What the small-count rule is judged on: a count itself, or a rate's numerator. A rate whose
 * numerator is unknown is judged as a small count (withheld): it cannot be shown to be safe.
 */
export function cellFor(rule: DisclosureRule, unit: string, observed: ObservedValue): DisclosureCell {
  const { key, value, suppressedAtSource } = observed;
  if (rule === "none" || unit === "count") return { key, count: value, suppressedAtSource };
  return { key, count: value === null ? null : (observed.numerator ?? 1), suppressedAtSource };
}

/** What a non-count cell shows: the rate itself, unrounded, once its numerator passed the rule. */
export function shownFor(unit: string, cell: DisclosedCell, value: number | null): DisclosedCell {
  if (unit === "count" || cell.suppressed || cell.shown === null) return cell;
  return { ...cell, shown: value, rounded: false };
}

/**
 * One area's series under an indicator's rule (no totals or parts to protect): each value as
 * it may be published, by key. Reports, exports and panels all go through this or applyDisclosure.
 */
export function discloseSeries(
  rule: DisclosureRule,
  unit: string,
  values: readonly ObservedValue[],
): Map<string, DisclosedCell> {
  const disclosed = applyDisclosure(
    rule,
    values.map((value) => cellFor(rule, unit, value)),
  );
  return new Map(values.map((value) => [value.key, shownFor(unit, disclosed.get(value.key)!, value.value)]));
}

export function normaliseRule(rule: string | null | undefined): DisclosureRule {
  return rule === "small-count" ? "small-count" : "none";
}

/** Rounds to the nearest 5 (halves away from zero, so 2.5 → 5 and 12.5 → 15). */
export function roundToFive(value: number): number {
  const rounded = Math.sign(value) * Math.round(Math.abs(value) / ROUND_TO) * ROUND_TO;
  return rounded === 0 ? 0 : rounded;
}

/** A count from 1 to 9 (zero is not disclosive: no one is identified by an empty cell). */
export function isSmallCount(count: number): boolean {
  return count > 0 && count <= SMALL_COUNT_MAX;
}

/**
 * Applies a rule to a set of cells with their additive groups. Secondary suppression runs to a
 * fixed point: while any group has exactly one cell not shown and it is withheld (so it could be
 * derived from the others and the total), the smallest non-zero cell still shown in that group is
 * withheld too (its parts first, the total only when no part is left), which may in turn open another group.
 * The same happens while a group's withheld parts add up to a small count under a shown total.
 */
export function applyDisclosure(
  rule: DisclosureRule,
  cells: readonly DisclosureCell[],
  groups: readonly DisclosureGroup[] = [],
): Map<string, DisclosedCell> {
  const out = new Map<string, DisclosedCell>();
  for (const cell of cells) {
    if (cell.suppressedAtSource) out.set(cell.key, { shown: null, suppressed: true, reason: "source", rounded: false });
    else if (cell.count === null) out.set(cell.key, { shown: null, suppressed: false, reason: null, rounded: false });
    else if (rule === "none") out.set(cell.key, { shown: cell.count, suppressed: false, reason: null, rounded: false });
    else if (isSmallCount(cell.count))
      out.set(cell.key, { shown: null, suppressed: true, reason: "primary", rounded: false });
    else out.set(cell.key, { shown: roundToFive(cell.count), suppressed: false, reason: null, rounded: true });
  }
  if (rule === "none") return out;
  const counts = new Map(cells.map((cell) => [cell.key, cell.count]));
  const size = (key: string) => counts.get(key) ?? Number.POSITIVE_INFINITY;
  let changed = true;
  while (changed) {
    changed = false;
    for (const group of groups) {
      if (derivableIn(out, group) === null && !smallWithheldSum(out, group, counts)) continue;
      const shownParts = group.parts.filter((key) => out.get(key)?.shown != null);
      // A withheld zero protects nothing (the withheld cells would still add up to the small
      // count), so the smallest non-zero part is withheld first; zeros only when nothing else is left.
      const zeroLast = (key: string) => (size(key) === 0 ? 1 : 0);
      const pick =
        shownParts.sort((a, b) => zeroLast(a) - zeroLast(b) || size(a) - size(b) || a.localeCompare(b))[0] ??
        (group.total && out.get(group.total)?.shown != null ? group.total : undefined);
      if (!pick) continue;
      out.set(pick, { shown: null, suppressed: true, reason: "secondary", rounded: false });
      changed = true;
    }
  }
  return out;
}

/**
 * Whether a group's withheld parts add up to a small count its shown total and shown parts give
 * away (two withheld cells of 1 and 2 under a shown total: "these two areas hold 3 together").
 */
function smallWithheldSum(
  result: ReadonlyMap<string, DisclosedCell>,
  group: DisclosureGroup,
  counts: ReadonlyMap<string, number | null>,
): boolean {
  if (!group.total || result.get(group.total)?.shown == null) return false;
  const withheld = group.parts.filter((key) => result.get(key)?.suppressed);
  if (withheld.length < 2) return false;
  // Any part missing (neither shown nor withheld) is an unknown of its own: the sum is not given away.
  if (group.parts.some((key) => result.has(key) && result.get(key)!.shown === null && !result.get(key)!.suppressed))
    return false;
  return isSmallCount(withheld.reduce((sum, key) => sum + (counts.get(key) ?? 0), 0));
}

/**
 * The one withheld cell of a group that its total and shown cells would give away, or null. A
 * cell that is not shown for any reason (withheld or missing) is an unknown: with two unknowns
 * in a group neither can be worked out.
 */
function derivableIn(result: ReadonlyMap<string, DisclosedCell>, group: DisclosureGroup): string | null {
  const members = [...group.parts, ...(group.total ? [group.total] : [])].filter((key) => result.has(key));
  const unknown = members.filter((key) => result.get(key)!.shown === null);
  return unknown.length === 1 && result.get(unknown[0]!)!.suppressed && members.length > 1 ? unknown[0]! : null;
}

/**
 * The check the rule promises, for tests and for a final guard before publishing: true when some
 * group has exactly one withheld cell, which its total and shown siblings would give away.
 */
export function derivableCells(
  result: ReadonlyMap<string, DisclosedCell>,
  groups: readonly DisclosureGroup[],
): string[] {
  return groups.map((group) => derivableIn(result, group)).filter((key): key is string => key !== null);
}
