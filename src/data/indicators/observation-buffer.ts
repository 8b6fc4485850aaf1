import { timeSlicer } from "../../kernel/db/arrays.ts";

const INT_COLUMNS = ["indicator", "period", "area", "breakdown", "flags"] as const;
const FLOAT_COLUMNS = ["value", "numerator", "denominator", "ciLower", "ciUpper"] as const;
export type IntColumn = (typeof INT_COLUMNS)[number];
export type FloatColumn = (typeof FLOAT_COLUMNS)[number];

/**
 * Observations collected by an importer, column by column in typed arrays: a million values
 * cost 60 MB and no garbage. (Plain arrays mixing numbers and nulls boxed every fractional
 * value: a million heap objects, and 200–300 ms collector pauses on the serving thread.)
 * Missing numbers are stored as NaN and read back as null; NaN itself is never accepted.
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

  private size = 0;
  private ints: Record<IntColumn, Int32Array>;
  private floats: Record<FloatColumn, Float64Array>;

  constructor(capacity = 1024) {
    this.ints = Object.fromEntries(INT_COLUMNS.map((c) => [c, new Int32Array(capacity)])) as Record<
      IntColumn,
      Int32Array
    >;
    this.floats = Object.fromEntries(FLOAT_COLUMNS.map((c) => [c, new Float64Array(capacity)])) as Record<
      FloatColumn,
      Float64Array
    >;
  }

  get length(): number {
    return this.size;
  }

  /**
   * Reference columns as views of the filled part (valid until the next push). The views are
   * kept until the size changes: loops read `buffer.area[i]` a million times, and a fresh
   * subarray per read was millions of short-lived objects (collector pauses on the serving thread).
   */
  get indicator(): Int32Array {
    return this.views().indicator;
  }
  get period(): Int32Array {
    return this.views().period;
  }
  get area(): Int32Array {
    return this.views().area;
  }
  get breakdown(): Int32Array {
    return this.views().breakdown;
  }
  get flags(): Int32Array {
    return this.views().flags;
  }

  private viewed: { size: number; columns: Record<IntColumn, Int32Array> } | null = null;
  private views(): Record<IntColumn, Int32Array> {
    if (this.viewed?.size !== this.size) {
      const columns = Object.fromEntries(INT_COLUMNS.map((c) => [c, this.ints[c].subarray(0, this.size)]));
      this.viewed = { size: this.size, columns: columns as Record<IntColumn, Int32Array> };
    }
    return this.viewed.columns;
  }

  /** The raw column (NaN = null), for writers that render many rows. */
  floatColumn(name: FloatColumn): Float64Array {
    return this.floats[name].subarray(0, this.size);
  }

  /** Row i's number in a column, null when missing. */
  at(name: FloatColumn, i: number): number | null {
    const v = this.floats[name][i]!;
    return Number.isNaN(v) ? null : v;
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

  /**
   * Room for `count` more rows at once: an importer that knows its file's size says so before
   * pushing, so the columns are not copied while they grow (doubling a million-row buffer copied
   * 60 MB in one go, a 100+ ms stall). One column per turn of the event loop: ten ~6 MB columns
   * at once were one block of allocation and the collector's response to it.
   */
  async reserve(count: number): Promise<void> {
    if (this.size + count <= this.ints.area.length) return;
    const capacity = this.size + count;
    const slice = timeSlicer();
    for (const c of INT_COLUMNS) {
      this.ints[c] = resized(this.ints[c], new Int32Array(capacity));
      await slice();
    }
    for (const c of FLOAT_COLUMNS) {
      this.floats[c] = resized(this.floats[c], new Float64Array(capacity));
      await slice();
    }
  }

  private grow(): void {
    const capacity = this.ints.area.length * 2;
    for (const c of INT_COLUMNS) this.ints[c] = resized(this.ints[c], new Int32Array(capacity));
    for (const c of FLOAT_COLUMNS) this.floats[c] = resized(this.floats[c], new Float64Array(capacity));
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
    if (this.size === this.ints.area.length) this.grow();
    const i = this.size++;
    this.ints.indicator[i] = row.indicator;
    this.ints.period[i] = row.period;
    this.ints.area[i] = row.area;
    this.ints.breakdown[i] = row.breakdown ?? 0;
    this.ints.flags[i] = row.flags;
    this.floats.value[i] = stored(row.value);
    this.floats.numerator[i] = stored(row.numerator);
    this.floats.denominator[i] = stored(row.denominator);
    this.floats.ciLower[i] = stored(row.ciLower);
    this.floats.ciUpper[i] = stored(row.ciUpper);
  }

  /**
   * Puts the rows in the given order (row k becomes the row at `order[k]`; `order` holds each row
   * once), in place: following each cycle of the permutation moves every column's value once,
   * where a reordered copy allocated another 60 MB for a million rows and the collector answered
   * with pauses. Returns this buffer.
   */
  async reorder(order: ArrayLike<number>): Promise<ObservationBuffer> {
    const n = this.size;
    if (order.length !== n) throw new RangeError(`reorder needs each of the ${n} rows once, got ${order.length}`);
    const slice = timeSlicer();
    const columns: (Int32Array | Float64Array)[] = [
      ...INT_COLUMNS.map((c) => this.ints[c]),
      ...FLOAT_COLUMNS.map((c) => this.floats[c]),
    ];
    const held = new Float64Array(columns.length);
    const placed = new Uint8Array(n);
    let steps = 0;
    for (let start = 0; start < n; start++) {
      if (placed[start]) continue;
      for (let c = 0; c < columns.length; c++) held[c] = columns[c]![start]!;
      for (let at = start; ; ) {
        placed[at] = 1;
        const from = order[at]!;
        if (from === start) {
          for (let c = 0; c < columns.length; c++) columns[c]![at] = held[c]!;
          break;
        }
        if (from < 0 || from >= n || placed[from]) throw new RangeError("reorder needs a permutation of the rows");
        for (let c = 0; c < columns.length; c++) columns[c]![at] = columns[c]![from]!;
        at = from;
        if ((++steps & 4095) === 0) await slice();
      }
    }
    return this;
  }
}

/** `next` holding `previous`'s values (a column grown). */
function resized<T extends Int32Array | Float64Array>(previous: T, next: T): T {
  next.set(previous as never);
  return next;
}

function stored(value: number | null | undefined): number {
  if (value === null || value === undefined) return Number.NaN;
  if (Number.isNaN(value)) throw new RangeError("Not a number: NaN (use null for a missing value)");
  return value;
}
