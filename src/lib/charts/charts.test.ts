import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { niceCeiling } from "./comparison-chart.ts";
import { comparisonChart, distributionChart, statusChart, trendChart } from "./index.ts";

/** resvg parses with a strict XML parser, so a render proves the SVG is well formed. */
function expectWellFormed(svg: string): void {
  const image = new Resvg(svg, { font: { loadSystemFonts: false } });
  expect(image.width).toBeGreaterThan(0);
}

function expectAccessible(svg: string, title: string): void {
  expect(svg).toMatch(/^<svg [^>]*role="img"/);
  expect(svg).toMatch(/aria-labelledby="[^"]+-title [^"]+-desc"/);
  expect(svg).toContain(`>${title}</title>`);
  expect(svg).toMatch(/<desc id="[^"]+">[^<]+<\/desc>/);
  expect(svg).toContain('font-family="Arial');
  // Nothing a CSP or a sanitiser would object to.
  expect(svg).not.toMatch(/<style|style="|\son[a-z]+=|<script|ecmeta_|zr\d+-/);
}

const periods = ["2014/15", "2015/16", "2016/17", "2017/18", "2018/19", "2019/20", "2020/21", "2021/22"].map(
  (label, i) => ({
    label,
    provisional: i === 7,
  }),
);

describe("trendChart", () => {
  const input = {
    title: "Children in relative low income",
    source: "DWP/HMRC",
    unit: "percentage" as const,
    periods,
    series: [
      { name: "Darlington", values: [18.1, 19.2, null, 21.3, "suppressed" as const, 22.1, 20.5, 24.6] },
      { name: "England", values: [16.1, 17, 17.5, 18, 18.4, 19.1, 17.9, 19.9] },
    ],
    target: { value: 15, label: "Local target" },
  };

  it("renders accessible, well-formed SVG with a complete table", () => {
    const chart = trendChart(input);
    expectWellFormed(chart.svg);
    expectAccessible(chart.svg, "Children in relative low income");
    expect(chart.table.columns).toEqual(["Period", "Darlington", "England"]);
    expect(chart.table.rows).toHaveLength(8);
    expect(chart.table.rows[0]).toEqual(["2014/15", "18.1%", "16.1%"]);
    expect(chart.table.rows[2]).toEqual(["2016/17", "[x]", "17.5%"]);
    expect(chart.table.rows[4]).toEqual(["2018/19", "[c]", "18.4%"]);
    expect(chart.table.rows[7]).toEqual(["2021/22 (p)", "24.6%", "19.9%"]);
    expect(chart.table.notes?.join(" ")).toMatch(/\(p\).*\[c\].*\[x\]/);
    expect(chart.summary).toMatch(/Darlington rose from 18\.1% in 2014\/15 to 24\.6% in 2021\/22 \(provisional\)/);
    expect(chart.summary).toContain("2 values missing or suppressed");
  });

  it("marks provisional periods with a dashed line and (p) and leaves gaps instead of zeros", () => {
    const { svg } = trendChart(input);
    expect(svg).toContain("2021/22 (p)");
    expect(svg).toMatch(/<path d="M[^"]+" fill="none" stroke="#12436D" stroke-width="2.5" stroke-dasharray="6,4"/);
    expect(svg).toContain("Local target: 15.0%");
    // Exactly one hollow marker per series: the provisional 2021/22 point.
    expect(svg.match(/fill="#fff" stroke="#12436D"/g)).toHaveLength(1);
    expect(svg.match(/fill="#fff" stroke="#F46A25"/g)).toHaveLength(1);
    // The solid Darlington line breaks at the missing and suppressed years: several separate subpaths.
    const darlingtonLines = [...svg.matchAll(/<path d="(M[^"]+)"[^>]*stroke="#12436D"[^>]*stroke-width="2.5"/g)].map(
      (m) => m[1]!,
    );
    const moves = darlingtonLines.join("").match(/M/g) ?? [];
    expect(moves.length).toBeGreaterThanOrEqual(3);
    // No point sits on the zero line for the gap years (the x-axis line is where 0% is).
    const axisY = Number(svg.match(/<path d="M[\d.]+ ([\d.]+)L[\d.]+ \1" fill="none" stroke="#505a5f"/)?.[1]);
    expect(axisY).toBeGreaterThan(100);
    const ys = darlingtonLines
      .join("")
      .match(/[ML][\d.]+ [\d.]+/g)!
      .map((pair) => Number(pair.split(" ")[1]));
    expect(Math.max(...ys)).toBeLessThan(axisY - 50);
  });

  it("is deterministic and escapes labels", () => {
    const evil = {
      ...input,
      title: 'Low <script>alert("x")</script> & income',
      series: [{ name: "<img onerror=x>", values: periods.map(() => 1) }],
    };
    const a = trendChart(evil);
    const b = trendChart(evil);
    expect(a.svg).toBe(b.svg);
    expect(a.svg).not.toContain("<script");
    expect(a.svg).not.toContain("<img");
    expect(a.svg).toContain("&lt;script&gt;");
    expectWellFormed(a.svg);
  });

  it("describes a series with no values without inventing any", () => {
    const chart = trendChart({
      title: "All missing",
      periods: [{ label: "2020" }, { label: "2021" }],
      series: [{ name: "X", values: [null, "suppressed"] }],
    });
    expect(chart.summary).toBe(
      "Line chart of All missing: X: no values available, with 2 values missing or suppressed shown as gaps.",
    );
    expect(chart.table.rows).toEqual([
      ["2020", "[x]"],
      ["2021", "[c]"],
    ]);
    expectWellFormed(chart.svg);
  });

  it("rejects series that do not match the periods", () => {
    expect(() => trendChart({ ...input, series: [{ name: "Short", values: [1, 2] }] })).toThrow(
      /2 values for 8 periods/,
    );
    expect(() => trendChart({ ...input, periods: [] })).toThrow();
  });
});

describe("comparisonChart", () => {
  const areas = [
    { code: "E08000009", name: "Trafford", value: 14.2, lower: 13.1, upper: 15.3 },
    { code: "E08000007", name: "Stockport", value: 17.5, lower: 16.4, upper: 18.6 },
    { code: "E08000002", name: "Bury", value: 21.9, lower: 20.7, upper: 23.1 },
    { code: "E06000049", name: "Cheshire East", value: "suppressed" as const },
    { code: "E08000029", name: "Solihull", value: null },
  ];
  const input = {
    title: "Children in relative low income",
    unit: "percentage" as const,
    period: "2021/22 (p)",
    source: "DWP/HMRC",
    areas,
    selected: "E08000009",
    benchmarks: [
      { name: "England", value: 19.9 },
      { name: "North West", value: 23.4 },
    ],
  };

  it("ranks areas, highlights the selected one and lists benchmarks in the table", () => {
    const chart = comparisonChart(input);
    expectWellFormed(chart.svg);
    expectAccessible(chart.svg, "Children in relative low income");
    expect(chart.table.rows.map((row) => row[0])).toEqual([
      "Bury",
      "Stockport",
      "Trafford (selected)",
      "Cheshire East",
      "Solihull",
      "England (benchmark)",
      "North West (benchmark)",
    ]);
    expect(chart.table.rows[3]![1]).toBe("[c]");
    expect(chart.table.rows[4]![1]).toBe("[x]");
    expect(chart.table.columns).toEqual(["Area", "Value (2021/22 (p))", "95% CI lower", "95% CI upper"]);
    expect(chart.svg).toContain("Trafford (selected)");
    expect(chart.svg).toContain("England: 19.9%");
    expect(chart.svg).toContain("[c] suppressed");
    expect(chart.svg).toContain("2021/22 (p). Source: DWP/HMRC");
    expect(chart.summary).toContain("Trafford is 14.2%, ranked 3 of 3");
    expect(chart.svg).toBe(comparisonChart(input).svg);
  });
});

describe("comparison axis", () => {
  it("rounds the axis maximum up to a readable value", () => {
    expect([26, 58.5, 64, 0.42, 1000, 0].map(niceCeiling)).toEqual([30, 60, 80, 0.5, 1000, 1]);
  });

  it("keeps the selected marker when long names are shortened", () => {
    const long = "Bath and North East Somerset and a much longer invented suffix";
    const chart = comparisonChart({
      title: "t",
      period: "2022",
      areas: [
        { name: long, value: 3 },
        { name: "B", value: 2 },
      ],
      selected: long,
    });
    expect(chart.svg).toMatch(/>Bath and North East[^<]*… \(selected\)</);
    expect(chart.table.rows[0]![0]).toBe(`${long} (selected)`);
  });
});

describe("distributionChart", () => {
  it("draws one column per category and a table with shares", () => {
    const counts = [14, 9, 7, 5, 6, 4, 6, 5, 5, 4];
    const chart = distributionChart({
      title: "LSOAs by national IDACI decile",
      xAxisLabel: "National decile",
      categories: counts.map((count, i) => ({ label: String(i + 1), count })),
      showEvenSpread: true,
    });
    expectWellFormed(chart.svg);
    expectAccessible(chart.svg, "LSOAs by national IDACI decile");
    expect(chart.table.rows).toHaveLength(10);
    expect(chart.table.rows[0]).toEqual(["1", "14", "21.5%"]);
    expect(chart.summary).toContain("65 in total");
    expect(chart.svg).toContain(">spread:</text>");
    expect(chart.svg).toContain(">6.5</text>");
  });
});

describe("statusChart", () => {
  it("stacks status counts with patterns and labels, leaving out unused statuses", () => {
    const chart = statusChart({
      title: "Action status by driver",
      groups: [
        { name: "Income from employment", counts: { red: 2, amber: 3, green: 8 } },
        { name: "Costs of living", counts: { red: 1, green: 5, "not-started": 2 } },
      ],
    });
    expectWellFormed(chart.svg);
    expectAccessible(chart.svg, "Action status by driver");
    expect(chart.table.columns).toEqual(["Group", "Red", "Amber", "Green", "Not started", "Total"]);
    expect(chart.table.rows[1]).toEqual(["Costs of living", "1", "0", "5", "2", "8"]);
    expect(chart.svg).toContain("<pattern");
    expect(chart.summary).toContain("21 in total, 3 red, 3 amber, 13 green, 2 not started");
  });
});
