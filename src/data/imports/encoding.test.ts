import { describe, expect, it } from "vitest";
import { decodeWindows1252, detectEncoding } from "./source-file.ts";

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((part) => (typeof part === "string" ? Buffer.from(part, "utf8") : Buffer.from(part))));

describe("decodeWindows1252", () => {
  it("decodes 0x80–0x9F as the Encoding Standard says, not as ISO-8859-1's controls", () => {
    expect(decodeWindows1252(bytes([0x80, 0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x99, 0x9f]))).toBe("€…‘’“”–—™Ÿ");
    expect(decodeWindows1252(bytes([0xa3, 0xe9, 0xf2, 0x41]))).toBe("£éòA");
  });
});

describe("detectEncoding", () => {
  it("reads UTF-8 with and without a byte order mark, and plain ASCII, as UTF-8", () => {
    expect(detectEncoding(bytes([0xef, 0xbb, 0xbf], "code,name\nS1,Stòrnabhagh\n"))).toMatchObject({
      encoding: "utf-8",
      reason: "UTF-8 with a byte order mark",
    });
    expect(detectEncoding(bytes("code,name\nS1,Stòrnabhagh\n"))?.encoding).toBe("utf-8");
    expect(detectEncoding(bytes("code,name\nS1,Lerwick\n"))?.reason).toMatch(/ASCII/);
  });

  it("reads a file that is not UTF-8 as Windows-1252, naming the first such byte and its line", () => {
    // "Na h-Eileanan Siar – Stòrnabhagh £" in Windows-1252: 0x96 en dash, 0xF2 ò, 0xA3 £.
    const file = bytes(
      "DZ2011_Code,DZ2011_Name\nS01000001,Na h-Eileanan Siar ",
      [0x96],
      " St",
      [0xf2],
      "rnabhagh ",
      [0xa3],
      "\n",
    );
    const choice = detectEncoding(file);
    expect(choice?.encoding).toBe("windows-1252");
    expect(choice?.reason).toContain("byte 0x96 on line 2");
    expect(choice?.reason).toContain("–");
    expect(decodeWindows1252(file)).toContain("Na h-Eileanan Siar – Stòrnabhagh £");
  });

  it("gives no answer for UTF-16, binary or bytes Windows-1252 does not define", () => {
    expect(detectEncoding(bytes([0xff, 0xfe, 0x63, 0x00, 0x6f, 0x00]))).toBeNull();
    expect(detectEncoding(bytes([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toBeNull();
    expect(detectEncoding(bytes("code\n", [0x81], "\n"))).toBeNull();
    expect(detectEncoding(Buffer.alloc(0))).toBeNull();
  });
});
