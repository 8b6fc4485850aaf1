import { describe, expect, it } from "vitest";
import type { AssessmentSnapshot } from "./assessment-view.ts";
import { assessmentCompleteness } from "./completeness.ts";

const panel = (state: "ok" | "no-data") => ({ state }) as AssessmentSnapshot["sections"][number]["panels"][number];
const section = (narrative: string, panels: ReturnType<typeof panel>[], findings: number, qualitative = 0) =>
  ({
    code: "s",
    heading: "S",
    narrative,
    panels,
    findings: Array.from({ length: findings }, (_, i) => ({ id: `f${i}`, statement: "x" })),
    qualitative: Array.from({ length: qualitative }, (_, i) => ({
      id: `q${i}`,
      source: "",
      method: "",
      summary: "",
      quotes: [],
    })),
  }) as AssessmentSnapshot["sections"][number];

// Worked example: three sections; two narrated (one only an empty paragraph), five indicators of
// which three have data, findings in two sections, one piece of qualitative evidence, no services.
const snapshot = {
  sections: [
    section("<p>Work and pay</p>", [panel("ok"), panel("no-data")], 2),
    section("<p> </p>", [panel("ok"), panel("ok"), panel("no-data")], 0, 1),
    section("Housing costs", [], 1),
  ],
  services: [],
  reviewDate: "2027-03-31",
  voices: [],
} as unknown as AssessmentSnapshot;

describe("assessment completeness", () => {
  it("counts each check on the draft as it would be published", () => {
    const checks = Object.fromEntries(assessmentCompleteness(snapshot).map((check) => [check.key, check]));
    expect(checks.narrative).toMatchObject({ met: false, counts: { done: 2, total: 3 } });
    expect(checks.indicators).toMatchObject({ met: false, counts: { done: 2, total: 3 } });
    expect(checks["indicator-data"]).toMatchObject({
      met: false,
      counts: { done: 3, total: 5 },
      detail: "3 of 5 indicators have data for the area in the indicator store.",
    });
    expect(checks.findings).toMatchObject({ met: false, detail: "2 of 3 sections have at least one finding." });
    expect(checks["lived-experience"]).toMatchObject({ met: true });
    expect(checks.services).toMatchObject({ met: false, detail: "0 services recorded." });
    expect(checks["review-date"]).toMatchObject({ met: true });
  });

  it("calls nothing met for an empty assessment", () => {
    const empty = { sections: [], services: [], reviewDate: null } as unknown as AssessmentSnapshot;
    expect(assessmentCompleteness(empty).every((check) => !check.met)).toBe(true);
  });
});
