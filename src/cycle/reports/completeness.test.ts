import { describe, expect, it } from "vitest";
import { completeness } from "./completeness.ts";
import type { GeneratedReport, ReportFacts } from "./generated.ts";

const facts: ReportFacts = {
  bodies: [
    { id: "c", name: "Council", type: "council", measures: 4, actions: 6 },
    { id: "h1", name: "Board one", type: "health-board", measures: 2, actions: 2 },
    { id: "h2", name: "Board two", type: "health-board", measures: 0, actions: 3 },
  ],
  actions: 10,
  actionsUpdated: 8,
  proposed: 5,
  incomeMaximisation: 3,
  incomeMaximisationUpdated: 2,
  protectedCharacteristics: 0,
  protectedCharacteristicsUpdated: 0,
  actionsWithoutDriver: 0,
  actionsWithFamilyTypes: 6,
  indicatorsLinked: 2,
  indicatorsInStore: 1,
  indicatorsWithValuesInYear: 1,
  livedExperience: 0,
  priorities: 3,
  strategy: "signed-off",
};

function report(type: GeneratedReport["type"], overrides: Partial<ReportFacts> = {}) {
  const generated: GeneratedReport = {
    type,
    title: "T",
    subtitle: "S",
    reportingYear: "2025/26",
    generatedOn: "2026-05-01",
    sections: [],
    facts: { ...facts, ...overrides },
  };
  return { id: "r", partnershipId: "p", generated };
}

const status = (items: ReturnType<typeof completeness>, key: string) => items.find((item) => item.key === key)?.met;

describe("completeness", () => {
  it("checks each statutory element of the LCPAR, measures taken per body", () => {
    const items = completeness(report("lcpar"), new Map(), 0);
    expect(status(items, "measures-taken:c")).toBe(true);
    expect(status(items, "measures-taken:h1")).toBe(true);
    expect(status(items, "measures-taken:h2")).toBe(false);
    expect(status(items, "income-maximisation")).toBe(true);
    expect(status(items, "protected-characteristics")).toBe(false);
    expect(items.filter((item) => item.kind === "statutory").map((item) => item.key)).toEqual([
      "measures-taken:c",
      "measures-taken:h1",
      "measures-taken:h2",
      "measures-proposed",
      "income-maximisation",
      "protected-characteristics",
    ]);
  });

  it("flags a missing health board, income maximisation, and unwritten narrative, each with a link to fix it", () => {
    const items = completeness(
      report("lcpar", { bodies: [facts.bodies[0]!], incomeMaximisation: 0, incomeMaximisationUpdated: 0 }),
      new Map(),
      0,
    );
    expect(items.find((item) => item.key === "body:health-board")).toMatchObject({
      met: false,
      href: "/partnerships/p/organisations",
    });
    expect(items.find((item) => item.key === "income-maximisation")).toMatchObject({
      met: false,
      href: "/partnerships/p/actions",
    });
    expect(items.find((item) => item.key === "case-studies")).toMatchObject({
      met: false,
      href: "/partnerships/p/reports/r/sections/case-studies",
    });
  });

  it("counts narrative with words in it, and sign-offs", () => {
    const narratives = new Map([
      ["case-studies", "<p>A family's story</p>"],
      ["lived-experience", "<p> </p>"],
    ]);
    const items = completeness(report("progress"), narratives, 1);
    expect(status(items, "case-studies")).toBe(true);
    expect(status(items, "lived-experience")).toBe(false);
    expect(status(items, "sign-off")).toBe(true);
    expect(items.some((item) => item.kind === "statutory")).toBe(false);
  });
});

describe("completeness judged on the year's recorded work", () => {
  it("counts, and says so: actions reported, indicators with values in the year, flagged work updated", () => {
    const items = completeness(
      report("lcpar", {
        actions: 15,
        actionsUpdated: 12,
        incomeMaximisation: 3,
        incomeMaximisationUpdated: 0,
        indicatorsLinked: 4,
        indicatorsWithValuesInYear: 0,
      }),
      new Map(),
      0,
    );
    const item = (key: string) => items.find((entry) => entry.key === key)!;
    expect(item("actions-reported")).toMatchObject({
      met: false,
      counts: { done: 12, total: 15 },
      detail: "12 of 15 actions have an update in 2025/26.",
    });
    // Flagged income maximisation actions without an update in the year are not measures taken.
    expect(item("income-maximisation")).toMatchObject({
      met: false,
      counts: { done: 0, total: 3 },
      detail: "0 of 3 actions flagged as income maximisation have an update in 2025/26.",
    });
    // Linked indicators with no value for the year do not measure progress.
    expect(item("indicators")).toMatchObject({
      met: false,
      counts: { done: 0, total: 4 },
      detail: "0 of 4 action indicators have a value for 2025/26 in the indicator store.",
    });
    expect(item("measures-taken:c")).toMatchObject({
      met: true,
      counts: { done: 4, total: 6 },
      detail: "4 of 6 actions led or supported by Council have an update in 2025/26.",
    });
    expect(item("measures-taken:h2").detail).toBe(
      "0 of 3 actions led or supported by Board two have an update in 2025/26.",
    );
  });

  it("calls every action reported only when each has an update in the year", () => {
    const items = completeness(report("progress", { actions: 2, actionsUpdated: 2 }), new Map(), 0);
    expect(items.find((entry) => entry.key === "actions-reported")).toMatchObject({
      met: true,
      detail: "2 of 2 actions have an update in 2025/26.",
    });
    const none = completeness(report("progress", { actions: 0, actionsUpdated: 0 }), new Map(), 0);
    expect(none.find((entry) => entry.key === "actions-reported")).toMatchObject({ met: false });
  });

  it("never calls met what a report drafted before the year's counts cannot show", () => {
    const old = report("lcpar", {
      indicatorsWithValuesInYear: undefined,
      incomeMaximisationUpdated: undefined,
      protectedCharacteristicsUpdated: undefined,
    });
    const items = completeness(old, new Map(), 0);
    for (const key of ["indicators", "income-maximisation", "protected-characteristics"]) {
      const entry = items.find((candidate) => candidate.key === key)!;
      expect(entry.met).toBe(false);
      expect(entry.detail).toContain("regenerate the report");
    }
  });
});
