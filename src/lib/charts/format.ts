import type { Point, Unit } from "./schemas.ts";
import { MISSING_MARK, SUPPRESSED_MARK } from "./types.ts";

const defaultDecimals: Record<Unit, number> = {
  percentage: 1,
  count: 0,
  rate: 1,
  score: 1,
  rank: 0,
  currency: 0,
};

const formatters = new Map<string, Intl.NumberFormat>();
function formatter(decimals: number): Intl.NumberFormat {
  const key = String(decimals);
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.NumberFormat("en-GB", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    formatters.set(key, found);
  }
  return found;
}

export function formatValue(value: number, unit: Unit, decimals?: number): string {
  const text = formatter(decimals ?? defaultDecimals[unit]).format(value);
  if (unit === "percentage") return `${text}%`;
  if (unit === "currency") return `£${text}`;
  return text;
}

export function formatPoint(point: Point | undefined, unit: Unit, decimals?: number): string {
  if (point === "suppressed") return SUPPRESSED_MARK;
  if (point === null || point === undefined) return MISSING_MARK;
  return formatValue(point, unit, decimals);
}

export function numericOrNull(point: Point | undefined): number | null {
  return typeof point === "number" ? point : null;
}

/** Axis tick labels: fewer decimals than data labels so ticks stay short. */
export function formatTick(value: number, unit: Unit): string {
  const abs = Math.abs(value);
  const decimals = Number.isInteger(value) ? 0 : abs < 10 ? 1 : 0;
  return formatValue(value, unit, decimals);
}

export function joinNonEmpty(parts: (string | undefined)[], separator: string): string {
  return parts.filter((part): part is string => Boolean(part?.trim())).join(separator);
}

const catalogueUnits: Record<string, Unit> = {
  count: "count",
  percentage: "percentage",
  rate: "rate",
  currency: "currency",
  rank: "rank",
  decile: "rank",
};

/** How an indicator catalogue unit is shown: charts never invent one, so anything else is a score. */
export function chartUnitOf(catalogueUnit: string): Unit {
  return catalogueUnits[catalogueUnit] ?? "score";
}

/** Proportions (0 to 1) need three places; every other unit takes its default. */
export function chartDecimalsOf(catalogueUnit: string): number | undefined {
  return catalogueUnit === "proportion" ? 3 : undefined;
}
