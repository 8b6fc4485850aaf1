import fc from "fast-check";
import type { ImportBase } from "./import-bases.ts";

/** A malformed file, and where an error must be reported when the malformation is known to be invalid. */
export interface Malformed {
  bytes: Buffer;
  what: string;
  expect?: { row: number; column?: string };
}

/** Cell contents that have broken importers somewhere: markers, huge and tiny numbers, control characters, injections. */
export const hostileCells = [
  "",
  " ",
  "1e309",
  "-1e309",
  "9".repeat(400),
  "-5",
  "-0",
  "NaN",
  "Infinity",
  "1e-400",
  "12,5",
  "1,234,567",
  "１２",
  "٣",
  "0x1F",
  "1_000",
  "\u0000",
  "E06000001\u0000",
  '=HYPERLINK("http://x.example")',
  '"',
  "a,b",
  "\r",
  "\n",
  "x".repeat(5000),
  "E99999999",
  "K02000001",
  "S01006506",
  "2023/24 (p)",
  "2023/25",
  "9999/00",
  "0000",
  "2023 Q5",
  "2023-13",
  "<script>alert(1)</script>",
  "null",
  "[c]",
  "*",
  "..",
  "\uFEFF",
  "\u2028",
  "\uD83D",
  "😀",
] as const;

/** Values a numeric column can never hold, whatever the indicator: each must be refused at its row and column. */
const notNumbers = ["1e309", "-1e309", "9".repeat(400), "twelve", "\u0000", "NaN", "0x1F", "12.5.1"];

/** JSON fragments to put where a value was: wrong types, huge numbers, deep nesting, escapes of NUL. */
const hostileJson = [
  "null",
  "[]",
  "{}",
  '""',
  "0",
  "-1",
  "1e309",
  "true",
  '"\\u0000"',
  `"${"x".repeat(5000)}"`,
  "[null]",
  "[[[]]]",
  '{"type":"Polygon","arcs":[[99]]}',
  '{"type":"Polygon","arcs":"x"}',
  `${"[".repeat(3000)}${"]".repeat(3000)}`,
  '{"areacd":"E06000001","areanm":""}',
  '{"__proto__":{"x":1}}',
];

const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

function csvLines(base: ImportBase): string[][] {
  // The bases quote no separators, so a plain split is exact.
  return base.content
    .toString("utf8")
    .trimEnd()
    .split("\n")
    .map((line) => line.split(",").map((cell) => cell.replace(/^"(.*)"$/, "$1")));
}

const joinCsv = (rows: string[][]) => Buffer.from(`${rows.map((row) => row.map(quote).join(",")).join("\n")}\n`);

/** Bytes: truncated, cut, with bytes inserted or overwritten, or junk appended. */
function byteMutations(base: ImportBase): fc.Arbitrary<Malformed> {
  const length = base.content.length;
  return fc.oneof(
    fc.nat({ max: length }).map((at) => ({ bytes: base.content.subarray(0, at), what: `truncated at ${at}` })),
    fc.tuple(fc.nat({ max: length }), fc.uint8Array({ minLength: 1, maxLength: 8 })).map(([at, bytes]) => ({
      bytes: Buffer.concat([base.content.subarray(0, at), Buffer.from(bytes), base.content.subarray(at)]),
      what: `bytes ${[...bytes]} inserted at ${at}`,
    })),
    fc.tuple(fc.nat({ max: Math.max(0, length - 1) }), fc.integer({ min: 0, max: 255 })).map(([at, byte]) => {
      const bytes = Buffer.from(base.content);
      bytes[at] = byte;
      return { bytes, what: `byte ${at} set to ${byte}` };
    }),
    fc.tuple(fc.nat({ max: length }), fc.nat({ max: 40 })).map(([at, count]) => ({
      bytes: Buffer.concat([base.content.subarray(0, at), base.content.subarray(at + count)]),
      what: `${count} bytes cut at ${at}`,
    })),
    fc.constantFrom(
      { bytes: Buffer.alloc(0), what: "empty" },
      { bytes: Buffer.from("\uFEFF"), what: "a BOM only" },
      { bytes: Buffer.from(`\uFEFF\uFEFF${base.content.toString("utf8")}`), what: "two BOMs" },
      { bytes: Buffer.from(base.content.toString("utf8"), "utf16le"), what: "UTF-16" },
      { bytes: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]), what: "a broken zip" },
      { bytes: Buffer.concat([base.content, Buffer.from([0xff, 0xfe, 0x00])]), what: "junk appended" },
    ),
  );
}

/** CSV: one cell replaced; rows duplicated, dropped or swapped; the header changed. */
function csvMutations(base: ImportBase): fc.Arbitrary<Malformed> {
  const rows = csvLines(base);
  const cell = fc.tuple(
    fc.nat({ max: rows.length - 1 }),
    fc.nat({ max: rows[0]!.length - 1 }),
    fc.oneof(fc.constantFrom(...hostileCells), fc.string({ maxLength: 12, unit: "binary" })),
  );
  return fc.oneof(
    cell.map(([r, c, value]) => {
      const copy = rows.map((row) => [...row]);
      copy[r]![c] = value;
      return { bytes: joinCsv(copy), what: `row ${r + 1} column ${c + 1} = ${JSON.stringify(value.slice(0, 30))}` };
    }),
    fc.tuple(fc.nat({ max: rows.length - 1 }), fc.constantFrom("duplicate", "drop", "swap-first")).map(([r, how]) => {
      const copy = rows.map((row) => [...row]);
      if (how === "duplicate") copy.splice(r, 0, [...copy[r]!]);
      else if (how === "drop") copy.splice(r, 1);
      else [copy[0], copy[r]] = [copy[r]!, copy[0]!];
      return { bytes: joinCsv(copy), what: `${how} row ${r + 1}` };
    }),
    fc.tuple(fc.nat({ max: rows.length - 1 }), fc.integer({ min: -3, max: 3 })).map(([r, change]) => {
      const copy = rows.map((row) => [...row]);
      copy[r] = change < 0 ? copy[r]!.slice(0, change) : [...copy[r]!, ...Array(change).fill("extra")];
      return { bytes: joinCsv(copy), what: `row ${r + 1} ${change} cells` };
    }),
  );
}

/** A value that is never a number in a numeric column: refused at that row and column. */
function targetedMutations(base: ImportBase): fc.Arbitrary<Malformed> | null {
  const rows = csvLines(base);
  const headerRow = rows.findIndex((row) => base.numeric!.some((name) => row.includes(name)));
  const columns = base.numeric!.map((name) => ({ name, index: rows[headerRow]!.indexOf(name) }));
  const bad = [...notNumbers, ...(base.counts?.length ? ["-5"] : [])];
  return fc
    .tuple(
      fc.integer({ min: headerRow + 1, max: rows.length - 1 }),
      fc.constantFrom(...columns),
      fc.constantFrom(...bad),
    )
    .filter(([, column, value]) => value !== "-5" || (base.counts ?? []).includes(column.name))
    .map(([r, column, value]) => {
      const copy = rows.map((row) => [...row]);
      copy[r]![column.index] = value;
      // A NUL is refused by the reader, which names the row but not the column.
      const expectColumn = value.includes("\u0000") ? undefined : column.name;
      return {
        bytes: joinCsv(copy),
        what: `row ${r + 1} "${column.name}" = ${JSON.stringify(value.slice(0, 20))}`,
        expect: { row: r + 1, ...(expectColumn ? { column: expectColumn } : {}) },
      };
    });
}

/** JSON: one value (found by walking the parsed file) replaced by a hostile fragment. */
function jsonMutations(base: ImportBase): fc.Arbitrary<Malformed> {
  const paths: (string | number)[][] = [];
  const walk = (value: unknown, path: (string | number)[]) => {
    paths.push(path);
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) walk(item, [...path, i]);
    } else if (value && typeof value === "object")
      for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
  };
  const parsed = JSON.parse(base.content.toString("utf8")) as unknown;
  walk(parsed, []);
  return fc.tuple(fc.constantFrom(...paths), fc.constantFrom(...hostileJson)).map(([path, fragment]) => {
    const marker = "\u0001FUZZ\u0001";
    const copy = structuredClone(parsed) as Record<string | number, unknown>;
    if (path.length === 0) return { bytes: Buffer.from(fragment), what: `whole file = ${fragment.slice(0, 30)}` };
    let parent: Record<string | number, unknown> = copy;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    parent[path.at(-1)!] = marker;
    const text = JSON.stringify(copy).replace(JSON.stringify(marker), fragment);
    return { bytes: Buffer.from(text), what: `${path.join(".")} = ${fragment.slice(0, 30)}` };
  });
}

export function malformed(base: ImportBase): fc.Arbitrary<Malformed> {
  const options: fc.Arbitrary<Malformed>[] = [byteMutations(base)];
  if (base.format === "csv") options.push(csvMutations(base));
  if (base.format === "json") options.push(jsonMutations(base), jsonMutations(base));
  const targeted = base.format === "csv" && base.numeric ? targetedMutations(base) : null;
  if (targeted) options.push(targeted);
  // A counterexample prints as what was done to the base file, not as its bytes.
  return fc.oneof(...options).map((sample) => Object.assign(sample, { [fc.toStringMethod]: () => sample.what }));
}
