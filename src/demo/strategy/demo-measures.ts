/**
 * Baselines and targets for the demo's action indicators, read from the indicator store so a
 * baseline is the area's real (fictional demo) value for its period and the pages show each
 * status: a cut the rising series misses, a limit on the rise it keeps to, and a baseline in the
 * latest period with no newer value yet.
 */
import type { Db } from "../../kernel/db/database.ts";
import type { IndicatorInput } from "../../cycle/actions/index.ts";
import { findAreaByCode } from "../../data/geography/index.ts";
import { findIndicator, parsePeriod, valuesForArea } from "../../data/indicators/index.ts";
import { localitySeries, partnershipLocalities } from "../../data/localities/index.ts";

/** The fictional percentage seedIndicatorDemo loads (demo/seed), when it is there. */
const DEMO_SLUG = "demo-children-low-income-percentage";
/** The fictional small-area percentage seedSmallAreaDemo loads (demo/seed) for the first partnership's small areas. */
const DEMO_SMALL_AREA_SLUG = "children-in-low-income-families-by-small-area-fictional-demo-data-percentage";

const round = (value: number) => Math.round(value * 10) / 10;

const yearAfter = (periodCode: string, years: number) => {
  const end = parsePeriod(periodCode)!.endDate;
  return `${Number(end.slice(0, 4)) + years}${end.slice(4)}`;
};

/** Three indicator plans, or none when the store has no series for the area. */
export async function demoMeasurePlans(db: Db, areaCode: string): Promise<IndicatorInput[]> {
  const [area, indicator] = await Promise.all([findAreaByCode(db, areaCode), findIndicator(db, DEMO_SLUG)]);
  if (!area || !indicator) return [];
  const series = (await valuesForArea(db, area.id, [DEMO_SLUG]))
    .filter((row) => row.breakdownId === 0 && row.value !== null)
    .sort((a, b) => a.periodSortKey - b.periodSortKey);
  if (series.length < 4) return [];
  const early = series.at(-4)!;
  const latest = series.at(-1)!;
  const plan = (from: typeof early, change: number, years: number): IndicatorInput => ({
    indicatorRef: DEMO_SLUG,
    label: indicator.title,
    baseline: round(from.value!),
    baselinePeriod: from.periodCode,
    target: round(from.value! + change),
    targetDate: yearAfter(from.periodCode, years),
  });
  return [plan(early, -3, 5), plan(early, 3, 4), plan(latest, -2, 4)];
}

/**
 * A plan measured for the partnership's first locality (by name) whose figures are shown (the
 * small-count rule may withhold a locality's), on the small-area percentage, its baseline the
 * locality's own first figure; null when there is none (every demo partnership but the first).
 */
export async function demoLocalityPlan(
  db: Db,
  partnership: { id: string; areaCode: string },
): Promise<IndicatorInput | null> {
  const indicator = await findIndicator(db, DEMO_SMALL_AREA_SLUG);
  if (!indicator) return null;
  for (const locality of await partnershipLocalities(db, partnership.id)) {
    const series = await localitySeries(db, indicator, partnership, {
      id: locality.id,
      areaIds: [...locality.areaIds],
    });
    const first = series[0];
    if (!first || first.value === null || series.some((point) => point.value === null)) continue;
    return {
      indicatorRef: DEMO_SMALL_AREA_SLUG,
      label: indicator.title,
      localityId: locality.id,
      baseline: round(first.value),
      baselinePeriod: first.periodCode,
      target: round(first.value * 0.8),
      targetDate: yearAfter(first.periodCode, 5),
    };
  }
  return null;
}
