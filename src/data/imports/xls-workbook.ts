/**
 * The workbook-level part of an Excel 97-2003 .xls (BIFF8, [MS-XLS]): the container, the
 * header records, the sheet list, the shared strings and which cell formats are dates. Read by
 * xls-read.ts, in the workbook worker; a file that does not hold together is refused as damaged.
 */
import CFB from "cfb";
import { type BiffRecord, CONTINUE, ContinuedReader, Cursor, damaged, records, shortString } from "./xls-records.ts";
import { ZipRefused } from "./zip-guard.ts";

export const R = {
  BOF: 0x0809,
  EOF: 0x000a,
  FILEPASS: 0x002f,
  DATEMODE: 0x0022,
  BOUNDSHEET: 0x0085,
  SST: 0x00fc,
  FORMAT: 0x041e,
  XF: 0x00e0,
  LABELSST: 0x00fd,
  LABEL: 0x0204,
  RSTRING: 0x00d6,
  NUMBER: 0x0203,
  RK: 0x027e,
  MULRK: 0x00bd,
  BOOLERR: 0x0205,
  FORMULA: 0x0006,
  STRING: 0x0207,
} as const;

const OLD_EXCEL =
  "it is an Excel 95 or older workbook, which is not read here: open it in a spreadsheet program, save it as an Excel Workbook (.xlsx) or CSV UTF-8, and upload that";
const PASSWORD =
  "it is password-protected (encrypted), so it cannot be read: open it in a spreadsheet program, remove the password, save it, and upload that";

export interface Sheet {
  name: string;
  offset: number;
  /** 0 a worksheet; 1 macro, 2 chart, 6 VBA module: no cells to read. */
  kind: number;
}

export interface Globals {
  sheets: Sheet[];
  strings: string[];
  /** Per XF (cell format) index: is it a date format? */
  dateXf: boolean[];
  epoch1904: boolean;
}

/** The workbook stream of the container. Throws ZipRefused for a damaged, old or encrypted file. */
export function workbookStream(bytes: Uint8Array): Buffer {
  let container: CFB.CFB$Container;
  try {
    container = CFB.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { type: "buffer" });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw damaged(`it is not a complete Excel 97-2003 workbook (${reason.slice(0, 120)})`);
  }
  const named = (name: string) => container.FileIndex.find((entry) => entry.type === 2 && entry.name === name);
  // Office 2007+ encryption puts even an .xlsx in a compound file, as "EncryptedPackage".
  if (named("EncryptedPackage")) throw new ZipRefused("limit", PASSWORD);
  const stream = named("Workbook") ?? named("WORKBOOK") ?? named("workbook");
  if (!stream) {
    if (named("Book") || named("BOOK")) throw new ZipRefused("limit", OLD_EXCEL);
    throw damaged("it is a compound file with no workbook in it (is it a Word or other Office document?)");
  }
  const content = stream.content;
  if (!content) throw damaged("its workbook stream is empty");
  return Buffer.isBuffer(content) ? content : Buffer.from(content as unknown as Uint8Array);
}

/** A BOF record: BIFF8 (0x0600) only, of the expected substream type. */
export function checkBof(record: BiffRecord | undefined, kind: number): void {
  if (!record || (record.type & 0xff) !== 0x09) throw damaged("it does not start with a workbook header record");
  if (record.type !== R.BOF) throw new ZipRefused("limit", OLD_EXCEL);
  const cursor = new Cursor(record.data, "BOF");
  const version = cursor.u16();
  const type = cursor.u16();
  if (version !== 0x0600) throw new ZipRefused("limit", OLD_EXCEL);
  if (type !== kind) throw damaged(`a sheet header has type 0x${type.toString(16)}, not 0x${kind.toString(16)}`);
}

/** Built-in number formats that are dates or times ([MS-XLS] 2.4.126), as read-excel-file takes them. */
const DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** A custom format is a date if, outside quoted text, colours and escapes, it has d, m, y, h or s. */
function isDateTemplate(template: string): boolean {
  const bare = template
    .split(";")[0]!
    .replace(/"[^"]*"/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\\./g, "");
  return /[dmyhs]/i.test(bare) && !/[0#?]/.test(bare.replace(/[.,]0+/, ""));
}

export function readGlobals(stream: Buffer): Globals {
  const sheets: Sheet[] = [];
  const formats = new Map<number, string>();
  const xfFormats: number[] = [];
  let strings: string[] = [];
  let epoch1904 = false;
  const walk = records(stream);
  checkBof(walk.next().value || undefined, 0x0005);
  let pending: { type: number; parts: Buffer[] } | null = null;
  const finish = () => {
    if (pending?.type === R.SST) strings = readSst(pending.parts);
    pending = null;
  };
  for (const record of walk) {
    if (record.type === CONTINUE) {
      pending?.parts.push(record.data);
      continue;
    }
    finish();
    const cursor = new Cursor(record.data, "workbook");
    if (record.type === R.EOF) {
      return { sheets, strings, epoch1904, dateXf: xfFormats.map((id) => dateFormat(id, formats)) };
    } else if (record.type === R.FILEPASS) throw new ZipRefused("limit", PASSWORD);
    else if (record.type === R.DATEMODE) epoch1904 = cursor.u16() === 1;
    else if (record.type === R.BOUNDSHEET) {
      const offset = cursor.u32();
      cursor.u8(); // visibility: hidden sheets are numbered, as in an .xlsx
      const kind = cursor.u8();
      sheets.push({ offset, kind, name: shortString(cursor, 1) });
    } else if (record.type === R.FORMAT) formats.set(cursor.u16(), shortString(cursor, 2));
    else if (record.type === R.XF) {
      cursor.u16();
      xfFormats.push(cursor.u16());
    } else if (record.type === R.SST) pending = { type: R.SST, parts: [record.data] };
  }
  throw damaged("the workbook's header section has no end (it is truncated)");
}

function dateFormat(id: number, formats: Map<number, string>): boolean {
  if (DATE_FORMATS.has(id)) return true;
  const template = formats.get(id);
  return template !== undefined && isDateTemplate(template);
}

/** The shared strings: a count, then strings running on across CONTINUE records. */
function readSst(parts: Buffer[]): string[] {
  const reader = new ContinuedReader(parts, "shared string table");
  reader.u32(); // total references
  const unique = reader.u32();
  const strings: string[] = [];
  // The count is not trusted for memory: strings are read while the records hold them.
  while (strings.length < unique && !reader.done) strings.push(reader.string());
  return strings;
}
