import { describe, expect, it } from "vitest";
import { requiredPartners } from "./representation.ts";

describe("required partners", () => {
  it("lists England's statutory partners, adding district councils in two-tier areas", () => {
    const unitary = requiredPartners("england", "E06000005", ["council", "police", "health-board"])!;
    expect(unitary.map((item) => item.type)).toEqual([
      "health-board",
      "jobcentre-plus",
      "police",
      "youth-offending-team",
      "probation",
      "transport-authority",
    ]);
    expect(unitary.filter((item) => item.represented).map((item) => item.label)).toEqual(["Health body", "Police"]);
    expect(requiredPartners("england", "E10000007", [])![0]).toEqual({
      type: "district-council",
      label: "District council",
      represented: false,
    });
  });

  it("asks Scotland for the council and the health board", () => {
    expect(requiredPartners("scotland", "S12000042", ["council", "health-board", "police"])).toEqual([
      { type: "council", label: "Council", represented: true },
      { type: "health-board", label: "Health board", represented: true },
    ]);
  });

  it("checks nothing where no list applies", () => {
    expect(requiredPartners("wales", "W06000011", [])).toBeNull();
    expect(requiredPartners("northern-ireland", "N09000003", [])).toBeNull();
  });
});
