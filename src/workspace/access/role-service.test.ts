import { describe, expect, it } from "vitest";
import { removesLastLead } from "./role-service.ts";

describe("last-lead protection", () => {
  it("blocks demoting or removing the only lead", () => {
    expect(removesLastLead("lead", "editor", 1)).toBe(true);
    expect(removesLastLead("lead", null, 1)).toBe(true);
  });

  it("allows it when another lead remains, and any change to non-leads", () => {
    expect(removesLastLead("lead", "viewer", 2)).toBe(false);
    expect(removesLastLead("editor", null, 1)).toBe(false);
    expect(removesLastLead(undefined, "lead", 0)).toBe(false);
    expect(removesLastLead("lead", "lead", 1)).toBe(false);
  });
});
