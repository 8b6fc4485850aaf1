/** How a panel's values are shown: units, labels, and the disclosure rule applied to one value. */
import { chartUnitOf, formatValue } from "../../lib/charts/index.ts";
import {
  cellFor,
  type DisclosedCell,
  type DisclosureCell,
  FLAG,
  type IndicatorRow,
  type ObservationValue,
  parsePeriod,
  shownFor,
} from "../../data/indicators/index.ts";

export const SMALL_AREA_TYPES = ["ward", "msoa", "lsoa"];

export const periodLabel = (code: string) => parsePeriod(code)?.label ?? code;

export function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

export function display(indicator: IndicatorRow, cell: DisclosedCell | undefined, value: ObservationValue): string {
  if (!cell || cell.suppressed) return "[c]";
  if (cell.shown === null) return "[x]";
  const text = formatValue(cell.shown, chartUnitOf(indicator.unit));
  const withUnit =
    indicator.unit === "rate" && indicator.ratePer ? `${text} per ${indicator.ratePer.toLocaleString("en-GB")}` : text;
  return (value.flags & FLAG.provisional) !== 0 ? `${withUnit} (p)` : withUnit;
}

/** What the small-count rule is judged on (disclosure.ts): the count itself, or a rate's numerator. */
export function disclosureCell(
  key: string,
  indicator: IndicatorRow,
  value: ObservationValue,
  rule: "none" | "small-count",
): DisclosureCell {
  const suppressedAtSource = (value.flags & FLAG.suppressed) !== 0;
  return cellFor(rule, indicator.unit, { key, value: value.value, numerator: value.numerator, suppressedAtSource });
}

/** Shown value of a non-count cell: the rate itself when its numerator passed the rule. */
export function shownValue(indicator: IndicatorRow, cell: DisclosedCell, value: ObservationValue): DisclosedCell {
  return shownFor(indicator.unit, cell, value.value);
}

/** A percentage changes by percentage points ("up 3.6 percentage points"); anything else by its relative change ("up 44%"). */
export function changeAmount(unit: string, change: { percent: number | null; difference: number | null }): string {
  if (unit === "percentage" && change.difference !== null)
    return `${Math.abs(change.difference).toLocaleString("en-GB", { maximumFractionDigits: 1 })} percentage points`;
  return `${Math.abs(change.percent ?? 0).toLocaleString("en-GB", { maximumFractionDigits: 0 })}%`;
}
