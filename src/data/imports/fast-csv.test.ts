import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { cellCountOf, cellOf, parseCsvFast } from "./fast-csv.ts";
import type { CsvRow } from "./source-file.ts";

/** What readCsv's csv-parse options give, or "error". */
function reference(text: string): { cells: string[]; line: number }[] | "error" {
  try {
    const records = parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return records.map((r) => ({ cells: r.record, line: r.info.lines }));
  } catch {
    return "error";
  }
}

describe("parseCsvFast", () => {
  it("reads quoted fields, doubled quotes, commas and line ends inside quotes, with csv-parse's line numbers", async () => {
    const text = '\uFEFF"code","name"\n"E01","Ab, ""Cd"""\n\n"E02","two\nlines"\nE03,\n';
    const rows = await parseCsvFast(text);
    expect(rows).toEqual([
      { cells: ["code", "name"], line: 1 },
      { cells: ["E01", 'Ab, "Cd"'], line: 2 },
      { cells: ["E02", "two\nlines"], line: 5 },
      { cells: ["E03", ""], line: 6 },
    ]);
    expect(rows).toEqual(reference(text));
  });

  it("reads lazily: quoted cells unquoted, a row's cells the same array while it is the last read", async () => {
    const text = '\uFEFF"code","name"\n"E01","Ab, ""Cd"""\n\n"E02","two\nlines"\nE03,\n';
    const rows = (await parseCsvFast(text, { lazy: true }))!;
    expect(rows.map((row) => ({ cells: row.cells, line: row.line }))).toEqual(reference(text));
    expect(cellOf(rows[1]!, 1)).toBe('Ab, "Cd"');
    expect(rows[3]!.cells).toBe(rows[3]!.cells);
    expect(cellOf(rows[0]!, -1)).toBeUndefined();
  });

  it("reads \\r\\n files like csv-parse", async () => {
    const text = "a,b\r\n1,2\r\n\r\n3\r\n";
    expect(await parseCsvFast(text)).toEqual(reference(text));
  });

  it("hands anything it does not handle back to csv-parse (stray quotes, bare \\r, unterminated or mixed line ends)", async () => {
    for (const text of ['"a"b\n', 'a"b\n', '"abc', "a\rb", "a\r\nb\nc", '"x\r\ny",1\r\n'])
      expect(await parseCsvFast(text)).toBeNull();
  });

  it("agrees with csv-parse on 50,000 random small inputs whenever it answers", async () => {
    const pieces = ["a", "b", ",", '"', "\n", "\r\n", " ", '""', "\r", "\uFEFF"];
    let seed = 12345;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    let answered = 0;
    for (let n = 0; n < 50_000; n++) {
      let text = "";
      for (let k = Math.floor(random() * 16); k > 0; k--) text += pieces[Math.floor(random() * pieces.length)];
      const fast = await parseCsvFast(text);
      if (fast === null) continue;
      answered++;
      expect(fast, JSON.stringify(text)).toEqual(reference(text));
      if (n % 10 !== 0) continue;
      // Lazy rows read the same cells, whole or one at a time (past the end: undefined, as an array gives).
      const lazy = (await parseCsvFast(text, { lazy: true }))!;
      const eachCell = (row: CsvRow) => Array.from({ length: cellCountOf(row) + 1 }, (_, k) => cellOf(row, k));
      expect([lazy.map(eachCell), lazy.map((row) => row.line)]).toEqual([
        fast.map((row) => [...row.cells, undefined]),
        fast.map((row) => row.line),
      ]);
    }
    // The fast path must actually be taken for most well-formed inputs, not just fall back.
    expect(answered).toBeGreaterThan(10_000);
  });
});
