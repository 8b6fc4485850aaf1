import { monitorEventLoopDelay } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { xlsxRepeatedSharedString, xlsxWorkbook } from "../../../tests/helpers/xlsx.ts";
import { xlsxBomb } from "../../../tests/helpers/zip-bomb.ts";
import { ImportRejected } from "./report.ts";
import { readCsv, sourceFromBytes } from "./source-file.ts";
import { readTable } from "./spreadsheet.ts";
import { readXlsx } from "./xlsx-reader.ts";

async function rejection(promise: Promise<unknown>): Promise<ImportRejected> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ImportRejected);
  return error as ImportRejected;
}

describe("XLSX reader", () => {
  it("refuses an Excel 97-2003 workbook (.xls) by name where only CSV is read, saying how to save it", async () => {
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    const error = await rejection(readCsv(sourceFromBytes("NIMDM17_SOAresults.xls", xls)));
    expect(error.message).toMatch(
      /Excel 97-2003 workbook \(\.xls\), and this import reads CSV only.*save the sheet as CSV UTF-8/,
    );
  });

  it("reads a sheet to rows of text in a worker, numbers as written", async () => {
    const file = sourceFromBytes(
      "data.xlsx",
      xlsxWorkbook([
        ["Code", "Value"],
        ["E06000001", 12.5],
        [null, null],
        ["E06000002", "[c]"],
      ]),
    );
    expect(await readTable(file)).toEqual([
      { cells: ["Code", "Value"], line: 1 },
      { cells: ["E06000001", "12.5"], line: 2 },
      { cells: ["E06000002", "[c]"], line: 4 },
    ]);
    expect(await readTable(file, { sheet: "Data" })).toHaveLength(3);
    const missing = await rejection(readXlsx(file, "Other"));
    expect(missing.message).toMatch(/^data\.xlsx: the workbook could not be read \(.*Other/);
  });

  // Issue 11: a 1.7 MB workbook unpacking to ~400 MB stalled the server, then failed with a TypeError.
  it("refuses a zip bomb with a message naming the file, without blocking the event loop", async () => {
    const bomb = sourceFromBytes("budget.xlsx", xlsxBomb({ megabytes: 400 }));
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const refused = await rejection(readTable(bomb));
    delay.disable();
    expect(refused.message).toBe(
      'budget.xlsx: the workbook was refused: it says it unpacks to 400 MB, more than the 200 MB a workbook may unpack to, so it was not opened (it may be a "zip bomb", or a workbook too large to import: save the sheet as CSV)',
    );
    // The work is in the worker: the event loop here is never held for long (it was 11.7 s).
    expect(delay.max / 1e6).toBeLessThan(1000);
  });

  it("refuses a sheet whose shared strings stand for more text than a workbook may hold, naming the file", async () => {
    // 2,100 references to one 100,000-character string: 60 KB of XML, 210 million characters.
    const long = "x".repeat(100_000);
    const refused = await rejection(readTable(sourceFromBytes("repeats.xlsx", xlsxRepeatedSharedString(long, 2_100))));
    expect(refused.message).toMatch(
      /^repeats\.xlsx: .*more than 200,000,000 characters of text.*save the sheet as CSV UTF-8/,
    );
    // The same string a few times is an ordinary sheet.
    const rows = await readTable(sourceFromBytes("few.xlsx", xlsxRepeatedSharedString("Darlington", 3)));
    expect(rows.map((row) => row.cells)).toEqual([["Darlington"], ["Darlington"], ["Darlington"]]);
  });

  it("refuses a bomb that lies about its size", async () => {
    const bomb = sourceFromBytes("lies.xlsx", xlsxBomb({ megabytes: 400, lie: true }));
    const refused = await rejection(readTable(bomb));
    expect(refused.message).toMatch(/^lies\.xlsx: the workbook was refused: it unpacks to more than the 200 MB/);
  });

  it("calls a damaged workbook unreadable, naming the file", async () => {
    const broken = sourceFromBytes("broken.xlsx", xlsxWorkbook([["a"]]).subarray(0, 200));
    const refused = await rejection(readTable(broken));
    expect(refused.message).toMatch(/^broken\.xlsx: the workbook could not be read \(it is not a complete zip archive/);
  });
});

describe("XLSX reader, bytes after the archive", () => {
  // Found by the import fuzz test: three bytes glued on held the reader until its 60-second limit.
  it("reads the workbook and ignores what follows its end, at once", async () => {
    const workbook = xlsxWorkbook([["Code"], ["E06000001"]]);
    const file = sourceFromBytes("glued.xlsx", Buffer.concat([workbook, Buffer.from([0xff, 0xfe, 0x00])]));
    const started = Date.now();
    expect(await readTable(file)).toEqual([
      { cells: ["Code"], line: 1 },
      { cells: ["E06000001"], line: 2 },
    ]);
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
