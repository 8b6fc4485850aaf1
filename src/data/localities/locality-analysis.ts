import type { Actor } from "../../kernel/auth/policy.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { formatValue } from "../../lib/charts/index.ts";
import { aggregateValues, FLAG, parsePeriod, valuesForAreas, visibleIndicators } from "../indicators/index.ts";

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

/**
 * Figures for a locality from its small areas' values in the latest period of each small-area
 * indicator: sums of numerators and denominators (aggregateValues), never averages of rates.
 * A value missing or suppressed for any small area makes the locality's figure missing, since a
 * partial sum would understate it.
 */
export async function localityFigures(
  db: Executor,
  reader: Actor | null,
  partnershipId: string,
  areaIds: number[],
): Promise<{ figures: LocalityFigure[]; notAdditive: string[] }> {
  const catalogue = (await visibleIndicators(db, reader, { partnershipId })).filter(
    (indicator) => indicator.areaTypes.includes("lsoa") && indicator.periodCodes.length > 0,
  );
  const figures: LocalityFigure[] = [];
  const notAdditive: string[] = [];
  if (areaIds.length === 0) return { figures, notAdditive };
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
    figures.push({
      slug: indicator.slug,
      title: indicator.title,
      period: parsePeriod(periodCode)?.label ?? periodCode,
      source: [indicator.publisher, indicator.dataset].filter(Boolean).join(", ") || "Source not recorded",
      value: total.value === null ? "[x]" : formatValue(total.value, unit, unit === "count" ? 0 : 1),
      numerator: total.numerator === null || unit === "count" ? "" : formatValue(total.numerator, "count", 0),
      denominator: total.denominator === null ? "" : formatValue(total.denominator, "count", 0),
      provisional: (total.flags & FLAG.provisional) !== 0,
      note,
    });
  }
  return { figures, notAdditive };
}
