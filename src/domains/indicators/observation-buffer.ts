/**
 * Observations collected by an importer, column by column (a million values stay cheap).
 * Indicators and periods are referenced by slug/code; ids are resolved at write time.
 */
export class ObservationBuffer {
  readonly indicatorSlugs: string[] = [];
  readonly periodCodes: string[] = [];
  /** Breakdown keys ("dimension\u0000value"); index 0 is "all" (no breakdown). */
  readonly breakdownKeys: string[] = [""];
  private readonly breakdownIndex = new Map<string, number>([["", 0]]);
  private readonly indicatorIndex = new Map<string, number>();
  private readonly periodIndex = new Map<string, number>();

  readonly indicator: number[] = [];
  readonly period: number[] = [];
  readonly area: number[] = [];
  readonly breakdown: number[] = [];
  readonly value: (number | null)[] = [];
  readonly numerator: (number | null)[] = [];
  readonly denominator: (number | null)[] = [];
  readonly ciLower: (number | null)[] = [];
  readonly ciUpper: (number | null)[] = [];
  readonly flags: number[] = [];

  get length(): number {
    return this.area.length;
  }

  indicatorRef(slug: string): number {
    let index = this.indicatorIndex.get(slug);
    if (index === undefined) {
      index = this.indicatorSlugs.length;
      this.indicatorSlugs.push(slug);
      this.indicatorIndex.set(slug, index);
    }
    return index;
  }

  periodRef(code: string): number {
    let index = this.periodIndex.get(code);
    if (index === undefined) {
      index = this.periodCodes.length;
      this.periodCodes.push(code);
      this.periodIndex.set(code, index);
    }
    return index;
  }

  breakdownRef(dimension: string, value: string): number {
    const key = value === "" ? "" : `${dimension}\u0000${value}`;
    let index = this.breakdownIndex.get(key);
    if (index === undefined) {
      index = this.breakdownKeys.length;
      this.breakdownKeys.push(key);
      this.breakdownIndex.set(key, index);
    }
    return index;
  }

  push(row: {
    indicator: number;
    period: number;
    area: number;
    breakdown?: number;
    value: number | null;
    numerator?: number | null;
    denominator?: number | null;
    ciLower?: number | null;
    ciUpper?: number | null;
    flags: number;
  }): void {
    this.indicator.push(row.indicator);
    this.period.push(row.period);
    this.area.push(row.area);
    this.breakdown.push(row.breakdown ?? 0);
    this.value.push(row.value);
    this.numerator.push(row.numerator ?? null);
    this.denominator.push(row.denominator ?? null);
    this.ciLower.push(row.ciLower ?? null);
    this.ciUpper.push(row.ciUpper ?? null);
    this.flags.push(row.flags);
  }

  /** A copy with rows in the given order (indicator/period/breakdown references are shared). */
  async reorder(order: readonly number[]): Promise<ObservationBuffer> {
    const copy = new ObservationBuffer();
    copy.indicatorSlugs.push(...this.indicatorSlugs);
    copy.periodCodes.push(...this.periodCodes);
    copy.breakdownKeys.splice(0, copy.breakdownKeys.length, ...this.breakdownKeys);
    const columns = ["indicator", "period", "area", "breakdown", "value", "numerator", "denominator", "ciLower", "ciUpper", "flags"] as const;
    for (const name of columns) {
      const from = this[name] as (number | null)[];
      const to = copy[name] as (number | null)[];
      for (const i of order) to.push(from[i]!);
      // A million rows × ten columns: give the event loop a turn between columns.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return copy;
  }
}
