import { describe, expect, it } from "vitest";
import { checkPaper } from "./papers.ts";

const pdf = Buffer.from("%PDF-1.7\n1 0 obj\n");
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const exe = Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1");

describe("paper checks", () => {
  it("accepts a real PDF and PNG, with a checksum", () => {
    const result = checkPaper("agenda.pdf", pdf, false);
    expect(result).toMatchObject({ ok: true, contentType: "application/pdf" });
    expect(result.ok && result.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(checkPaper("chart.PNG", png, false).ok).toBe(true);
  });

  it("rejects an .exe renamed .pdf and a disallowed extension", () => {
    expect(checkPaper("report.pdf", exe, false)).toEqual({
      ok: false,
      message: expect.stringContaining("not a real PDF"),
    });
    expect(checkPaper("setup.exe", exe, false)).toEqual({
      ok: false,
      message: expect.stringContaining("must be a PDF"),
    });
  });

  it("rejects truncated or oversized files and empty uploads", () => {
    expect(checkPaper("big.pdf", pdf, true).ok).toBe(false);
    expect(checkPaper("big.pdf", pdf, false, 4).ok).toBe(false);
    expect(checkPaper("", Buffer.alloc(0), false)).toEqual({ ok: false, message: "Select a file to upload" });
  });

  it("accepts UTF-8 CSV but not binary named .csv; strips paths from names", () => {
    expect(checkPaper("../../etc/data.csv", Buffer.from("a,b\n1,2\n"), false)).toMatchObject({
      ok: true,
      fileName: "data.csv",
    });
    expect(checkPaper("data.csv", Buffer.from([0x00, 0xff, 0xfe]), false).ok).toBe(false);
  });
});
