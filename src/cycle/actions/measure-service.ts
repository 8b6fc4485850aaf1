/**
 * Actions' indicators read against the indicator store: which indicators a partnership can
 * measure against (those with values for its area), and each tracked indicator's latest value,
 * trajectory and status for the action page and the monitoring dashboard.
 */
import type { Actor } from "../../kernel/auth/policy.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { findAreaByCode } from "../../data/geography/index.ts";
import {
  discloseSeries,
  FLAG,
  type IndicatorRow as CatalogueRow,
  indicatorSlugsWithValues,
  normaliseRule,
  parsePeriod,
  valuesForArea,
  visibleIndicators,
} from "../../data/indicators/index.ts";
import { localitySeries, partnershipLocalities } from "../../data/localities/index.ts";
import type { PartnershipRow } from "../../workspace/partnerships/index.ts";
import type { IndicatorRow } from "./repository.ts";
import { type MeasurePoint, measureStatus, type MeasureResult, type Polarity } from "./measure.ts";

export interface StorePoint extends MeasurePoint {
  label: string;
  sortKey: number;
  provisional: boolean;
  suppressed: boolean;
}

export interface Measure {
  link: IndicatorRow;
  /** The catalogue entry, when the reader may see it. */
  indicator: CatalogueRow | null;
  areaName: string;
  /** The area's values (all people), oldest first, disclosure control applied. */
  points: StorePoint[];
  /** Last day of the baseline period, when a baseline is set and its period is recognised. */
  baselineEnd: string | null;
  result: MeasureResult;
}

/** The partnership's area in the geography, or null when the geography has not been loaded. */
async function areaOf(db: Executor, partnership: PartnershipRow) {
  return (await findAreaByCode(db, partnership.areaCode)) ?? null;
}

/** The indicators the reader may see that have values for the partnership's area, by title. */
export async function measurableIndicators(
  db: Executor,
  actor: Actor | null,
  partnership: PartnershipRow,
): Promise<CatalogueRow[]> {
  const area = await areaOf(db, partnership);
  if (!area) return [];
  const [visible, withValues] = await Promise.all([
    visibleIndicators(db, actor, { partnershipId: partnership.id }),
    indicatorSlugsWithValues(db, area.id),
  ]);
  return visible.filter((row) => withValues.has(row.slug));
}

const polarityOf = (indicator: CatalogueRow | null): Polarity =>
  indicator?.polarity === "higher-is-better" || indicator?.polarity === "higher-is-worse"
    ? indicator.polarity
    : "neither";

/**
 * Measures every tracked indicator link against the store, in one read of the area's values.
 * `catalogue`: what visibleIndicators gave this reader for the partnership, when the caller has
 * it already (the monitoring dashboard), so one page reads and audits it once.
 */
export async function measureLinks(
  db: Executor,
  actor: Actor | null,
  partnership: PartnershipRow,
  links: readonly IndicatorRow[],
  catalogue?: readonly CatalogueRow[],
): Promise<Measure[]> {
  if (links.length === 0) return [];
  const slugs = [...new Set(links.map((link) => link.indicatorRef))];
  const area = await areaOf(db, partnership);
  const visible = new Map(
    (catalogue ?? (await visibleIndicators(db, actor, { partnershipId: partnership.id })))
      .filter((row) => slugs.includes(row.slug))
      .map((row) => [row.slug, row]),
  );
  const values = area ? await valuesForArea(db, area.id, [...visible.keys()]) : [];
  const seriesOf = new Map<string, StorePoint[]>();
  for (const indicator of visible.values()) {
    const own = values.filter((value) => value.indicatorSlug === indicator.slug && value.breakdownId === 0);
    const disclosed = discloseSeries(
      normaliseRule(indicator.disclosureRule),
      indicator.unit,
      own.map((value) => ({
        key: value.periodCode,
        value: value.value,
        numerator: value.numerator,
        suppressedAtSource: (value.flags & FLAG.suppressed) !== 0,
      })),
    );
    const points: StorePoint[] = [];
    for (const value of own) {
      const period = parsePeriod(value.periodCode);
      const cell = disclosed.get(value.periodCode);
      if (!period || !cell) continue;
      points.push({
        periodCode: value.periodCode,
        label: period.label,
        endDate: period.endDate,
        sortKey: period.sortKey,
        value: cell.shown,
        provisional: (value.flags & FLAG.provisional) !== 0,
        suppressed: cell.suppressed,
      });
    }
    seriesOf.set(
      indicator.slug,
      points.sort((a, b) => a.sortKey - b.sortKey),
    );
  }
  const localities = links.some((link) => link.localityId)
    ? new Map((await partnershipLocalities(db, partnership.id)).map((locality) => [locality.id, locality]))
    : new Map();
  const localitySeriesOf = new Map<string, StorePoint[]>();
  for (const link of links) {
    const locality = link.localityId ? localities.get(link.localityId) : undefined;
    const indicator = visible.get(link.indicatorRef);
    if (!locality || !indicator) continue;
    const key = `${locality.id}:${indicator.slug}`;
    if (localitySeriesOf.has(key)) continue;
    const points: StorePoint[] = [];
    for (const point of await localitySeries(db, indicator, partnership, locality)) {
      const period = parsePeriod(point.periodCode);
      if (!period) continue;
      points.push({
        periodCode: point.periodCode,
        label: period.label,
        endDate: period.endDate,
        sortKey: period.sortKey,
        value: point.value,
        provisional: point.provisional,
        suppressed: point.withheld,
      });
    }
    localitySeriesOf.set(
      key,
      points.sort((a, b) => a.sortKey - b.sortKey),
    );
  }
  return links.map((link) => {
    const indicator = visible.get(link.indicatorRef) ?? null;
    const locality = link.localityId ? localities.get(link.localityId) : undefined;
    const points = link.localityId
      ? (localitySeriesOf.get(`${link.localityId}:${link.indicatorRef}`) ?? [])
      : (seriesOf.get(link.indicatorRef) ?? []);
    const areaName = link.localityId
      ? (locality?.name ?? "a locality since removed")
      : (area?.name ?? partnership.areaName);
    const baselineEnd = link.baselinePeriod ? (parsePeriod(link.baselinePeriod)?.endDate ?? null) : null;
    const result: MeasureResult =
      link.localityId && !locality
        ? {
            status: "not-measured",
            reason: "The locality it was measured for has been removed",
            latest: null,
            expected: null,
          }
        : link.baseline === null || baselineEnd === null
          ? {
              status: "not-measured",
              reason: link.baseline === null ? "No baseline set" : "The baseline period is not a recognised period",
              latest: null,
              expected: null,
            }
          : measureStatus(
              {
                baseline: link.baseline,
                baselineEnd,
                target: link.target,
                targetDate: link.targetDate,
                polarity: polarityOf(indicator),
              },
              points,
            );
    return { link, indicator, areaName, points, baselineEnd, result };
  });
}
