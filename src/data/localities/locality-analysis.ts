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
  type LocalitySet,
  publishedLocalities,
  publishedValues,
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

/** Every locality of the partnership with its small areas: a figure is decided with all of them. */
async function allLocalities(db: Executor, partnershipId: string): Promise<LocalitySet[]> {
  const out: LocalitySet[] = [];
  for (const locality of await listLocalities(db, partnershipId))
    out.push({ id: locality.id, areaIds: (await localityMembers(db, locality.id)).map((row) => row.area.id) });
  return out;
}

type Part = Pick<ObservationValue, "value" | "numerator" | "denominator" | "flags">;

/**
 * The small-count rule for a locality (publication.ts): the authority's small areas as the
 * small-area outputs publish them (publishedValues, with the authority as their total), then every
 * locality of the partnership decided together (publishedLocalities), so no figure, complement or
 * difference between localities gives a small count away.
 */
async function smallCountCell(
  db: Executor,
  indicator: IndicatorRow,
  context: { authorityId: number; authorityAreaIds: number[]; localities: LocalitySet[] },
  periodCode: string,
  localityId: string,
) {
  const all = await valuesForAreas(db, {
    indicatorSlug: indicator.slug,
    periodCode,
    areaIds: context.authorityAreaIds,
  });
  const byArea = new Map(all.map((value) => [value.areaId, value]));
  const judged = (value: Part | undefined) =>
    !value || value.flags & FLAG.missing ? null : indicator.unit === "count" ? value.value : (value.numerator ?? null);
  const areas = context.authorityAreaIds.map((areaId) => ({ areaId, value: byArea.get(areaId) }));
  const total = areas.every((area) => judged(area.value) !== null)
    ? areas.reduce((sum, area) => sum + judged(area.value)!, 0)
    : null;
  const panel = publishedValues(
    "small-count",
    "count",
    [
      ...areas.map((area) => ({
        key: String(area.areaId),
        areaId: area.areaId,
        slice: periodCode,
        value: judged(area.value),
        numerator: null,
        suppressedAtSource: area.value ? (area.value.flags & FLAG.suppressed) !== 0 : false,
      })),
      {
        key: "authority",
        areaId: context.authorityId,
        slice: periodCode,
        value: total,
        numerator: null,
        suppressedAtSource: false,
      },
    ],
    areas.map((area) => ({ parentId: context.authorityId, childId: area.areaId, childType: "lsoa" })),
  );
  const decided = publishedLocalities(
    "small-count",
    areas.map((area) => ({
      areaId: area.areaId,
      count: judged(area.value),
      shown: panel.get(String(area.areaId))?.shown != null,
    })),
    context.localities,
  );
  return decided.get(localityId);
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
  locality: { id: string; areaIds: number[] },
): Promise<{ figures: LocalityFigure[]; notAdditive: string[] }> {
  const areaIds = locality.areaIds;
  const partnershipId = partnership.id;
  const catalogue = (await visibleIndicators(db, reader, { partnershipId })).filter(
    (indicator) => indicator.areaTypes.includes("lsoa") && indicator.periodCodes.length > 0,
  );
  const figures: LocalityFigure[] = [];
  const notAdditive: string[] = [];
  if (areaIds.length === 0) return { figures, notAdditive };
  let context: { authorityId: number; authorityAreaIds: number[]; localities: LocalitySet[] } | undefined;
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
      if (!context) {
        const { authority, small } = await smallAreasOf(db, partnership.areaCode);
        context = {
          authorityId: authority?.id ?? 0,
          authorityAreaIds: small.map((area) => area.id),
          localities: await allLocalities(db, partnershipId),
        };
      }
      const cell = (await smallCountCell(db, indicator, context, periodCode, locality.id)) ?? {
        suppressed: true,
        reason: "secondary",
      };
      if (cell.suppressed) {
        shown.value = null;
        shown.numerator = null;
        shown.note = `[c] withheld: ${cell.reason === "primary" ? "fewer than 10" : "with the small areas and the other localities published, it would let a count of fewer than 10 be worked out (the rest of the authority, or the difference or overlap with another locality)"}. ${SMALL_COUNT_NOTE}`;
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
