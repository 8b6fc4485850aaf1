import { describe, expect, it } from "vitest";
import { assessRisk, defaultCriteria, type RiskFacts, type SharingCriteria } from "./risk.ts";

const facts = (over: Partial<RiskFacts> = {}): RiskFacts => ({
  level: "aggregate",
  specialCategory: false,
  childrenData: false,
  volume: "small",
  onwardSharing: false,
  ...over,
});

describe("assessRisk", () => {
  it("scores aggregate, non-sensitive, small sharing as low with a zero for every criterion", () => {
    const result = assessRisk(facts(), defaultCriteria);
    expect(result.level).toBe("low");
    expect(result.total).toBe(0);
    expect(result.reasons.map((reason) => reason.criterion)).toEqual([
      "Identifiability",
      "Sensitivity",
      "Children's data",
      "Volume",
      "Onward sharing",
    ]);
    expect(result.reasons.every((reason) => reason.points === 0)).toBe(true);
  });

  it("adds each criterion's points and names why", () => {
    const result = assessRisk(
      facts({ level: "record-level", specialCategory: true, childrenData: true, volume: "large", onwardSharing: true }),
      defaultCriteria,
    );
    expect(result.total).toBe(4 + 3 + 2 + 2 + 2);
    expect(result.level).toBe("high");
    expect(result.reasons.find((reason) => reason.criterion === "Sensitivity")).toEqual({
      criterion: "Sensitivity",
      finding: "Special category data is shared",
      points: 3,
    });
    expect(result.rule).toBe("13 points: medium from 3, high from 7");
  });

  it("uses the thresholds inclusively", () => {
    const criteria: SharingCriteria = { ...defaultCriteria, mediumFrom: 2, highFrom: 4 };
    expect(assessRisk(facts({ level: "pseudonymised" }), criteria).level).toBe("medium");
    expect(assessRisk(facts({ level: "record-level" }), criteria).level).toBe("high");
    expect(assessRisk(facts({ volume: "medium" }), criteria).level).toBe("low");
  });

  it("follows the nation's points, not fixed ones", () => {
    const strict: SharingCriteria = { ...defaultCriteria, childrenData: 7 };
    expect(assessRisk(facts({ childrenData: true }), defaultCriteria).level).toBe("low");
    expect(assessRisk(facts({ childrenData: true }), strict).level).toBe("high");
  });
});
