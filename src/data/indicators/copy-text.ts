import type { ObservationBuffer } from "./observation-buffer.ts";

type Ids = { indicators: readonly number[]; periods: readonly number[]; breakdowns: readonly number[] };

const TAB = 9;
const LF = 10;
const BACKSLASH = 92;
const N = 78;
const MINUS = 45;
const ZERO = 48;
/** Widest text of one row: four ids and the flags as 32-bit integers, five numbers as JavaScript writes a double, tabs. */
const ROW_BYTES = 5 * 12 + 5 * 32 + 10;

/** An integer's decimal digits at `at`; returns the next offset. */
function writeInt(out: Buffer, at: number, n: number): number {
  let pos = at;
  if (n < 0) {
    out[pos++] = MINUS;
    n = -n;
  }
  if (n < 10) {
    out[pos] = ZERO + n;
    return pos + 1;
  }
  let digits = 0;
  for (let rest = n; rest > 0; rest = Math.floor(rest / 10)) digits++;
  for (let k = pos + digits - 1; k >= pos; k--) {
    out[k] = ZERO + (n % 10);
    n = Math.floor(n / 10);
  }
  return pos + digits;
}

/**
 * A number in COPY text format at `at`: NaN (the buffer's missing value) is \N, whole numbers
 * are written digit by digit, others as String() writes them; non-finite numbers are refused as in pgArray.
 */
function writeFloat(out: Buffer, at: number, value: number): number {
  if (Number.isNaN(value)) {
    out[at] = BACKSLASH;
    out[at + 1] = N;
    return at + 2;
  }
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
  // Same text as String(value) (which writes -0 as "0"), without a string per value.
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return writeInt(out, at, value === 0 ? 0 : value);
  return writeAscii(out, at, String(value));
}

/** A short ASCII string's bytes at `at` (a loop: cheaper than a call into Buffer.write for a few characters). */
function writeAscii(out: Buffer, at: number, text: string): number {
  for (let k = 0; k < text.length; k++) out[at + k] = text.charCodeAt(k);
  return at + text.length;
}

/**
 * Rows [start, end) of the write order in COPY text format (`rows[k]` is the buffer row written
 * k-th; null: the buffer's own order); with batchId, a batch_id column last. Written as bytes
 * into one buffer: a string per row (and per number), joined and then encoded by the stream,
 * was ~600 bytes of heap per row, held until the chunk was sent, so a collection in the middle
 * of a 20,000-row chunk copied megabytes of it on the serving thread.
 */
export function copyBytes(
  buffer: ObservationBuffer,
  ids: Ids,
  rows: Int32Array | null,
  start: number,
  end: number,
  batchId?: number,
): Buffer {
  const tail = batchId === undefined ? "" : String(batchId);
  const out = Buffer.allocUnsafe((end - start) * (ROW_BYTES + tail.length + 2) + 16);
  const { indicator, period, breakdown, area, flags } = buffer;
  const floats = (["value", "numerator", "denominator", "ciLower", "ciUpper"] as const).map((c) =>
    buffer.floatColumn(c),
  );
  let at = 0;
  for (let k = start; k < end; k++) {
    const i = rows ? rows[k]! : k;
    at = writeInt(out, at, ids.indicators[indicator[i]!]!);
    out[at++] = TAB;
    at = writeInt(out, at, ids.periods[period[i]!]!);
    out[at++] = TAB;
    at = writeInt(out, at, ids.breakdowns[breakdown[i]!]!);
    out[at++] = TAB;
    at = writeInt(out, at, area[i]!);
    for (const column of floats) {
      out[at++] = TAB;
      at = writeFloat(out, at, column[i]!);
    }
    out[at++] = TAB;
    at = writeInt(out, at, flags[i]!);
    if (tail) {
      out[at++] = TAB;
      at = writeAscii(out, at, tail);
    }
    out[at++] = LF;
  }
  return out.subarray(0, at);
}
