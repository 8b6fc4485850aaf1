import { describe, expect, it } from "vitest";
import { londonInstant } from "./embargo.ts";
import { tierOf } from "./visibility.ts";

describe("release times in UK time", () => {
  it("reads summer times as BST and winter times as GMT", () => {
    expect(londonInstant("2027-07-01", "09:30")!.toISOString()).toBe("2027-07-01T08:30:00.000Z");
    expect(londonInstant("2027-01-15", "09:30")!.toISOString()).toBe("2027-01-15T09:30:00.000Z");
    expect(londonInstant("2027-01-15", "0:05")!.toISOString()).toBe("2027-01-15T00:05:00.000Z");
  });

  it("refuses times that are not times, or do not exist on the day the clocks go forward", () => {
    expect(londonInstant("2027-01-15", "24:00")).toBeNull();
    expect(londonInstant("2027-01-15", "9.30")).toBeNull();
    expect(londonInstant("2027-01-15", "")).toBeNull();
    expect(londonInstant("2026-03-29", "01:30")).toBeNull();
    expect(londonInstant("2026-03-29", "02:00")!.toISOString()).toBe("2026-03-29T01:00:00.000Z");
  });

  it("refuses dates that do not exist rather than rolling them over", () => {
    expect(londonInstant("2099-13-01", "09:00")).toBeNull();
    expect(londonInstant("2027-02-29", "09:00")).toBeNull();
    expect(londonInstant("2027-04-31", "09:00")).toBeNull();
    expect(londonInstant("2028-02-29", "09:00")!.toISOString()).toBe("2028-02-29T09:00:00.000Z");
  });

  it("takes the later of the two 01:30s when the clocks go back (releasing late, never early)", () => {
    expect(londonInstant("2026-10-25", "01:30")!.toISOString()).toBe("2026-10-25T01:30:00.000Z");
  });
});

describe("access tiers", () => {
  it("keeps the old rule for indicators with no tier set, and follows a set tier", () => {
    expect(tierOf({ partnershipId: null, disclosureRule: "none", accessTier: null })).toBe("public");
    expect(tierOf({ partnershipId: null, disclosureRule: "small-count", accessTier: null })).toBe("partnership");
    expect(tierOf({ partnershipId: "p", disclosureRule: "none", accessTier: null })).toBe("partnership");
    expect(tierOf({ partnershipId: "p", disclosureRule: "small-count", accessTier: "restricted" })).toBe("restricted");
    expect(tierOf({ partnershipId: "p", disclosureRule: "small-count", accessTier: "public" })).toBe("public");
    expect(tierOf({ partnershipId: "p", disclosureRule: "none", accessTier: "nonsense" })).toBe("partnership");
  });
});
