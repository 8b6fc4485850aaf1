/**
 * Postgres array literals for bulk statements: `unnest(${pgArray(ids)}::int[], …)` sends one
 * text parameter per column instead of one parameter per value, which works the same on
 * PGlite and node-postgres and keeps 10,000-row statements cheap to bind.
 */
export function pgArray(values: readonly (string | number | boolean | null | undefined)[]): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null || value === undefined) parts[i] = "NULL";
    else if (typeof value === "number") {
      if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
      parts[i] = String(value);
    } else if (typeof value === "boolean") parts[i] = value ? "t" : "f";
    else parts[i] = `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  }
  return `{${parts.join(",")}}`;
}

/** Gives the event loop a turn between chunks of a long import. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Splits into chunks of at most `size`. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * A per-row check that yields once `budgetMs` of work has passed since the last turn. Row
 * counts are a poor proxy (a row of 28 indicators costs far more than a row of one, and a
 * busy machine stretches both), so long loops yield by elapsed time: the event loop is never
 * held for much more than the budget, and cheap rows pay only a clock read.
 */
export function timeSlicer(budgetMs = 10): () => Promise<void> | undefined {
  let last = performance.now();
  return () => {
    const now = performance.now();
    if (now - last < budgetMs) return undefined;
    return yieldToEventLoop().then(() => {
      last = performance.now();
    });
  };
}

/**
 * The distinct values, gathered in timed slices: `[...new Set(values)]` over a national file's
 * 35,000 codes (or a lookup's 200,000 area codes) is one long turn of the event loop.
 */
export async function distinctInSlices<T>(values: ArrayLike<T>): Promise<T[]> {
  const seen = new Set<T>();
  const slice = timeSlicer();
  for (let i = 0; i < values.length; i++) {
    seen.add(values[i]!);
    if ((i & 2047) === 2047) await slice();
  }
  return [...seen];
}

export interface TimedChunks {
  /** Rows in the first statement. */
  initial?: number;
  min?: number;
  max?: number;
  /** Aim for statements of about this long. */
  targetMs?: number;
  /** False when the database runs in another process (PostgreSQL): nothing here blocks. */
  ownThread?: boolean;
}

/**
 * Runs `run(start, end)` over rows [0, total) in statements whose size adapts so each takes
 * about `targetMs`, giving the event loop a turn between them. PGlite executes statements on
 * our thread, so a fixed row count is either slow (tiny statements) or blocks the server (big
 * ones: 2,000 area upserts took 70–130 ms under load). Wall-clock, because that is what a
 * waiting request sees: on a busy machine chunks shrink. On PostgreSQL (`ownThread: false`)
 * statements run elsewhere, so chunks grow to `max`.
 */
export async function inTimedChunks(
  total: number,
  run: (start: number, end: number) => Promise<void>,
  options: TimedChunks = {},
): Promise<void> {
  const { initial = 500, min = 50, max = 20_000, targetMs = 25, ownThread = true } = options;
  let size = initial;
  for (let start = 0; start < total; ) {
    const end = Math.min(start + size, total);
    const began = performance.now();
    await run(start, end);
    const took = ownThread ? Math.max(performance.now() - began, 1) : targetMs / 2;
    size = Math.round(Math.min(max, Math.max(min, (end - start) * Math.min(2, targetMs / took))));
    start = end;
    await yieldToEventLoop();
  }
}
