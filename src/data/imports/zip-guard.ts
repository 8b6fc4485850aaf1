/**
 * An XLSX workbook is a zip archive, and a small archive can unpack to gigabytes (a "zip
 * bomb": 1.7 MB inflating to ~400 MB stalled the server for 26 s). Before any reader unpacks
 * a workbook, this checks it with fflate, in two passes that never hold more than one chunk of
 * output: the sizes and count the archive declares (its central directory), then the bytes it
 * really unpacks to, reading every entry the way a streaming reader does and stopping as soon
 * as a limit is passed.
 */
import { Unzip, UnzipInflate, unzipSync } from "fflate";

export interface ZipLimits {
  /** Entries in the archive (a workbook has a few dozen; thousands are a sign of abuse). */
  maxEntries: number;
  /** Bytes all entries unpack to, together. */
  maxUnpackedBytes: number;
}

export const XLSX_LIMITS: ZipLimits = { maxEntries: 2000, maxUnpackedBytes: 200 * 1024 * 1024 };

/** Why an archive is refused: `limit` for a bomb (or one too big to read), `damaged` for one that is not a whole zip. */
export class ZipRefused extends Error {
  constructor(
    readonly reason: "limit" | "damaged",
    message: string,
  ) {
    super(message);
    this.name = "ZipRefused";
  }
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;

/** Compressed bytes pushed at a time: deflate expands at most ~1,032 times, so ≤ 17 MB of output a step. */
const STEP = 16 * 1024;

function tooBig(limits: ZipLimits, what: string): ZipRefused {
  return new ZipRefused(
    "limit",
    `${what} more than the ${megabytes(limits.maxUnpackedBytes)} a workbook may unpack to, so it was not opened (it may be a "zip bomb", or a workbook too large to import: save the sheet as CSV)`,
  );
}

function tooMany(limits: ZipLimits, count: number): ZipRefused {
  return new ZipRefused(
    "limit",
    `the workbook holds ${count.toLocaleString("en-GB")} files, more than the ${limits.maxEntries.toLocaleString("en-GB")} a workbook may have, so it was not opened`,
  );
}

/** What the central directory says: entry count and unpacked sizes. Throws ZipRefused. */
function checkDeclared(bytes: Uint8Array, limits: ZipLimits): void {
  let entries = 0;
  let declared = 0;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        entries++;
        declared += file.originalSize;
        if (file.compression !== 0 && file.compression !== 8)
          throw new ZipRefused("damaged", `it uses a compression method (${file.compression}) workbooks do not use`);
        return false; // list only: nothing is unpacked here
      },
    });
  } catch (error) {
    if (error instanceof ZipRefused) throw error;
    throw new ZipRefused("damaged", "it is not a complete zip archive (is it truncated, or not really .xlsx?)");
  }
  if (entries > limits.maxEntries) throw tooMany(limits, entries);
  if (declared > limits.maxUnpackedBytes) throw tooBig(limits, `it says it unpacks to ${megabytes(declared)},`);
}

/** What the entries really unpack to, counted chunk by chunk and never kept. Throws ZipRefused. */
function checkActual(bytes: Uint8Array, limits: ZipLimits): void {
  let entries = 0;
  let unpacked = 0;
  let refused: ZipRefused | null = null;
  const unzip = new Unzip((file) => {
    entries++;
    if (entries > limits.maxEntries) refused ??= tooMany(limits, entries);
    file.ondata = (error, chunk) => {
      if (error) refused ??= new ZipRefused("damaged", "part of it is damaged and cannot be unpacked");
      unpacked += chunk?.length ?? 0;
      if (unpacked > limits.maxUnpackedBytes) refused ??= tooBig(limits, "it unpacks to");
      if (refused) file.terminate();
    };
    if (!refused) file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let offset = 0; offset < bytes.length && !refused; offset += STEP) {
      const end = Math.min(bytes.length, offset + STEP);
      unzip.push(bytes.subarray(offset, end), end === bytes.length);
    }
  } catch (error) {
    if (error instanceof ZipRefused) throw error;
    refused ??= new ZipRefused("damaged", "part of it is damaged and cannot be unpacked");
  }
  if (refused) throw refused;
}

/**
 * Where the archive ends: after its end-of-central-directory record and that record's comment.
 * Bytes after it (a download tool's junk, a second file glued on) are no part of the workbook,
 * and read-excel-file's streaming unzip waited for ever on them (found by the import fuzz test:
 * three bytes appended held the reader until its 60-second limit).
 */
export function archiveEnd(bytes: Uint8Array): number {
  const EOCD_SIZE = 22;
  // The record is the last thing in the file but for a comment of up to 65,535 bytes.
  for (let at = bytes.length - EOCD_SIZE; at >= Math.max(0, bytes.length - EOCD_SIZE - 0xffff); at--) {
    if (bytes[at] !== 0x50 || bytes[at + 1] !== 0x4b || bytes[at + 2] !== 0x05 || bytes[at + 3] !== 0x06) continue;
    const end = at + EOCD_SIZE + (bytes[at + 20]! | (bytes[at + 21]! << 8));
    if (end <= bytes.length) return end;
  }
  return bytes.length;
}

/** Throws ZipRefused unless the archive is whole and within the limits, declared and real. */
export function checkZip(bytes: Uint8Array, limits: ZipLimits = XLSX_LIMITS): void {
  checkDeclared(bytes, limits);
  checkActual(bytes, limits);
}
