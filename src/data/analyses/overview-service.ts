/**
 * The indicators overview: every indicator the reader may see that has a value row for the
 * partnership's area, in the area's newest period, against its region and nation and the spread
 * of comparable areas (same type, same nation). Three reads for all indicators at once: the
 * area's values, the region's and nation's for those (indicator, period) pairs, and every
 * comparable area's for them (~40 × ~340 rows), built once per data version by the route.
 */
import { yieldToEventLoop } from "../../kernel/db/arrays.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { type AreaRow, findAreaByCode } from "../geography/index.ts";
import {
  catalogueGroupOf,
  type IndicatorRow,
  type ObservationValue,
  valuesForArea,
  valuesForPairs,
} from "../indicators/index.ts";
import { type Benchmark, latestValue, type Polarity } from "./analysis.ts";
import { disclosedForOverview } from "./overview-disclosure.ts";
import { compareWithNation, type Spread, spreadOf } from "./overview-stats.ts";
import { polarityOf } from "./profile-service.ts";
import { referenceAreas } from "./reference-areas.ts";

export interface OverviewRow {
  indicator: IndicatorRow;
  polarity: Polarity;
  periodCode: string;
  /** The area's row for its newest period: its value may be suppressed or missing (then labelled). */
  area: ObservationValue;
  region: ObservationValue | null;
  nation: ObservationValue | null;
  /** Comparable areas' spread; null with too few values (the reason is `spreadNote`). */
  spread: Spread | null;
  spreadNote: string | null;
  comparison: Benchmark;
}

export interface OverviewGroup {
  name: string;
  rows: OverviewRow[];
}

export interface AreaOverview {
  area: AreaRow | null;
  region: AreaRow | null;
  nation: AreaRow | null;
  groups: OverviewGroup[];
  /** Indicators the reader may see with no value row for this area (other area types, other places). */
  withoutValues: number;
}

function bySlug(values: readonly ObservationValue[]): Map<string, ObservationValue[]> {
  const out = new Map<string, ObservationValue[]>();
  for (const value of values) out.set(value.indicatorSlug, [...(out.get(value.indicatorSlug) ?? []), value]);
  return out;
}

/** `catalogue`: exactly the indicators this reader may see (visibleIndicators). */
export async function loadAreaOverview(
  db: Executor,
  areaCode: string,
  catalogue: readonly IndicatorRow[],
): Promise<AreaOverview> {
  const area = (await findAreaByCode(db, areaCode)) ?? null;
  if (!area) return { area: null, region: null, nation: null, groups: [], withoutValues: catalogue.length };
  const visible = new Map(catalogue.map((row) => [row.slug, row]));
  const [own, references] = await Promise.all([
    valuesForArea(
      db,
      area.id,
      catalogue.map((row) => row.slug),
    ),
    referenceAreas(db, area),
  ]);
  await yieldToEventLoop();
  const region = references.find((r) => r.relation === "region")?.area ?? null;
  const nation = references.find((r) => r.relation === "nation")?.area ?? null;
  // The newest period of each indicator's series for the area, with or without a value.
  const newest = new Map<string, ObservationValue>();
  for (const [slug, values] of bySlug(own.filter((v) => v.breakdownId === 0 && visible.has(v.indicatorSlug)))) {
    const row = latestValue(values).newestPeriod;
    if (row) newest.set(slug, row);
  }
  const pairs = [...newest.values()].map((v) => ({ indicatorSlug: v.indicatorSlug, periodCode: v.periodCode }));
  const referenceIds = [region, nation].flatMap((r) => (r ? [r.id] : []));
  const [referenceValues, peerValues] = await Promise.all([
    referenceIds.length ? valuesForPairs(db, { pairs, areaIds: referenceIds }) : Promise.resolve([]),
    valuesForPairs(db, { pairs, areaType: area.type, ...(area.nation ? { nation: area.nation } : {}) }),
  ]);
  await yieldToEventLoop();
  const referenceBySlug = bySlug(referenceValues);
  const peers = bySlug(peerValues);
  const groups = new Map<string, OverviewRow[]>();
  for (const [slug, value] of newest) {
    const indicator = visible.get(slug)!;
    const polarity = polarityOf(indicator);
    const refs = referenceBySlug.get(slug) ?? [];
    // Every figure of the row under the indicator's disclosure rule before anything is worked out from it.
    const areaValue = disclosedForOverview(indicator, [value])[0]!;
    const [regionValue = null, nationValue = null] = disclosedForOverview(indicator, [
      refs.find((r) => r.areaId === region?.id) ?? null,
      refs.find((r) => r.areaId === nation?.id) ?? null,
    ]);
    const peerRows = disclosedForOverview(indicator, peers.get(slug) ?? []);
    const spread = spreadOf(peerRows.map((p) => p.value));
    const row: OverviewRow = {
      indicator,
      polarity,
      periodCode: value.periodCode,
      area: areaValue,
      region: regionValue,
      nation: nationValue,
      spread,
      spreadNote: spread
        ? null
        : `fewer than 5 comparable areas have a value (${peerRows.filter((p) => p.value !== null).length})`,
      comparison: compareWithNation(areaValue, nationValue, { unit: indicator.unit, polarity }),
    };
    const name = catalogueGroupOf(indicator);
    groups.set(name, [...(groups.get(name) ?? []), row]);
  }
  return {
    area,
    region,
    nation,
    groups: [...groups]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, rows]) => ({
        name,
        rows: rows.sort((a, b) => a.indicator.title.localeCompare(b.indicator.title)),
      })),
    withoutValues: catalogue.filter((row) => !newest.has(row.slug)).length,
  };
}
