import { readFileSync } from "node:fs";
import path from "node:path";
import {
  type ChartResult,
  comparisonChart,
  distributionChart,
  statusChart,
  trendChart,
} from "../../src/lib/charts/index.ts";
import {
  type BlockInput,
  type ChartRequest,
  type DocumentInput,
  figureFromChart,
  renderChartsOffThread,
} from "../../src/lib/documents/index.ts";
import { choroplethMap } from "../../src/lib/maps/index.ts";

/** ../shared beside the project root: real data is read from there, never copied. */
export const sharedData = path.resolve(import.meta.dirname, "../../../shared/data");

const periods = ["2014/15", "2015/16", "2016/17", "2017/18", "2018/19", "2019/20", "2020/21", "2021/22"].map(
  (label, i) => ({ label, provisional: i === 7 }),
);
const drivers = ["Income from employment", "Costs of living", "Income from social security"];

/** Deterministic pseudo-random numbers so the sample is the same on every run. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function darlingtonMapFigure(): BlockInput {
  const topology = JSON.parse(
    readFileSync(path.join(sharedData, "geography/lsoa11-topojson-by-lad/E06000005.json"), "utf8"),
  );
  const lines = readFileSync(path.join(sharedData, "deprivation/iod2019-file3-idaci-idaopi-lsoa11.csv"), "utf8")
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/);
  const header = lines[0]!.split(",");
  const decile = header.findIndex((name) => /IDACI\) Decile/.test(name));
  const values = lines
    .slice(1)
    .map((line) => line.split(","))
    .filter((row) => row[2] === "E06000005")
    .map((row) => ({ code: row[0]!, value: Number(row[decile]) }));
  const map = choroplethMap({
    topology,
    title: "Income deprivation affecting children in Darlington's neighbourhoods",
    measure: "National IDACI decile (1 = most deprived 10%)",
    period: "2019",
    source: "English Indices of Deprivation 2019",
    values,
    reverse: true,
    classification: {
      method: "categories",
      categories: Array.from({ length: 10 }, (_, i) => ({
        value: i + 1,
        label: i === 0 ? "1 (most deprived)" : i === 9 ? "10 (least deprived)" : String(i + 1),
      })),
    },
  });
  return figureFromChart(map, {
    caption: "Darlington LSOAs by national IDACI decile",
    note: "Period: 2019. Source: MHCLG, English Indices of Deprivation 2019 (IDACI).",
  });
}

/** One sample chart: what to draw, and the note under its figure. */
interface SampleChart {
  request: ChartRequest;
  note: string;
}

/** The sample's charts as plain inputs: trend, comparison, distribution and status in turn. */
function sampleCharts(chartCount: number, random: () => number): SampleChart[] {
  const charts: SampleChart[] = [];
  for (let i = 0; i < chartCount; i++) {
    const kind = i % 4;
    if (kind === 0) {
      const base = 14 + random() * 8;
      charts.push({
        request: {
          chart: "trend",
          input: {
            title: `Children in relative low income, indicator ${i + 1}`,
            subtitle: "Percentage of children under 16",
            source: "DWP/HMRC Children in low income families (fictional sample values)",
            unit: "percentage",
            periods,
            series: [
              {
                name: "Example Borough",
                values: periods.map((_, p) => (p === 2 ? null : Math.round((base + p * 0.9 + random() * 2) * 10) / 10)),
              },
              { name: "England", values: periods.map((_, p) => Math.round((16 + p * 0.5) * 10) / 10) },
            ],
            target: { value: 15, label: "Local target" },
          },
        },
        note: "Period: 2014/15 to 2021/22; 2021/22 provisional. Source: DWP/HMRC.",
      });
    } else if (kind === 1) {
      const names = [
        "Example Borough",
        "Northtown",
        "Southville",
        "Eastham",
        "Westbury",
        "Midshire",
        "Riverside",
        "Hillford",
        "Lakeside",
        "Moorland",
      ];
      charts.push({
        request: {
          chart: "comparison",
          input: {
            title: `Children in relative low income compared with similar areas, indicator ${i + 1}`,
            source: "DWP/HMRC (fictional sample values)",
            unit: "percentage",
            period: "2021/22 (p)",
            selected: "Example Borough",
            areas: names.map((name, n) => {
              const value = Math.round((12 + random() * 14) * 10) / 10;
              return n === 4
                ? { name, value: "suppressed" as const }
                : { name, value, lower: value - 1.2, upper: value + 1.2 };
            }),
            benchmarks: [
              { name: "England", value: 19.9 },
              { name: "Region", value: 23.4 },
            ],
          },
        },
        note: "Period: 2021/22 (provisional). Source: DWP/HMRC.",
      });
    } else if (kind === 2) {
      charts.push({
        request: {
          chart: "distribution",
          input: {
            title: `Neighbourhoods by national IDACI decile, indicator ${i + 1}`,
            source: "English Indices of Deprivation 2019",
            xAxisLabel: "National IDACI decile (1 = most deprived)",
            categories: Array.from({ length: 10 }, (_, d) => ({
              label: String(d + 1),
              count: Math.round(3 + random() * 12),
            })),
            showEvenSpread: true,
          },
        },
        note: "Period: 2019. Source: MHCLG.",
      });
    } else {
      charts.push({
        request: {
          chart: "status",
          input: {
            title: `Action status by driver, quarter ${(i % 4) + 1}`,
            groups: drivers.map((name) => ({
              name,
              counts: {
                red: Math.round(random() * 3),
                amber: Math.round(random() * 5),
                green: Math.round(3 + random() * 8),
                "not-started": Math.round(random() * 2),
              },
            })),
          },
        },
        note: "Source: partners' monitoring updates (fictional).",
      });
    }
  }
  return charts;
}

/** Draws a chart on this thread, as the worker would. */
function drawHere(request: ChartRequest): ChartResult {
  if (request.chart === "trend") return trendChart(request.input);
  if (request.chart === "comparison") return comparisonChart(request.input);
  if (request.chart === "distribution") return distributionChart(request.input);
  if (request.chart === "status") return statusChart(request.input);
  throw new Error(`The sample draws no ${request.chart} chart`);
}

type SampleOptions = { charts?: number; actions?: number; map?: boolean };

/** A realistic report: trend, comparison, distribution and status charts, an action table, optionally the real Darlington map. */
export function buildSampleDocument(options: SampleOptions = {}): DocumentInput {
  const charts = sampleCharts(options.charts ?? 3, sequence(42));
  return sampleDocument(
    options,
    charts,
    charts.map((chart) => drawHere(chart.request)),
  );
}

/** The same document with its charts drawn in the documents worker, as the app does off the event loop. */
export async function buildSampleDocumentOffThread(options: SampleOptions = {}): Promise<DocumentInput> {
  const charts = sampleCharts(options.charts ?? 3, sequence(42));
  return sampleDocument(options, charts, await renderChartsOffThread(charts.map((chart) => chart.request)));
}

function sampleDocument(options: SampleOptions, charts: SampleChart[], drawn: ChartResult[]): DocumentInput {
  const figures: BlockInput[] = drawn.map((chart, i) =>
    figureFromChart(chart, { caption: chart.table.caption, note: charts[i]!.note }),
  );
  const actionCount = options.actions ?? 12;
  const statuses = ["Green", "Amber", "Red", "Not started", "Complete"];
  const actions = Array.from({ length: actionCount }, (_, i) => [
    `A${String(i + 1).padStart(2, "0")}`,
    `Action ${i + 1}: ${["Welfare rights advice in schools", "Childcare costs support", "Employability coaching for parents", "Holiday food and activities"][i % 4]}`,
    drivers[i % 3]!,
    ["Council", "Health board", "Jobcentre Plus", "Citizens Advice"][i % 4]!,
    statuses[i % 5]!,
  ]);
  const sections: DocumentInput["sections"] = [
    {
      heading: "Introduction",
      blocks: [
        {
          type: "paragraph",
          text: "This annual report describes what the partnership did in the year to reduce child poverty, and what it plans next. All areas and figures in this sample are fictional unless a source says otherwise.",
        },
        {
          type: "richText",
          html: '<p>Partners agreed <strong>three priorities</strong> linked to the <em>drivers of child poverty</em>. See <a href="https://www.legislation.gov.uk/asp/2017/6">the 2017 Act</a>.</p><ul><li>Maximise incomes</li><li>Reduce costs</li></ul><script>alert(1)</script>',
        },
        {
          type: "callout",
          title: "Provisional data",
          text: "Figures for 2021/22 are provisional and may be revised.",
          tone: "info",
        },
      ],
    },
    { heading: "Evidence of need", blocks: figures.slice(0, Math.ceil(figures.length / 2)) },
    ...(options.map ? [{ heading: "Neighbourhoods", level: 2 as const, blocks: [darlingtonMapFigure()] }] : []),
    {
      heading: "Progress on actions",
      blocks: [
        ...figures.slice(Math.ceil(figures.length / 2)),
        {
          type: "table",
          table: {
            caption: "Actions and their status",
            columns: ["Ref", "Action", "Driver", "Lead partner", "Status"],
            rows: actions,
          },
        },
      ],
    },
    {
      heading: "Measures for income maximisation",
      level: 2,
      blocks: [
        { type: "list", ordered: true, items: ["Advice in every secondary school", "Benefit take-up campaign"] },
      ],
    },
    {
      heading: "Next steps",
      blocks: [
        { type: "list", items: ["Review the action plan with partners", "Consult children and families on the draft"] },
      ],
    },
  ];
  return {
    title: "Example Partnership Local Child Poverty Action Report 2025/26",
    subtitle: "Annual report of the council and health board (fictional sample)",
    metadata: {
      partnership: "Example Partnership (fictional)",
      period: "April 2025 to March 2026",
      status: "Draft",
      date: "2026-06-30",
      author: "Child poverty lead",
    },
    sections,
  };
}
