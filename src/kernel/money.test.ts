import { describe, expect, it } from "vitest";
import { formatPounds, parsePounds, penceToDecimal } from "./money.ts";

describe("parsePounds", () => {
  // The budgets form's former rules (exact pence, thousands separators only where they belong).
  it("reads what the budgets form read", () => {
    expect(parsePounds("£12,500.50")).toBe(1_250_050);
    expect(parsePounds("0.1")).toBe(10);
    expect(parsePounds("1000000")).toBe(100_000_000);
    for (const bad of ["", "abc", "1.234", "-5", "1e5", "12,50"]) expect(parsePounds(bad), bad).toBeNull();
  });

  // The strategy fields' former rules: a space after £, amounts without separators, one decimal.
  it("reads what the action and update forms read", () => {
    expect(parsePounds("£1,234.56")).toBe(123_456);
    expect(parsePounds("1234.5")).toBe(123_450);
    expect(parsePounds("1234")).toBe(123_400);
    expect(parsePounds(" £ 45,000.00 ")).toBe(4_500_000);
    expect(parsePounds("1,000")).toBe(100_000);
    for (const bad of ["£", ".5", "1.", "12.345", "£-5", "five", "1 000"]) expect(parsePounds(bad), bad).toBeNull();
  });

  it("refuses separators in the wrong places instead of guessing", () => {
    // The strategy rule dropped every comma, so "12,50" became £1,250 and "1,2345" £12,345.
    for (const bad of ["12,50", "1,2345", "1234,567", ",100", "100,", "1,,000", "1,000,00"])
      expect(parsePounds(bad), bad).toBeNull();
    expect(parsePounds("1,234,567.89")).toBe(123_456_789);
  });

  it("is exact and bounded", () => {
    expect(parsePounds("0.29")).toBe(29);
    expect(parsePounds("999999999999.99")).toBe(99_999_999_999_999);
    expect(parsePounds("999,999,999,999.99")).toBe(99_999_999_999_999);
    expect(parsePounds("1000000000000")).toBeNull();
    expect(parsePounds("0001000")).toBe(100_000);
    expect(Number.isSafeInteger(parsePounds("999999999999.99"))).toBe(true);
  });
});

describe("formatPounds", () => {
  it("writes pounds with separators and two decimals", () => {
    expect(formatPounds(1_250_050)).toBe("£12,500.50");
    expect(formatPounds(5)).toBe("£0.05");
    expect(formatPounds(0)).toBe("£0.00");
    expect(formatPounds(99_999_999_999_999)).toBe("£999,999,999,999.99");
    expect(formatPounds(123_456, { symbol: false })).toBe("1,234.56");
  });

  it("puts the minus before the pound sign", () => {
    expect(formatPounds(-500)).toBe("-£5.00");
    expect(formatPounds(-123_456, { symbol: false })).toBe("-1,234.56");
  });

  it("leaves missing amounts empty, never zero", () => {
    expect(formatPounds(null)).toBe("");
    expect(formatPounds(undefined)).toBe("");
  });

  it("round-trips with parsePounds", () => {
    for (const pence of [0, 1, 99, 100, 123_456, 1_250_050, 99_999_999_999_999])
      expect(parsePounds(formatPounds(pence))).toBe(pence);
  });
});

describe("penceToDecimal", () => {
  it("writes a plain number for exports", () => {
    expect(penceToDecimal(1_250_050)).toBe("12500.50");
    expect(penceToDecimal(5)).toBe("0.05");
    expect(penceToDecimal(-150)).toBe("-1.50");
  });
});
