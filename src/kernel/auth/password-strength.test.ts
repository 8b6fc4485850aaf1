import { describe, expect, it } from "vitest";
import { isCommonPassword, newPasswordProblem } from "./password-strength.ts";

describe("new password checks (NCSC advice)", () => {
  it("refuses common passwords whatever their case and spacing", () => {
    expect(isCommonPassword("password1234")).toBe(true);
    expect(isCommonPassword("PassWord1234")).toBe(true);
    expect(isCommonPassword("qwerty 123456")).toBe(true);
    expect(isCommonPassword("lantern orchard biscuit")).toBe(false);
  });

  it("names the problem: too short, too common, the email address", () => {
    expect(newPasswordProblem("short")).toMatch(/at least 12 characters/);
    expect(newPasswordProblem("123456789012")).toMatch(/too common/);
    expect(newPasswordProblem("someone@example.org", "Someone@example.org")).toMatch(/email address/);
    expect(newPasswordProblem("lantern orchard biscuit", "someone@example.org")).toBeNull();
  });
});
