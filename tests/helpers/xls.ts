/**
 * A small BIFF8 (Excel 97-2003 .xls) writer for tests: the records the reader reads, in the
 * layout Excel writes them, wrapped in a compound file by `cfb`. Strings go to the shared string
 * table, split across CONTINUE records at `recordSize` (small in tests, to split strings);
 * integers as RK (runs of them as MULRK), others as NUMBER; special cells as objects.
 */
import CFB from "cfb";

export type XlsCell =
  | string
  | number
  | null
  | { formula: number | string }
  | { label: string }
  | { date: number }
  | { bool: boolean };

export interface XlsSheet {
  name: string;
  rows: XlsCell[][];
  /** BOUNDSHEET8 sheet type: 0 worksheet, 2 chart. */
  kind?: number;
  hidden?: boolean;
}

export interface XlsOptions {
  /** Largest SST/CONTINUE record body (Excel: 8,224 bytes). */
  recordSize?: number;
  /** The BOF version: 0x0600 (BIFF8), 0x0500 for an Excel 95 workbook. */
  version?: number;
  /** A FILEPASS record, as a password-protected workbook has. */
  encrypted?: boolean;
  /** The stream's name: "Workbook", or "Book" for Excel 95. */
  streamName?: string;
}

export function record(type: number, body: Buffer): Buffer {
  const header = Buffer.alloc(4);
  header.writeUInt16LE(type, 0);
  header.writeUInt16LE(body.length, 2);
  return Buffer.concat([header, body]);
}

const u16 = (...values: number[]) => Buffer.from(new Uint16Array(values).buffer);
const u32 = (value: number) => Buffer.from(new Uint32Array([value]).buffer);
const f64 = (value: number) => Buffer.from(new Float64Array([value]).buffer);
const wide = (text: string) => [...text].some((c) => c.charCodeAt(0) > 0xff);
const encode = (text: string) => (wide(text) ? Buffer.from(text, "utf16le") : Buffer.from(text, "latin1"));
const xlString = (text: string, countBytes: 1 | 2) =>
  Buffer.concat([
    countBytes === 1 ? Buffer.from([text.length]) : u16(text.length),
    Buffer.from([wide(text) ? 1 : 0]),
    encode(text),
  ]);

/** SST and CONTINUE records: a string's characters cut at a boundary go on after a new option byte. */
function sstRecords(strings: string[], size: number): Buffer {
  const bodies: Buffer[][] = [[u32(strings.length), u32(strings.length)]];
  let used = 8;
  const push = (part: Buffer) => {
    bodies.at(-1)!.push(part);
    used += part.length;
  };
  const next = (first: Buffer[]) => {
    bodies.push(first);
    used = first.reduce((n, b) => n + b.length, 0);
  };
  for (const text of strings) {
    const unit = wide(text) ? 2 : 1;
    if (used + 3 + unit > size) next([]);
    push(Buffer.concat([u16(text.length), Buffer.from([unit - 1])]));
    let rest = encode(text);
    while (rest.length > 0) {
      const room = Math.floor((size - used) / unit) * unit;
      push(rest.subarray(0, room));
      rest = rest.subarray(room);
      if (rest.length > 0) next([Buffer.from([unit - 1])]);
    }
  }
  return Buffer.concat(bodies.map((parts, i) => record(i === 0 ? 0x00fc : 0x003c, Buffer.concat(parts))));
}

const rkable = (value: unknown): value is number =>
  typeof value === "number" && Number.isInteger(value) && Math.abs(value) < 2 ** 29;

function cellRecords(rows: XlsCell[][], sst: Map<string, number>): Buffer[] {
  const out: Buffer[] = [];
  rows.forEach((row, r) => {
    for (let c = 0; c < row.length; c++) {
      const value = row[c];
      if (value === null || value === undefined) continue;
      if (rkable(value) && rkable(row[c + 1])) {
        let end = c;
        while (rkable(row[end + 1])) end++;
        const cells = row.slice(c, end + 1).map((v) => Buffer.concat([u16(0), u32(((v as number) << 2) | 2)]));
        out.push(record(0x00bd, Buffer.concat([u16(r, c), ...cells, u16(end)])));
        c = end;
      } else if (rkable(value)) out.push(record(0x027e, Buffer.concat([u16(r, c, 0), u32((value << 2) | 2)])));
      else if (typeof value === "number") out.push(record(0x0203, Buffer.concat([u16(r, c, 0), f64(value)])));
      else if (typeof value === "string") out.push(record(0x00fd, Buffer.concat([u16(r, c, 0), u32(sst.get(value)!)])));
      else if ("label" in value) out.push(record(0x0204, Buffer.concat([u16(r, c, 0), xlString(value.label, 2)])));
      else if ("date" in value) out.push(record(0x0203, Buffer.concat([u16(r, c, 1), f64(value.date)])));
      else if ("bool" in value)
        out.push(record(0x0205, Buffer.concat([u16(r, c, 0), Buffer.from([value.bool ? 1 : 0, 0])])));
      else if (typeof value.formula === "number")
        out.push(record(0x0006, Buffer.concat([u16(r, c, 0), f64(value.formula), Buffer.alloc(6)])));
      else {
        const result = Buffer.from([0, 0, 0, 0, 0, 0, 0xff, 0xff]);
        out.push(record(0x0006, Buffer.concat([u16(r, c, 0), result, Buffer.alloc(6)])));
        out.push(record(0x0207, xlString(value.formula, 2)));
      }
    }
  });
  return out;
}

/** The BIFF8 workbook stream (without its container). */
export function xlsStream(sheets: XlsSheet[], options: XlsOptions = {}): Buffer {
  const version = options.version ?? 0x0600;
  const strings = [...new Set(sheets.flatMap((s) => s.rows.flat().filter((v): v is string => typeof v === "string")))];
  const sst = new Map(strings.map((s, i) => [s, i]));
  const bof = (kind: number) => record(0x0809, Buffer.concat([u16(version, kind), Buffer.alloc(12)]));
  const xfs = [0, 14].map((format) => record(0x00e0, Buffer.concat([u16(0, format), Buffer.alloc(16)])));
  const bodies = sheets.map((s) =>
    Buffer.concat([bof(s.kind === 2 ? 0x0020 : 0x0010), ...cellRecords(s.rows, sst), record(0x000a, Buffer.alloc(0))]),
  );
  const bound = (s: XlsSheet, offset: number) =>
    record(0x0085, Buffer.concat([u32(offset), Buffer.from([s.hidden ? 1 : 0, s.kind ?? 0]), xlString(s.name, 1)]));
  const head = (offsets: number[]) =>
    Buffer.concat([
      bof(0x0005),
      ...(options.encrypted ? [record(0x002f, Buffer.alloc(54))] : []),
      ...xfs,
      ...sheets.map((s, i) => bound(s, offsets[i] ?? 0)),
      sstRecords(strings, options.recordSize ?? 8224),
      record(0x000a, Buffer.alloc(0)),
    ]);
  let at = head([]).length;
  const offsets = bodies.map((body) => {
    const offset = at;
    at += body.length;
    return offset;
  });
  return Buffer.concat([head(offsets), ...bodies]);
}

/** A compound file holding `stream` as "Workbook" (or another name). */
export function compoundFile(stream: Buffer, streamName = "Workbook"): Buffer {
  const container = CFB.utils.cfb_new();
  CFB.utils.cfb_add(container, streamName, stream);
  return Buffer.from(CFB.write(container, { type: "buffer" }) as Uint8Array);
}

export function xlsWorkbook(sheets: XlsSheet[], options: XlsOptions = {}): Buffer {
  return compoundFile(xlsStream(sheets, options), options.streamName ?? "Workbook");
}
