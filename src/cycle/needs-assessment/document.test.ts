import { describe, expect, it } from "vitest";
import { documentView } from "../../lib/documents/index.ts";
import type { AssessmentSnapshot } from "./assessment-view.ts";
import { assessmentDocument } from "./document.ts";
import type { PanelView } from "./panel-data.ts";

const panel = (overrides: Partial<PanelView>): PanelView => ({
  id: "p1",
  sectionCode: "financial-support",
  indicatorSlug: "cilif",
  areaCode: "E06000005",
  title: "Children in relative low income",
  areaName: "Darlington",
  state: "ok",
  source: "DWP, Children in low income families",
  sourceUrl: "",
  releaseDate: null,
  disclosureRule: "none",
  latest: { period: "2021/22", value: "6,070 (p)", flags: ["provisional"] },
  sentence: "In 2021/22 (provisional), children in relative low income in Darlington was 6,070, up 44% on 2014/15.",
  table: {
    caption: "Children in relative low income, Darlington",
    columns: ["Period", "Value", "Status"],
    rows: [
      ["2014/15", "4,210", "–"],
      ["2021/22", "6,070 (p)", "Provisional"],
    ],
  },
  smallAreas: null,
  chart: {
    title: "Children in relative low income, Darlington",
    source: "DWP",
    unit: "count",
    periods: [{ label: "2014/15" }, { label: "2021/22", provisional: true }],
    series: [{ name: "Darlington", values: [4210, 6070] }],
  },
  notes: [],
  ...overrides,
});

const snapshot = (panels: PanelView[]): AssessmentSnapshot => ({
  version: 1,
  partnershipName: "Darlington Partnership",
  areaName: "Darlington",
  nation: "england",
  isFictional: true,
  frameworkName: "Building blocks",
  sections: [
    {
      code: "context",
      heading: "Context and overview",
      narrative: "<p>Overview</p>",
      panels: [],
      findings: [],
      qualitative: [],
    },
    {
      code: "financial-support",
      heading: "Financial support",
      narrative: "",
      panels,
      findings: [{ id: "f1", statement: "Take-up is low" }],
      qualitative: [],
    },
  ],
  services: [],
  swot: [{ category: "strength", label: "Strengths", items: [{ id: "s1", text: "Strong partnership" }] }],
  others: [],
  reviewDate: "2027-03-31",
  generatedAt: "2026-01-01T00:00:00.000Z",
});

describe("the assessment as a document", () => {
  it("gives every chart a figure with its data table, period and source, and the sentence above it", () => {
    const model = assessmentDocument(snapshot([panel({})]), { status: "Published", version: "Version 2" });
    const view = documentView(model);
    const blocks = view.sections.flatMap((section) => section.blocks);
    const figure = blocks.find((block) => block.type === "figure");
    expect(figure).toBeDefined();
    expect(figure!.type === "figure" && figure!.table.rows).toEqual([
      ["2014/15", "4,210", "–"],
      ["2021/22", "6,070 (p)", "Provisional"],
    ]);
    expect(figure!.type === "figure" && figure!.note).toBe(
      "Source: DWP, Children in low income families. Latest period: 2021/22.",
    );
    expect(JSON.stringify(blocks)).toContain("up 44% on 2014/15");
    expect(JSON.stringify(blocks)).toContain("due for review by 31 March 2027");
    expect(model.metadata).toMatchObject({ status: "Published", version: "Version 2" });
  });

  it("says so when no data is imported, never showing a zero", () => {
    const empty = panel({
      state: "no-data",
      latest: null,
      sentence: null,
      table: null,
      chart: null,
      source: "Not imported yet",
    });
    const doc = assessmentDocument(snapshot([empty]), { status: "Draft" });
    const text = JSON.stringify(doc.sections);
    expect(text).toContain("No data imported yet for Darlington (E06000005)");
    expect(doc.sections.flatMap((section) => section.blocks ?? []).some((block) => block.type === "figure")).toBe(
      false,
    );
  });
});
