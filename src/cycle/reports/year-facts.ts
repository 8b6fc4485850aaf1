import { parsePeriod } from "../../data/indicators/index.ts";
import type { StoreSeries } from "./report-data.ts";

/**
 * Whether a store series holds a value for a period overlapping the reporting year (1 April to
 * 31 March): a 2026/27 report measures progress only with figures for 2026/27, a quarter or month
 * in it, or a calendar year or range that covers part of it. Suppressed or missing values (null)
 * are not a measurement.
 */
export function hasValueInYear(series: StoreSeries | undefined, yearStart: string, yearEnd: string): boolean {
  if (!series) return false;
  return series.values.some((value) => {
    if (value.value === null) return false;
    const period = parsePeriod(value.periodCode);
    return period !== null && period.startDate <= yearEnd && period.endDate >= yearStart;
  });
}

/** Action indicators (links, each counted) whose indicator has a value in the year. */
export function indicatorsWithValuesInYear(
  links: { indicatorRef: string }[],
  store: Map<string, StoreSeries>,
  yearStart: string,
  yearEnd: string,
): number {
  return links.filter((link) => hasValueInYear(store.get(link.indicatorRef), yearStart, yearEnd)).length;
}
