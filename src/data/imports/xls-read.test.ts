import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compoundFile, record, xlsStream, xlsWorkbook } from "../../../tests/helpers/xls.ts";
import { ImportRejected } from "./report.ts";
import { sourceFromBytes } from "./source-file.ts";
import { readTable } from "./spreadsheet.ts";
import { readXlsInProcess, XLS_LIMITS } from "./xls-read.ts";
import { readXlsx } from "./xlsx-reader.ts";
import { ZipRefused } from "./zip-guard.ts";

const long = `${"Armagh City, Banbridge and Craigavon ".repeat(3)}Ł`;

const sheets = [
  {
    name: "Notes",
    rows: [["About these tables"]],
  },
  {
    name: "MDM",
    rows: [
      ["SA2011", "LGD2014NAME", "MDM_rank", "Share", "Note"],
      ["N00000001", long, 1234, 0.125, { label: "labelled" }],
      ["N00000002", "Belfast", -7, 1e-7, { formula: "from a formula" }],
      [null, null, 5, 6, { formula: 2.5 }],
      [{ date: 43101 }, { bool: true }, 17.5, 3, null],
    ],
  },
];

function refusal(run: () => unknown): ZipRefused {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ZipRefused);
    return error as ZipRefused;
  }
  throw new Error("expected a refusal");
}

describe(".xls (BIFF8) reader", () => {
  it("reads every cell kind, strings split across CONTINUE records, as the xlsx path renders them", () => {
    const bytes = xlsWorkbook(sheets, { recordSize: 40 });
    const rows = readXlsInProcess(bytes, "MDM");
    expect(rows).toEqual([
      ["SA2011", "LGD2014NAME", "MDM_rank", "Share", "Note"],
      ["N00000001", long, "1234", "0.125", "labelled"],
      ["N00000002", "Belfast", "-7", "1e-7", "from a formula"],
      ["", "", "5", "6", "2.5"],
      ["2018-01-01", "TRUE", "17.5", "3", ""],
    ]);
    // Sheets are numbered in the workbook's order, from 1, as for an .xlsx.
    expect(readXlsInProcess(bytes, 1)).toEqual([["About these tables"]]);
    expect(() => readXlsInProcess(bytes, "Other")).toThrow(/Sheet not found: Other\. Available sheets: Notes, MDM/);
  });

  it("reads a workbook Excel wrote: Cyrillic text, and formulas' number, text, boolean and error results", () => {
    const bytes = readFileSync(new URL("../../../tests/fixtures/xls/formula_test_sjmachin.xls", import.meta.url));
    expect(readXlsInProcess(bytes)).toEqual([
      ["Description", "Data"],
      ["Non-latin1 text", "МОСКВА Москва"],
      ["formula number", "0.14285714285714285"],
      ["formula text", "ABCDEF"],
      ["formula zero-length text", ""],
      ["formula boolean", "TRUE"],
      ["formula error", "#DIV/0!"],
      ["formula non-latin1 text", "МОСКВА Москва"],
    ]);
  });

  it("reads a sheet of thousands of rows, its strings over many CONTINUE records and in two encodings", () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [`N00${String(i).padStart(6, "0")}`, `Łisburn ${i}`, i * 1.5]);
    const read = readXlsInProcess(xlsWorkbook([{ name: "SA", rows }]));
    expect(read).toHaveLength(3000);
    expect(read[2999]).toEqual(["N00002999", "Łisburn 2999", "4498.5"]);
    expect(read.every((row, i) => row[1] === `Łisburn ${i}` && row[2] === String(i * 1.5))).toBe(true);
  });

  it("reads through the workbook worker and readTable, like an .xlsx", async () => {
    const file = sourceFromBytes("NIMDM17_SA - for publication.xls", xlsWorkbook(sheets));
    const rows = await readXlsx(file, 2);
    expect(rows[1]).toEqual(["N00000001", long, "1234", "0.125", "labelled"]);
    const table = await readTable(file, { sheet: "MDM" });
    expect(table.map((row) => row.line)).toEqual([1, 2, 3, 4, 5]);
  });

  it("refuses Excel 95 and older, and password-protected workbooks, saying so", async () => {
    const old = refusal(() => readXlsInProcess(xlsWorkbook(sheets, { version: 0x0500 })));
    expect(old.reason).toBe("limit");
    expect(old.message).toMatch(/^it is an Excel 95 or older workbook/);
    expect(refusal(() => readXlsInProcess(xlsWorkbook(sheets, { streamName: "Book" }))).message).toMatch(/Excel 95/);
    const locked = sourceFromBytes("locked.xls", xlsWorkbook(sheets, { encrypted: true }));
    await expect(readXlsx(locked)).rejects.toThrow(/^locked\.xls: the workbook was refused: it is password-protected/);
    const biff4 = sourceFromBytes("ancient.xls", Buffer.concat([record(0x0409, Buffer.alloc(6)), Buffer.alloc(20)]));
    await expect(readTable(biff4)).rejects.toThrow(/^ancient\.xls: the file is an Excel 4\.0 or older workbook/);
  });

  it("refuses damaged workbooks as damaged, never reading past the end", async () => {
    const stream = xlsStream(sheets, { recordSize: 40 });
    // Cut inside a record, at every length: always a refusal, never another error.
    for (let cut = 1; cut < stream.length; cut += 7) {
      const error = refusal(() => readXlsInProcess(compoundFile(stream.subarray(0, cut)), "MDM"));
      expect(error.reason).toBe("damaged");
    }
    // A record length past the end of the stream.
    const lying = Buffer.from(stream);
    lying.writeUInt16LE(0xfff0, 2);
    expect(refusal(() => readXlsInProcess(compoundFile(lying), "MDM")).message).toMatch(/runs past the end/);
    // Not a compound file though it starts like one; and a name ending .xls on other bytes.
    const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const fake = sourceFromBytes("fake.xls", Buffer.concat([header, Buffer.alloc(600, 7)]));
    await expect(readTable(fake)).rejects.toThrow(/^fake\.xls: the workbook could not be read \(it is not a complete/);
    const png = sourceFromBytes("picture.xls", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    await expect(readTable(png)).rejects.toBeInstanceOf(ImportRejected);
  });

  it("refuses a sheet spanning more cells, or holding more text, than the limits", () => {
    const far = [{ name: "Wide", rows: [["a"], ...Array.from({ length: 30 }, () => [] as string[]), [1]] }];
    const saved = { ...XLS_LIMITS };
    XLS_LIMITS.maxCells = 10;
    try {
      expect(refusal(() => readXlsInProcess(xlsWorkbook(far))).message).toMatch(/spans more than 10 cells/);
      // One shared string, repeated: its characters are counted at every cell.
      XLS_LIMITS.maxCells = saved.maxCells;
      XLS_LIMITS.maxChars = 1000;
      const repeated = [{ name: "Long", rows: Array.from({ length: 20 }, () => ["x".repeat(100)]) }];
      expect(refusal(() => readXlsInProcess(xlsWorkbook(repeated))).message).toMatch(/more than 1,000 characters/);
    } finally {
      Object.assign(XLS_LIMITS, saved);
    }
  });
});
