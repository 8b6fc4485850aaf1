/**
 * Zip bombs for tests, built in memory in a few milliseconds (never committed as files): one
 * megabyte of zeros is deflated once, flushed to a byte boundary, and that block repeated, so a
 * few hundred kilobytes unpack to hundreds of megabytes. CRCs are left 0: the guard refuses a
 * bomb by size before anything checks a CRC (and zlib.crc32 would need Node 20.15).
 */
import { Deflate, strToU8 } from "fflate";

const MB = 1024 * 1024;
/** An empty, final, fixed-Huffman deflate block: ends the stream. */
const FINAL_BLOCK = new Uint8Array([0x03, 0x00]);

let megabyteBlock: Uint8Array | undefined;
/** One megabyte of zeros as a non-final deflate block ending on a byte boundary. */
function zerosBlock(): Uint8Array {
  if (megabyteBlock) return megabyteBlock;
  const chunks: Uint8Array[] = [];
  const deflate = new Deflate({ level: 9 }, (chunk) => chunks.push(chunk));
  deflate.push(new Uint8Array(MB));
  deflate.flush(true);
  megabyteBlock = Buffer.concat(chunks);
  return megabyteBlock;
}

export interface BombEntry {
  name: string;
  /** Megabytes of zeros this entry unpacks to; or give `text` for a small real entry. */
  megabytes?: number;
  text?: string;
  /** What the archive claims the entry unpacks to (a lie, to get past a check of declared sizes). */
  declaredBytes?: number;
}

function deflated(entry: BombEntry): { data: Uint8Array; crc: number; size: number } {
  if (entry.text !== undefined) {
    const raw = strToU8(entry.text);
    const chunks: Uint8Array[] = [];
    new Deflate({ level: 6 }, (chunk) => chunks.push(chunk)).push(raw, true);
    return { data: Buffer.concat(chunks), crc: 0, size: raw.length };
  }
  const megabytes = entry.megabytes ?? 1;
  const block = zerosBlock();
  const crc = 0;
  const data = new Uint8Array(block.length * megabytes + FINAL_BLOCK.length);
  for (let i = 0; i < megabytes; i++) data.set(block, i * block.length);
  data.set(FINAL_BLOCK, block.length * megabytes);
  return { data, crc, size: megabytes * MB };
}

/** A zip archive (deflate, no data descriptors) of the given entries. */
export function zipBomb(entries: BombEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const { data, crc, size } = deflated(entry);
    const name = Buffer.from(entry.name, "utf8");
    const declared = entry.declaredBytes ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(data));
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`;

/**
 * A workbook-shaped bomb: the parts of a workbook and one sheet that unpacks to `megabytes`
 * (about 400 MB from a 0.4 MB file, as in the incident); optionally lying about its size.
 */
export function xlsxBomb(options: { megabytes?: number; lie?: boolean } = {}): Buffer {
  const megabytes = options.megabytes ?? 400;
  return zipBomb([
    { name: "[Content_Types].xml", text: CONTENT_TYPES },
    { name: "_rels/.rels", text: '<?xml version="1.0"?><Relationships/>' },
    { name: "xl/worksheets/sheet1.xml", megabytes, ...(options.lie ? { declaredBytes: 1024 } : {}) },
  ]);
}
