import { isAscii, isUtf8 } from "node:buffer";
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { parse } from "csv-parse";
import { timeSlicer, yieldToEventLoop } from "../../kernel/db/arrays.ts";
import { parseCsvFast } from "./fast-csv.ts";
import { ImportRejected } from "./report.ts";
import { isCompoundFile } from "./xls-records.ts";

/** Uploads and CLI files above this are refused before they are read. */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

/** A size limit in words, as every upload names it: "100 MB". */
export function sizeLimitText(bytes: number): string {
  return `${Math.round(bytes / 1048576)} MB`;
}

function tooLarge(name: string, size: number, maxBytes: number): ImportRejected {
  return new ImportRejected(
    name,
    `the file is ${(size / 1048576).toFixed(1)} MB; the limit is ${sizeLimitText(maxBytes)}`,
  );
}

export const encodings = ["utf-8", "windows-1252"] as const;
export type Encoding = (typeof encodings)[number];

export interface SourceFile {
  name: string;
  bytes: Buffer;
  sha256: string;
}

/** A file read from an upload; refused (ImportRejected) above `maxBytes`, the imports' 100 MB unless said. */
export function sourceFromBytes(name: string, bytes: Buffer, maxBytes = MAX_IMPORT_BYTES): SourceFile {
  if (bytes.length > maxBytes) throw tooLarge(name, bytes.length, maxBytes);
  return { name, bytes, sha256: createHash("sha256").update(bytes).digest("hex") };
}

export async function readSourceFile(filePath: string): Promise<SourceFile> {
  const name = path.basename(filePath);
  let size: number;
  try {
    size = (await stat(filePath)).size;
  } catch {
    throw new ImportRejected(name, `cannot read ${filePath}: no such file`);
  }
  if (size > MAX_IMPORT_BYTES) throw tooLarge(name, size, MAX_IMPORT_BYTES);
  return sourceFromBytes(name, await readFile(filePath));
}

function lineOfOffset(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 10) line++;
  return line;
}

/** First offset that is not valid UTF-8 (for the error message). */
function firstInvalidUtf8(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i]!;
    const length =
      byte < 0x80
        ? 1
        : byte >= 0xc2 && byte <= 0xdf
          ? 2
          : byte >= 0xe0 && byte <= 0xef
            ? 3
            : byte >= 0xf0 && byte <= 0xf4
              ? 4
              : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += length;
  }
  return Math.max(0, bytes.length - 1);
}

/**
 * Windows-1252 as the WHATWG Encoding Standard defines it. Node 20's TextDecoder("windows-1252")
 * decodes as ISO-8859-1, turning 0x80–0x9F (€ ‚ … – — ‘ ’ “ ” •) into invisible C1 controls, so
 * those 32 bytes are mapped here from the standard's index; the other 224 are the same in both.
 */
const WINDOWS_1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

export function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString("latin1")
    .replace(/[\x80-\x9f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

/** How a text file will be read, and why: shown in the import preview. */
export interface EncodingChoice {
  encoding: Encoding;
  /** "detected" when worked out from the bytes, "stated" when the uploader or a flag chose it. */
  decidedBy: "detected" | "stated";
  reason: string;
}

/** Bytes Windows-1252 leaves undefined: a file with one of them is not text in that encoding. */
const UNDEFINED_IN_WINDOWS_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/**
 * The encoding of a text file as published: UTF-8 (with or without a byte order mark) when every
 * byte sequence is valid UTF-8 — which a Windows-1252 file with any accented letter, £ or curly
 * quote almost never is — else Windows-1252 (NRS and many older official CSVs) when every byte
 * is defined there. Null for anything else (UTF-16, binary): decodeText then says what it is.
 */
export function detectEncoding(bytes: Buffer): EncodingChoice | null {
  // Control bytes below TAB at the top are a binary file (a zip, a PDF), not text.
  if (bytes.length === 0 || bytes.subarray(0, 8192).some((byte) => byte < 0x09)) return null;
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  // Validated without decoding (the same strict rule as a fatal TextDecoder): decoding a 5 MB
  // file only to throw the text away held the event loop 30–120 ms.
  if (isUtf8(bytes)) {
    const ascii = !bom && isAscii(bytes);
    return {
      encoding: "utf-8",
      decidedBy: "detected",
      reason: bom
        ? "UTF-8 with a byte order mark"
        : ascii
          ? "plain ASCII text, read as UTF-8"
          : "UTF-8: every character is valid UTF-8",
    };
  }
  // Not UTF-8: Windows-1252 if every byte means a character there.
  if (bytes.some((byte) => UNDEFINED_IN_WINDOWS_1252.has(byte))) return null;
  const offset = firstInvalidUtf8(bytes);
  const shown = decodeWindows1252(bytes.subarray(offset, offset + 1));
  return {
    encoding: "windows-1252",
    decidedBy: "detected",
    reason: `Windows-1252: not valid UTF-8 (byte 0x${bytes[offset]?.toString(16)} on line ${lineOfOffset(bytes, offset)}, "${shown}" in Windows-1252)`,
  };
}

/** The database cannot store U+0000 in text: a file with one is refused, naming the line. */
export const NUL_MESSAGE =
  "the file contains a NUL character (byte 0), which cannot be stored: is it a binary file, or was it damaged? Save it again as CSV UTF-8";

/** Refuses text with a NUL at `at` (or none if at < 0), naming its line. */
export function refuseNulAt(file: SourceFile, text: string, at: number): void {
  if (at < 0) return;
  const line = text.slice(0, at).split("\n").length;
  throw new ImportRejected(file.name, NUL_MESSAGE, line);
}

function refuseNul(file: SourceFile, text: string): string {
  refuseNulAt(file, text, text.indexOf("\u0000"));
  return text;
}

/** Decodes strictly: a file that is not valid in the stated encoding is refused, never guessed. */
export function decodeText(file: SourceFile, encoding: Encoding = "utf-8"): string {
  refuseUndecodable(file, encoding);
  if (encoding === "windows-1252") return refuseNul(file, decodeWindows1252(file.bytes).replace(/^\uFEFF/, ""));
  return refuseNul(file, new TextDecoder("utf-8", { ignoreBOM: false }).decode(file.bytes));
}

/** Bytes decoded per turn of the event loop (a 5 MB file in one go held it 25–80 ms). */
const DECODE_SLICE = 256 * 1024;

/** decodeText for large files: the same checks and text, decoded in slices with the event loop given turns between them. */
export async function decodeTextInSlices(file: SourceFile, encoding: Encoding = "utf-8"): Promise<string> {
  refuseUndecodable(file, encoding);
  const decoder = new TextDecoder("utf-8", { ignoreBOM: false });
  let text = "";
  for (let at = 0; at < file.bytes.length; at += DECODE_SLICE) {
    const bytes = file.bytes.subarray(at, at + DECODE_SLICE);
    // Windows-1252 is one byte per character: slices decode independently.
    text +=
      encoding === "windows-1252"
        ? decodeWindows1252(bytes)
        : decoder.decode(bytes, { stream: at + DECODE_SLICE < file.bytes.length });
    await yieldToEventLoop();
  }
  // A NUL byte is U+0000 in both encodings: found in the bytes (a memchr), the text is not scanned.
  const nul = file.bytes.indexOf(0);
  if (nul >= 0) throw new ImportRejected(file.name, NUL_MESSAGE, lineOfOffset(file.bytes, nul));
  return encoding === "windows-1252" ? text.replace(/^\uFEFF/, "") : text;
}

/** The empty file, a UTF-16 or binary file, or bytes that are not UTF-8, refused as decodeText words it. */
function refuseUndecodable(file: SourceFile, encoding: Encoding): void {
  if (file.bytes.length === 0) throw new ImportRejected(file.name, "the file is empty");
  // Workbooks (.xlsx, and .xls such as NISRA's NIMDM 2017 tables) are read by readTable
  // (spreadsheet.ts); a file reaching here is going to an import that reads CSV only.
  if (isCompoundFile(file.bytes))
    throw new ImportRejected(
      file.name,
      "the file is an Excel 97-2003 workbook (.xls), and this import reads CSV only: open it in a spreadsheet program, save the sheet as CSV UTF-8, and upload that",
    );
  if (encoding === "windows-1252") return;
  if (file.bytes.subarray(0, 4).includes(0) || file.bytes.subarray(0, 2).equals(Buffer.from([0xff, 0xfe]))) {
    throw new ImportRejected(
      file.name,
      "the file is not text (it looks like UTF-16 or a binary file such as a spreadsheet); save it as CSV UTF-8",
    );
  }
  if (isUtf8(file.bytes)) return;
  const offset = firstInvalidUtf8(file.bytes);
  throw new ImportRejected(
    file.name,
    `the file is not UTF-8 (invalid byte 0x${file.bytes[offset]?.toString(16)} at byte ${offset}). Save it as "CSV UTF-8", or import it with encoding windows-1252 if that is how it was published`,
    lineOfOffset(file.bytes, offset),
  );
}

export interface CsvRow {
  cells: string[];
  /** Line number in the file (1-based) where the record starts. */
  line: number;
}

/**
 * Parses CSV, yielding to the event loop as it goes: well-formed files by the fast reader,
 * anything else by csv-parse, whose syntax errors name the line. `lazy`: a well-formed file's
 * rows cut their cells from the text when read (fast-csv.ts LazyCsvRow), for importers that
 * read each row's cells and keep numbers, not strings.
 */
export async function readCsv(
  file: SourceFile,
  encoding: Encoding = "utf-8",
  options: { lazy?: boolean } = {},
): Promise<CsvRow[]> {
  const text = await decodeTextInSlices(file, encoding);
  const fast = await parseCsvFast(text, options);
  if (fast) return fast;
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true });
  const out: CsvRow[] = [];
  Readable.from(chunkText(text)).pipe(parser);
  try {
    const slice = timeSlicer();
    for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      out.push({ cells: record.record, line: record.info.lines });
      const turn = slice();
      if (turn) await turn;
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = (error as { lines?: number }).lines;
    throw new ImportRejected(
      file.name,
      `the file is not valid CSV (${message.replace(/^Invalid [^:]*: /, "")}); is it truncated or not a CSV file?`,
      line,
    );
  }
  return out;
}

function* chunkText(text: string): Generator<string> {
  for (let i = 0; i < text.length; i += 256 * 1024) yield text.slice(i, i + 256 * 1024);
}
