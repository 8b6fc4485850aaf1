import { describe, expect, it } from "vitest";
import { localise, localiseAll } from "./localise.ts";
import { actionTemplates } from "./templates.ts";
import { priorityTemplates, strategyText } from "./strategy-text.ts";

const SCOTTISH_ONLY =
  /Scottish Child Payment|Scottish Welfare Fund|Best Start|Pupil equity|Community Planning|data zones|under-22s|scp-|simd-/;

describe("demo text outside Scotland", () => {
  it("uses English and Welsh names for Scottish benefits, funds and boards", () => {
    expect(localise("Scottish Welfare Fund and local cash grants", "england")).toBe(
      "Household Support Fund and local cash grants",
    );
    expect(localise("Scottish Welfare Fund and local cash grants", "wales")).toBe(
      "Discretionary Assistance Fund and local cash grants",
    );
    expect(localise("Scottish Welfare Fund and local cash grants", "scotland")).toBe(
      "Scottish Welfare Fund and local cash grants",
    );
  });
  it("leaves no Scottish-only term in an English or Welsh partnership's actions, priorities or strategy", () => {
    for (const nation of ["england", "wales"]) {
      const text = JSON.stringify(
        localiseAll(
          { actions: actionTemplates, priorities: priorityTemplates, strategy: strategyText("Darlington", 2025) },
          nation,
        ),
      );
      expect(text).not.toMatch(SCOTTISH_ONLY);
    }
    expect(JSON.stringify(actionTemplates)).toMatch(SCOTTISH_ONLY);
  });
});
