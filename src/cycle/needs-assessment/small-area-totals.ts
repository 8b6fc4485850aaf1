/**
 * An area's figures added up from its small areas, for indicators published for small areas
 * only (the IoD numerators and populations are LSOA-level): counts summed, rates from summed
 * numerators and denominators, never an average of rates. A period where any small area lacks a
 * value has no total (a partial sum would understate it). Bounded: one query per period over
 * the area's own small areas, by primary key.
 */
import type { Executor } from "../../kernel/db/database.ts";
import { type AreaRow, childrenOfType } from "../../data/geography/index.ts";
import {
  aggregateValues,
  FLAG,
  type IndicatorRow,
  type ObservationValue,
  valuesForAreas,
} from "../../data/indicators/index.ts";

export interface SmallAreaTotals {
  values: ObservationValue[];
  smallAreas: number;
  smallAreaType: string;
  /** Per period: how many small areas have no value (so the period has no total). */
  withoutValue: Map<string, number>;
}

export async function smallAreaTotals(
  db: Executor,
  area: AreaRow,
  indicator: IndicatorRow,
  smallTypes: readonly string[],
): Promise<SmallAreaTotals | null> {
  if (indicator.unit !== "count" && indicator.unit !== "percentage" && indicator.unit !== "rate") return null;
  for (const type of indicator.areaTypes.filter((t) => smallTypes.includes(t) && t !== area.type)) {
    const children = await childrenOfType(db, area, type);
    if (children.length === 0) continue;
    const values: ObservationValue[] = [];
    const withoutValue = new Map<string, number>();
    for (const periodCode of indicator.periodCodes) {
      const found = await valuesForAreas(db, {
        indicatorSlug: indicator.slug,
        periodCode,
        areaIds: children.map((c) => c.id),
      });
      if (found.length === 0) continue;
      const absent = children.length - found.length;
      withoutValue.set(periodCode, children.length - found.filter((v) => v.value !== null).length);
      const total =
        absent > 0
          ? { value: null, numerator: null, denominator: null, flags: FLAG.missing }
          : aggregateValues(found, indicator.unit, indicator.ratePer ?? 100);
      values.push({
        indicatorSlug: indicator.slug,
        areaId: area.id,
        areaCode: area.code,
        periodCode,
        periodSortKey: found[0]!.periodSortKey,
        breakdownId: 0,
        value: total.value,
        numerator: total.numerator,
        denominator: total.denominator,
        ciLower: null,
        ciUpper: null,
        flags: total.flags,
        batchId: 0,
      });
    }
    // Even when every total is missing (a small area without a value), the panel says why and shows the parts.
    if (values.length > 0) return { values, smallAreas: children.length, smallAreaType: type, withoutValue };
  }
  return null;
}
