import { describe, expect, it } from "vitest";
import { stackedBarChart } from "./stacked-bar-chart.ts";

describe("stackedBarChart", () => {
  const chart = stackedBarChart({
    title: "Funding and allocations",
    period: "2025/26 to 2026/27",
    unit: "currency",
    decimals: 2,
    categoryLabel: "Financial year",
    categories: ["2025/26", "2026/27"],
    series: [
      { name: "Committed funding", stack: "funding", values: [1000, 1200.5] },
      { name: "Indicative funding", stack: "funding", values: [0, null], hatched: true },
      { name: "Allocated", stack: "allocations", values: [800, 1300] },
    ],
  });

  it("draws accessible SVG without inline styles", () => {
    expect(chart.svg).toMatch(/^<svg[^>]*role="img"/);
    expect(chart.svg).toContain("<title");
    expect(chart.svg).not.toMatch(/style="/);
  });

  it("carries a data table with the period, and marks missing values rather than zero-filling", () => {
    expect(chart.table.caption).toBe("Funding and allocations. 2025/26 to 2026/27");
    expect(chart.table.columns).toEqual(["Financial year", "Committed funding", "Indicative funding", "Allocated"]);
    expect(chart.table.rows).toEqual([
      ["2025/26", "£1,000.00", "£0.00", "£800.00"],
      ["2026/27", "£1,200.50", "[x]", "£1,300.00"],
    ]);
    expect(chart.summary).toContain("2 financial years");
  });
});
