import { describe, expect, it } from "vitest";
import { completeness } from "./completeness.ts";
import type { GeneratedReport, ReportFacts } from "./generated.ts";

const facts: ReportFacts = {
  bodies: [
    { id: "c", name: "Council", type: "council", measures: 4 },
    { id: "h1", name: "Board one", type: "health-board", measures: 2 },
    { id: "h2", name: "Board two", type: "health-board", measures: 0 },
  ],
  actions: 10,
  actionsUpdated: 8,
  proposed: 5,
  incomeMaximisation: 3,
  protectedCharacteristics: 0,
  actionsWithoutDriver: 0,
  actionsWithFamilyTypes: 6,
  indicatorsLinked: 2,
  indicatorsInStore: 1,
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
    const items = completeness(report("lcpar", { bodies: [facts.bodies[0]!], incomeMaximisation: 0 }), new Map(), 0);
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
