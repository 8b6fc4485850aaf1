import { describe, expect, it } from "vitest";
import { financialYearOf, formatPence, isFinancialYear, parsePounds, penceToDecimal } from "./money.ts";

describe("money", () => {
  it("parses pounds exactly into pence", () => {
    expect(parsePounds("£12,500.50")).toBe(1_250_050);
    expect(parsePounds("0.1")).toBe(10);
    expect(parsePounds("1000000")).toBe(100_000_000);
    for (const bad of ["", "abc", "1.234", "-5", "1e5", "12,50"]) expect(parsePounds(bad)).toBeNull();
  });
  it("formats pence", () => {
    expect(formatPence(1_250_050)).toBe("£12,500.50");
    expect(penceToDecimal(5)).toBe("0.05");
  });
  it("knows financial years", () => {
    expect(financialYearOf("2026-03-31")).toBe("2025/26");
    expect(financialYearOf("2026-04-01")).toBe("2026/27");
    expect(financialYearOf("2099-06-01")).toBe("2099/00");
    expect(isFinancialYear("2025/26")).toBe(true);
    expect(isFinancialYear("2025/27")).toBe(false);
  });
});
