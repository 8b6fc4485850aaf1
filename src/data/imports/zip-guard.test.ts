import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { xlsxWorkbook } from "../../../tests/helpers/xlsx.ts";
import { xlsxBomb, zipBomb } from "../../../tests/helpers/zip-bomb.ts";
import { checkZip, XLSX_LIMITS, ZipRefused } from "./zip-guard.ts";

function refusal(bytes: Uint8Array, limits = XLSX_LIMITS): ZipRefused {
  try {
    checkZip(bytes, limits);
  } catch (error) {
    if (error instanceof ZipRefused) return error;
    throw error;
  }
  throw new Error("not refused");
}

describe("zip guard", () => {
  it("lets real workbooks through", () => {
    expect(() =>
      checkZip(
        xlsxWorkbook([
          ["Code", "Value"],
          ["E06000001", 12],
        ]),
      ),
    ).not.toThrow();
  });

  it("refuses a bomb by the size it declares", () => {
    const bomb = xlsxBomb({ megabytes: 400 });
    expect(bomb.length).toBeLessThan(600 * 1024);
    const error = refusal(bomb);
    expect(error.reason).toBe("limit");
    expect(error.message).toMatch(/says it unpacks to 400 MB, more than the 200 MB a workbook may unpack to/);
  });

  it("refuses a bomb that lies about its size, by counting what it really unpacks to", () => {
    // Lower limits than the real ones: the same code path, without unpacking 200 MB in a unit test.
    const error = refusal(xlsxBomb({ megabytes: 100, lie: true }), {
      maxEntries: 100,
      maxUnpackedBytes: 20 * 1024 * 1024,
    });
    expect(error.reason).toBe("limit");
    expect(error.message).toMatch(/it unpacks to more than the 20 MB/);
  });

  it("stops unpacking soon after the limit, holding no more than a chunk", () => {
    const limits = { maxEntries: 10, maxUnpackedBytes: 5 * 1024 * 1024 };
    const error = refusal(zipBomb([{ name: "a.xml", megabytes: 50, declaredBytes: 100 }]), limits);
    expect(error.message).toMatch(/more than the 5 MB/);
    // Many small entries add up as well.
    const many = zipBomb(Array.from({ length: 8 }, (_, i) => ({ name: `e${i}.xml`, megabytes: 1, declaredBytes: 1 })));
    expect(refusal(many, limits).message).toMatch(/more than the 5 MB/);
  });

  it("refuses an archive of too many entries", () => {
    const files = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}.xml`, strToU8("<x/>")]));
    const error = refusal(zipSync(files), { maxEntries: 20, maxUnpackedBytes: XLSX_LIMITS.maxUnpackedBytes });
    expect(error.message).toMatch(/holds 30 files, more than the 20 a workbook may have/);
  });

  it("calls a truncated or mangled archive damaged", () => {
    const workbook = xlsxWorkbook([["a"], ["b"]]);
    expect(refusal(workbook.subarray(0, 200)).reason).toBe("damaged");
    expect(refusal(Buffer.from("PK\u0003\u0004 not really a zip")).reason).toBe("damaged");
  });
});
