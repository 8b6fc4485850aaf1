import { describe, expect, it } from "vitest";
import { checkCoverage } from "./coverage.ts";

const england = [
  "health-board",
  "jobcentre-plus",
  "police",
  "youth-offending-team",
  "probation",
  "transport-authority",
].map((type) => ({ name: type, type }));

describe("statutory partner coverage", () => {
  it("England unitary: all partners present, district councils not applicable", () => {
    const result = checkCoverage({ nation: "england", authorityType: "unitary-authority", members: england });
    expect(result.gaps).toEqual([]);
    expect(result.requirements.find((r) => r.kind === "district-councils")?.status).toBe("not-applicable");
  });

  it("England county council: district councils are required", () => {
    const result = checkCoverage({ nation: "england", authorityType: "county-council", members: england });
    expect(result.gaps.map((gap) => gap.kind)).toEqual(["district-councils"]);
  });

  it("flags a missing Jobcentre Plus", () => {
    const members = england.filter((member) => member.type !== "jobcentre-plus");
    const result = checkCoverage({ nation: "england", authorityType: "london-borough", members });
    expect(result.gaps.map((gap) => gap.kind)).toEqual(["jobcentre-plus"]);
  });

  it("a county or unitary council is its own transport authority; a metropolitan district is not", () => {
    const members = england.filter((member) => member.type !== "transport-authority");
    expect(checkCoverage({ nation: "england", authorityType: "unitary-authority", members }).gaps).toEqual([]);
    expect(
      checkCoverage({ nation: "england", authorityType: "metropolitan-district", members }).gaps.map((g) => g.kind),
    ).toEqual(["transport-authority"]);
  });

  it("unknown authority type leaves the district council check open", () => {
    const result = checkCoverage({ nation: "england", authorityType: null, members: england });
    expect(result.requirements.find((r) => r.kind === "district-councils")?.status).toBe("unknown");
    expect(result.gaps).toEqual([]);
    expect(result.unchecked.map((r) => r.kind)).toEqual(["district-councils"]);
  });

  it("Scotland needs the council and each relevant health board; others are listed separately", () => {
    const members = [
      { name: "Council", type: "council" },
      { name: "Advice", type: "advice-agency" },
    ];
    const missing = checkCoverage({ nation: "scotland", authorityType: "council-with-health-boards", members });
    expect(missing.gaps.map((gap) => gap.kind)).toEqual(["health-boards"]);
    expect(missing.otherPartners.map((member) => member.name)).toEqual(["Advice"]);
    const withBoard = [...members, { name: "NHS Board", type: "health-board" }];
    expect(
      checkCoverage({ nation: "scotland", authorityType: "council-with-health-boards", members: withBoard }).gaps,
    ).toEqual([]);
    expect(
      checkCoverage({ nation: "scotland", authorityType: null, healthBoardsExpected: 2, members: withBoard }).gaps.map(
        (g) => g.kind,
      ),
    ).toEqual(["health-boards"]);
  });

  it("no statutory list for Wales", () => {
    const result = checkCoverage({
      nation: "wales",
      authorityType: null,
      members: [{ name: "Council", type: "council" }],
    });
    expect(result.statutory).toBe(false);
    expect(result.otherPartners).toHaveLength(1);
  });
});
