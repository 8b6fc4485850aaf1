/** Store rows → API objects. Values stay null when missing or suppressed: never 0. */
import { type AreaRow, type AreaType, areaTypeLabels } from "../geography/index.ts";
import type { BreakdownSet } from "../analyses/index.ts";
import { accessOf, derivedMethod, FLAG, type IndicatorRow, type PeriodRow } from "../indicators/index.ts";

export const BASE = "/api/v1";

export function flagsOf(flags: number) {
  return {
    provisional: (flags & FLAG.provisional) !== 0,
    suppressed: (flags & FLAG.suppressed) !== 0,
    estimated: (flags & FLAG.estimated) !== 0,
    revised: (flags & FLAG.revised) !== 0,
    missing: (flags & FLAG.missing) !== 0,
    calculated: (flags & FLAG.derived) !== 0,
    method: derivedMethod(flags),
  };
}

export function sourceOf(indicator: IndicatorRow) {
  return {
    publisher: indicator.publisher,
    dataset: indicator.dataset,
    url: indicator.sourceUrl,
    licence: indicator.licence,
    releaseDate: indicator.releaseDate,
    nextReleaseDate: indicator.nextReleaseDate,
  };
}

export function periodOf(row: Pick<PeriodRow, "code" | "label" | "startDate" | "endDate"> | undefined, code: string) {
  return row
    ? { code: row.code, label: row.label, start: row.startDate, end: row.endDate }
    : { code, label: code, start: "", end: "" };
}

export function areaRef(area: Pick<AreaRow, "code" | "name" | "type">) {
  return { code: area.code, name: area.name, type: area.type };
}

export function areaOut(area: AreaRow) {
  return {
    ...areaRef(area),
    typeLabel: areaTypeLabels[area.type as AreaType] ?? area.type,
    nation: area.nation,
    upperTier: area.upperTier,
    lowerTier: area.lowerTier,
    startYear: area.startYear === null ? null : Number(area.startYear),
    endYear: area.endYear === null ? null : Number(area.endYear),
    links: { self: `${BASE}/areas/${area.code}`, profile: `${BASE}/areas/${area.code}/profile` },
  };
}

export function indicatorOut(indicator: IndicatorRow) {
  return {
    id: indicator.slug,
    title: indicator.title,
    definition: indicator.definition,
    unit: indicator.unit,
    ratePer: indicator.ratePer,
    polarity: indicator.polarity,
    access: accessOf(indicator),
    disclosureRule: indicator.disclosureRule,
    source: sourceOf(indicator),
    tags: (indicator.tags ?? {}) as Record<string, unknown>,
    areaTypes: indicator.areaTypes,
    periods: indicator.periodCodes,
    links: { self: `${BASE}/indicators/${indicator.slug}`, data: `${BASE}/indicators/${indicator.slug}/data` },
  };
}

/**
 * Values by one breakdown dimension in its latest period, as the profile page shows them: the
 * indicator's disclosure rule already applied to the breakdown and the total as one set
 * (analyses' loadBreakdowns), so a withheld value is null and flagged, never 0.
 */
export function breakdownOut(set: BreakdownSet, period: ReturnType<typeof periodOf>) {
  const cell = (c: NonNullable<BreakdownSet["total"]>) => ({
    value: c.suppressed ? null : c.value,
    suppressed: c.suppressed,
    provisional: c.provisional,
  });
  return {
    dimension: set.dimension,
    period,
    disclosureRule: set.disclosureRule,
    values: set.rows.map((c) => ({ label: c.label, ...cell(c) })),
    total: set.total ? cell(set.total) : null,
  };
}

/** The numbers of a stored value, as measuresOf and the profile's JSON (profile-json.ts) read them. */
export interface Measured {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  ciLower: number | null;
  ciUpper: number | null;
  flags: number;
}

export function measuresOf(row: Measured) {
  const n = (v: number | null) => (v === null ? null : Number(v));
  return {
    value: n(row.value),
    numerator: n(row.numerator),
    denominator: n(row.denominator),
    ciLower: n(row.ciLower),
    ciUpper: n(row.ciUpper),
    flags: flagsOf(Number(row.flags)),
  };
}

/** The next page's link: the same query with the cursor moved on (null on the last page). */
export function pageLinks(path: string, query: Record<string, unknown>, size: number, nextCursor: string | null) {
  if (nextCursor === null) return { size, next: null };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && key !== "after") params.set(key, String(value));
  params.set("after", nextCursor);
  return { size, next: `${path}?${params}` };
}

/**
 * A body already written as JSON (the area profile, kept per data version): sent as these bytes;
 * `value()` reads it back, once, for what needs the object (its CSV).
 */
export class JsonBody<T> {
  readonly bytes: Buffer;
  #value: T | undefined;

  constructor(bytes: Buffer) {
    this.bytes = bytes;
  }

  value(): T {
    this.#value ??= JSON.parse(this.bytes.toString("utf8")) as T;
    return this.#value;
  }
}
