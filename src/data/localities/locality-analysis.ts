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

/** Every locality of the partnership with its name and small areas, by name. */
export async function partnershipLocalities(
  db: Executor,
  partnershipId: string,
): Promise<(LocalitySet & { name: string })[]> {
  const out: (LocalitySet & { name: string })[] = [];
  for (const locality of await listLocalities(db, partnershipId))
    out.push({
      id: locality.id,
      name: locality.name,
      areaIds: (await localityMembers(db, locality.id)).map((row) => row.area.id),
    });
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
  context: Context,
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

type Context = { authorityId: number; authorityAreaIds: number[]; localities: LocalitySet[] };

/** A locality's figure for one indicator and period, decided as every published output decides it. */
interface Figure {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  flags: number;
  /** A value there is but disclosure control withholds ([c]). */
  withheld: boolean;
  note: string;
}

/**
 * The locality's figure for one period from its small areas' values: sums of numerators and
 * denominators (aggregateValues), never averages of rates. A value missing or suppressed for any
 * small area makes the figure missing, since a partial sum would understate it. Null when no
 * small area has a row for the period. `context` is worked out once, on the first small-count cell.
 */
async function figureFor(
  db: Executor,
  indicator: IndicatorRow,
  partnership: { id: string; areaCode: string },
  locality: { id: string; areaIds: number[] },
  periodCode: string,
  context: { value?: Context },
): Promise<Figure | null> {
  const areaIds = locality.areaIds;
  const values = await valuesForAreas(db, { indicatorSlug: indicator.slug, periodCode, areaIds });
  if (values.length === 0) return null;
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
  const shown: Figure = {
    value: total.value,
    numerator: total.numerator,
    denominator: total.denominator,
    flags: total.flags,
    withheld: false,
    note,
  };
  if (normaliseRule(indicator.disclosureRule) === "small-count" && total.value !== null) {
    if (!context.value) {
      const { authority, small } = await smallAreasOf(db, partnership.areaCode);
      context.value = {
        authorityId: authority?.id ?? 0,
        authorityAreaIds: small.map((area) => area.id),
        // Every locality of the partnership: a figure is decided with all of them.
        localities: await partnershipLocalities(db, partnership.id),
      };
    }
    const cell = (await smallCountCell(db, indicator, context.value, periodCode, locality.id)) ?? {
      suppressed: true,
      reason: "secondary",
    };
    if (cell.suppressed) {
      shown.value = null;
      shown.numerator = null;
      shown.withheld = true;
      shown.note = `[c] withheld: ${cell.reason === "primary" ? "fewer than 10" : "with the small areas and the other localities published, it would let a count of fewer than 10 be worked out (the rest of the authority, or the difference or overlap with another locality)"}. ${SMALL_COUNT_NOTE}`;
    } else {
      shown.value = unit === "count" ? roundToFive(total.value) : total.value;
      shown.numerator = total.numerator === null ? null : roundToFive(total.numerator);
      shown.note = `${note}. ${SMALL_COUNT_NOTE}`;
    }
  }
  return shown;
}

/** The indicators a locality's figures can be worked out for: small-area values that add up. */
export async function localityIndicators(
  db: Executor,
  reader: Actor | null,
  partnershipId: string,
): Promise<{ measurable: IndicatorRow[]; notAdditive: IndicatorRow[] }> {
  const catalogue = (await visibleIndicators(db, reader, { partnershipId })).filter(
    (indicator) => indicator.areaTypes.includes("lsoa") && indicator.periodCodes.length > 0,
  );
  return {
    measurable: catalogue.filter((indicator) => ADDITIVE_UNITS.has(indicator.unit)),
    notAdditive: catalogue.filter((indicator) => !ADDITIVE_UNITS.has(indicator.unit)),
  };
}

/** Figures for a locality in the latest period of each small-area indicator. */
export async function localityFigures(
  db: Executor,
  reader: Actor | null,
  partnership: { id: string; areaCode: string },
  locality: { id: string; areaIds: number[] },
): Promise<{ figures: LocalityFigure[]; notAdditive: string[] }> {
  const { measurable, notAdditive } = await localityIndicators(db, reader, partnership.id);
  const figures: LocalityFigure[] = [];
  if (locality.areaIds.length === 0) return { figures, notAdditive: notAdditive.map((i) => i.title) };
  const context: { value?: Context } = {};
  for (const indicator of measurable) {
    const periodCode = indicator.periodCodes.at(-1)!;
    const shown = await figureFor(db, indicator, partnership, locality, periodCode, context);
    if (!shown) continue;
    const unit = indicator.unit as "count" | "percentage" | "rate";
    figures.push({
      slug: indicator.slug,
      title: indicator.title,
      period: parsePeriod(periodCode)?.label ?? periodCode,
      source: [indicator.publisher, indicator.dataset].filter(Boolean).join(", ") || "Source not recorded",
      value: shown.withheld
        ? "[c]"
        : shown.value === null
          ? "[x]"
          : formatValue(shown.value, unit, unit === "count" ? 0 : 1),
      numerator: shown.numerator === null || unit === "count" ? "" : formatValue(shown.numerator, "count", 0),
      denominator: shown.withheld || shown.denominator === null ? "" : formatValue(shown.denominator, "count", 0),
      provisional: (shown.flags & FLAG.provisional) !== 0,
      note: shown.note,
    });
  }
  return { figures, notAdditive: notAdditive.map((i) => i.title) };
}

/** One period of a locality's series: the figure as published, or why there is none. */
export interface LocalityPoint {
  periodCode: string;
  value: number | null;
  withheld: boolean;
  provisional: boolean;
  note: string;
}

/**
 * A locality's figures for one indicator in every period it has small-area values for, oldest
 * first as the catalogue lists them, each decided by the same rules as the locality's page — what
 * an action measured for the locality is judged on.
 */
export async function localitySeries(
  db: Executor,
  indicator: IndicatorRow,
  partnership: { id: string; areaCode: string },
  locality: { id: string; areaIds: number[] },
): Promise<LocalityPoint[]> {
  if (!ADDITIVE_UNITS.has(indicator.unit) || locality.areaIds.length === 0) return [];
  const context: { value?: Context } = {};
  const points: LocalityPoint[] = [];
  for (const periodCode of indicator.periodCodes) {
    const shown = await figureFor(db, indicator, partnership, locality, periodCode, context);
    if (!shown) continue;
    points.push({
      periodCode,
      value: shown.value,
      withheld: shown.withheld,
      provisional: (shown.flags & FLAG.provisional) !== 0,
      note: shown.note,
    });
  }
  return points;
}
