import type { Actor } from "../../kernel/auth/policy.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { formatValue } from "../../lib/charts/index.ts";
import { listLocalities, localityMembers } from "../geography/index.ts";
import {
  aggregateValues,
  FLAG,
  type IndicatorRow,
  normaliseRule,
  type ObservationValue,
  parsePeriod,
  publishedLocality,
  roundToFive,
  SMALL_COUNT_NOTE,
  valuesForAreas,
  visibleIndicators,
} from "../indicators/index.ts";
import { smallAreasOf } from "./locality-service.ts";

/** Only these add up: counts are summed, percentages and rates recomputed from summed numerators and denominators. */
const ADDITIVE_UNITS = new Set(["count", "percentage", "rate"]);

export interface LocalityFigure {
  slug: string;
  title: string;
  period: string;
  source: string;
  /** Formatted value, "[x]" when it cannot be computed. */
  value: string;
  numerator: string;
  denominator: string;
  provisional: boolean;
  /** Why the value is missing, or how many small areas it covers. */
  note: string;
}

/** The other localities of the partnership, as sets of small-area ids: a nested one could be differenced. */
async function otherLocalities(db: Executor, partnershipId: string, areaIds: readonly number[]) {
  const mine = [...areaIds].sort().join(",");
  const sets: Set<number>[] = [];
  for (const locality of await listLocalities(db, partnershipId)) {
    const ids = (await localityMembers(db, locality.id)).map((row) => row.area.id);
    if (ids.sort().join(",") !== mine) sets.push(new Set(ids));
  }
  return sets;
}

type Part = Pick<ObservationValue, "value" | "numerator" | "denominator" | "flags">;
const MISSING: Part = { value: null, numerator: null, denominator: null, flags: FLAG.missing };

/**
 * The small-count rule for a locality (publication.ts): judged on its count (a rate's
 * numerator), its complement within the authority and its difference with each locality nested
 * in it or holding it, all summed from the authority's small areas.
 */
async function smallCountCheck(
  db: Executor,
  indicator: IndicatorRow,
  context: { authorityAreaIds: number[]; others: Set<number>[] },
  periodCode: string,
  areaIds: readonly number[],
) {
  const all = await valuesForAreas(db, {
    indicatorSlug: indicator.slug,
    periodCode,
    areaIds: context.authorityAreaIds,
  });
  const byArea = new Map(all.map((value) => [value.areaId, value as Part]));
  const sum = (ids: Iterable<number>) =>
    aggregateValues(
      [...ids].map((id) => byArea.get(id) ?? MISSING),
      indicator.unit,
      indicator.ratePer ?? 100,
    ).numerator;
  const mine = new Set(areaIds);
  const nested = context.others.flatMap((other) => {
    const inside = [...other].every((id) => mine.has(id));
    const holds = [...mine].every((id) => other.has(id));
    if (inside) return [{ difference: sum([...mine].filter((id) => !other.has(id))) }];
    if (holds) return [{ difference: sum([...other].filter((id) => !mine.has(id))) }];
    return [];
  });
  return publishedLocality("small-count", { count: sum(mine) }, { count: sum(context.authorityAreaIds) }, nested);
}

/**
 * Figures for a locality from its small areas' values in the latest period of each small-area
 * indicator: sums of numerators and denominators (aggregateValues), never averages of rates.
 * A value missing or suppressed for any small area makes the locality's figure missing, since a
 * partial sum would understate it.
 */
export async function localityFigures(
  db: Executor,
  reader: Actor | null,
  partnership: { id: string; areaCode: string },
  areaIds: number[],
): Promise<{ figures: LocalityFigure[]; notAdditive: string[] }> {
  const partnershipId = partnership.id;
  const catalogue = (await visibleIndicators(db, reader, { partnershipId })).filter(
    (indicator) => indicator.areaTypes.includes("lsoa") && indicator.periodCodes.length > 0,
  );
  const figures: LocalityFigure[] = [];
  const notAdditive: string[] = [];
  if (areaIds.length === 0) return { figures, notAdditive };
  let context: { authorityAreaIds: number[]; others: Set<number>[] } | undefined;
  for (const indicator of catalogue) {
    if (!ADDITIVE_UNITS.has(indicator.unit)) {
      notAdditive.push(indicator.title);
      continue;
    }
    const periodCode = indicator.periodCodes.at(-1)!;
    const values = await valuesForAreas(db, { indicatorSlug: indicator.slug, periodCode, areaIds });
    if (values.length === 0) continue;
    const byArea = new Map(values.map((value) => [value.areaId, value]));
    // Small areas with no row at all count as missing, like an explicit missing value.
    const parts = areaIds.map(
      (id) => byArea.get(id) ?? { value: null, numerator: null, denominator: null, flags: FLAG.missing },
    );
    const total = aggregateValues(parts, indicator.unit, indicator.ratePer ?? 100);
    const unit = indicator.unit as "count" | "percentage" | "rate";
    const suppressed = parts.filter((part) => (part.flags & FLAG.suppressed) !== 0).length;
    const note =
      total.value === null
        ? total.missing > 0
          ? `Not computed: ${total.missing} of ${areaIds.length} small areas have no value${suppressed ? ` (${suppressed} suppressed)` : ""}`
          : "Not computed: no denominator"
        : `Sum of ${areaIds.length} small area${areaIds.length === 1 ? "" : "s"}${unit === "count" ? "" : " (numerators and denominators summed)"}`;
    const shown = { value: total.value, numerator: total.numerator, note };
    if (normaliseRule(indicator.disclosureRule) === "small-count" && total.value !== null) {
      context ??= {
        authorityAreaIds: (await smallAreasOf(db, partnership.areaCode)).small.map((area) => area.id),
        others: await otherLocalities(db, partnershipId, areaIds),
      };
      const cell = await smallCountCheck(db, indicator, context, periodCode, areaIds);
      if (cell.suppressed) {
        shown.value = null;
        shown.numerator = null;
        shown.note = `[c] withheld: ${cell.reason === "primary" ? "fewer than 10" : "the rest of the authority, or the difference with another locality, is fewer than 10 and could be worked out from it"}. ${SMALL_COUNT_NOTE}`;
      } else {
        shown.value = unit === "count" ? roundToFive(total.value) : total.value;
        shown.numerator = total.numerator === null ? null : roundToFive(total.numerator);
        shown.note = `${note}. ${SMALL_COUNT_NOTE}`;
      }
    }
    const withheld = shown.value === null && total.value !== null;
    figures.push({
      slug: indicator.slug,
      title: indicator.title,
      period: parsePeriod(periodCode)?.label ?? periodCode,
      source: [indicator.publisher, indicator.dataset].filter(Boolean).join(", ") || "Source not recorded",
      value: withheld ? "[c]" : shown.value === null ? "[x]" : formatValue(shown.value, unit, unit === "count" ? 0 : 1),
      numerator: shown.numerator === null || unit === "count" ? "" : formatValue(shown.numerator, "count", 0),
      denominator: withheld || total.denominator === null ? "" : formatValue(total.denominator, "count", 0),
      provisional: (total.flags & FLAG.provisional) !== 0,
      note: shown.note,
    });
  }
  return { figures, notAdditive };
}
