/**
 * The record layer of a BIFF8 workbook stream (Excel 97-2003 .xls, [MS-XLS] 2.1.4): records,
 * their CONTINUE records, and the Unicode strings inside them. Every read is bounds-checked; a
 * file that does not hold together is refused as damaged (ZipRefused, the workbook readers'
 * refusal), never read past its end. Used only by xls-read.ts, in the workbook worker.
 */
import { ZipRefused } from "./zip-guard.ts";

export const CONTINUE = 0x003c;

export interface BiffRecord {
  type: number;
  /** Offset of the record's header in the stream (BOUNDSHEET8 points at these). */
  offset: number;
  data: Buffer;
}

export const damaged = (what: string) => new ZipRefused("damaged", what);

/** The records from `offset`, in order. A header or body past the end of the stream is refused. */
export function* records(stream: Buffer, offset = 0): Generator<BiffRecord> {
  let at = offset;
  while (at < stream.length) {
    if (at + 4 > stream.length) throw damaged(`a record at byte ${at} is cut off (the workbook is truncated)`);
    const type = stream.readUInt16LE(at);
    const length = stream.readUInt16LE(at + 2);
    if (at + 4 + length > stream.length)
      throw damaged(`a record at byte ${at} runs past the end of the workbook (it is truncated or damaged)`);
    yield { type, offset: at, data: stream.subarray(at + 4, at + 4 + length) };
    at += 4 + length;
  }
}

/** A bounds-checked cursor over one record's body, for the fixed-layout records. */
export class Cursor {
  constructor(
    private readonly data: Buffer,
    private readonly what: string,
    public at = 0,
  ) {}

  private need(bytes: number): number {
    if (this.at + bytes > this.data.length) throw damaged(`a ${this.what} record is shorter than its contents`);
    const start = this.at;
    this.at += bytes;
    return start;
  }
  u8 = () => this.data.readUInt8(this.need(1));
  u16 = () => this.data.readUInt16LE(this.need(2));
  u32 = () => this.data.readUInt32LE(this.need(4));
  f64 = () => this.data.readDoubleLE(this.need(8));
  bytes = (count: number) => this.data.subarray(this.need(count), this.at);
  get left(): number {
    return this.data.length - this.at;
  }
}

/** Characters stored one byte each (Latin-1, "compressed") or two (UTF-16LE). */
function chars(bytes: Buffer, wide: boolean): string {
  return wide ? bytes.toString("utf16le") : bytes.toString("latin1");
}

/** A ShortXLUnicodeString (cch in one byte) or XLUnicodeString (two) from a single record. */
export function shortString(cursor: Cursor, countBytes: 1 | 2): string {
  const count = countBytes === 1 ? cursor.u8() : cursor.u16();
  const wide = (cursor.u8() & 0x01) !== 0;
  return chars(cursor.bytes(wide ? count * 2 : count), wide);
}

/**
 * A record whose body goes on in CONTINUE records (SST, STRING): the bodies joined, with where
 * each continuation starts. A string's characters split across a boundary restart, after it,
 * with a fresh option byte saying whether they are one byte or two ([MS-XLS] 2.5.293); the
 * other parts (header, rich-text runs, phonetic data) just run on.
 */
export class ContinuedReader {
  private readonly data: Buffer;
  private readonly starts: number[];
  private at = 0;
  private next = 0;

  constructor(
    parts: Buffer[],
    private readonly what: string,
  ) {
    this.data = Buffer.concat(parts);
    this.starts = [];
    let total = 0;
    for (const part of parts.slice(0, -1)) {
      total += part.length;
      this.starts.push(total);
    }
  }

  get done(): boolean {
    return this.at >= this.data.length;
  }

  private take(bytes: number): number {
    if (bytes < 0 || this.at + bytes > this.data.length)
      throw damaged(`the ${this.what} runs past the end of its records (the workbook is damaged)`);
    const start = this.at;
    this.at += bytes;
    return start;
  }

  /** Bytes up to the next record boundary. */
  private toBoundary(): number {
    while (this.next < this.starts.length && this.starts[this.next]! < this.at) this.next++;
    const boundary = this.next < this.starts.length ? this.starts[this.next]! : this.data.length;
    return boundary - this.at;
  }

  u8 = () => this.data.readUInt8(this.take(1));
  u16 = () => this.data.readUInt16LE(this.take(2));
  u32 = () => this.data.readUInt32LE(this.take(4));
  skip = (bytes: number) => void this.take(bytes);

  /** An XLUnicodeRichExtendedString (SST) or XLUnicodeString (STRING): rich runs and phonetic data skipped. */
  string(): string {
    const count = this.u16();
    const flags = this.u8();
    let wide = (flags & 0x01) !== 0;
    const runs = flags & 0x08 ? this.u16() : 0;
    const extended = flags & 0x04 ? this.u32() : 0;
    let text = "";
    let left = count;
    for (;;) {
      const room = Math.floor(this.toBoundary() / (wide ? 2 : 1));
      const here = Math.min(left, room);
      text += chars(this.data.subarray(this.take(here * (wide ? 2 : 1)), this.at), wide);
      left -= here;
      if (left === 0) break;
      if (this.toBoundary() > 0 || this.done)
        throw damaged(`a string in the ${this.what} runs past the end of its records (the workbook is damaged)`);
      // At a CONTINUE boundary in the middle of the characters: a new option byte.
      wide = (this.u8() & 0x01) !== 0;
    }
    this.skip(runs * 4);
    this.skip(extended);
    return text;
  }
}

/** The signature of an OLE compound file, the container of .xls workbooks. */
const COMPOUND_FILE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && COMPOUND_FILE.equals(bytes.subarray(0, 8));
}

/** A bare BIFF2-BIFF4 stream (Excel 2.x-4.0 saved a workbook as records, not in a compound file). */
export function isOldBiff(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x09 && [0x00, 0x02, 0x04].includes(bytes[1]!) && bytes[3] === 0x00;
}
