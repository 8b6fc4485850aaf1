/**
 * The assessment (draft or publication snapshot) as a documents-domain model: the same model
 * gives the HTML page fragment, the standalone HTML download, DOCX and PDF. Charts are rendered
 * from the stored chart inputs, each with its data table.
 */
import { renderBreakdownChart, renderInequalityChart } from "../../data/analyses/index.ts";
import { type ChartResult, renderCached, trendChart } from "../../lib/charts/index.ts";
import { type BlockInput, type ChartAhead, type DocumentInput, figureFromChart } from "../../lib/documents/index.ts";
import type { AssessmentSnapshot } from "./assessment-view.ts";
import type { PanelView } from "./panel-data.ts";
import { formatDate } from "../../kernel/time.ts";

/**
 * Renders a panel's chart; null when the panel has no values to draw. Kept by its input, as the
 * profile's charts are (render-cache.ts): the same data draws the same SVG, and drawing was most
 * of the page's CPU once the panels' data came from the data-version cache.
 */
export function panelChart(panel: PanelView): ChartResult | null {
  const input = panel.chart;
  return input ? renderCached("trend", [JSON.stringify(input)], () => trendChart(input)) : null;
}

/**
 * Every chart the assessment's document draws, under the keys panelChart, renderBreakdownChart and
 * renderInequalityChart keep them by: a download draws them in the documents worker first
 * (drawChartsAhead), so building the document runs no ECharts on the event loop.
 */
export function assessmentCharts(snapshot: AssessmentSnapshot): ChartAhead[] {
  return snapshot.sections.flatMap((section) =>
    section.panels.flatMap((panel): ChartAhead[] => [
      ...(panel.chart ? [{ cacheKind: "trend", request: { chart: "trend" as const, input: panel.chart } }] : []),
      ...(panel.breakdowns ?? []).flatMap((breakdown) =>
        breakdown.chart
          ? [{ cacheKind: "breakdown", request: { chart: "comparison" as const, input: breakdown.chart } }]
          : [],
      ),
      ...(panel.inequality?.figures
        ? [
            {
              cacheKind: "inequality",
              request: { chart: "comparison" as const, input: panel.inequality.figures.chart },
            },
          ]
        : []),
    ]),
  );
}

export function panelBlocks(panel: PanelView): BlockInput[] {
  const about = `Source: ${panel.source}.${panel.latest ? ` Latest period: ${panel.latest.period}.` : ""}`;
  if (panel.state === "no-data" || !panel.table) {
    return [
      {
        type: "callout",
        title: `${panel.title}, ${panel.areaName}`,
        text: `No data imported yet for ${panel.areaName} (${panel.areaCode}). Source: ${panel.source}.`,
      },
    ];
  }
  const blocks: BlockInput[] = [];
  if (panel.sentence) blocks.push({ type: "paragraph", text: panel.sentence });
  const chart = panelChart(panel);
  if (chart)
    blocks.push({
      ...figureFromChart(chart, { caption: `${panel.title}, ${panel.areaName}`, note: about }),
      table: panel.table,
    } as BlockInput);
  else blocks.push({ type: "table", table: panel.table });
  if (panel.smallAreas) blocks.push({ type: "table", table: panel.smallAreas });
  for (const breakdown of panel.breakdowns ?? []) {
    const drawn = renderBreakdownChart(breakdown.chart);
    blocks.push(
      drawn
        ? ({
            ...figureFromChart(drawn, { caption: breakdown.title, note: about }),
            table: breakdown.table,
          } as BlockInput)
        : { type: "table", table: breakdown.table },
    );
  }
  blocks.push(...inequalityBlocks(panel));
  return blocks;
}

/** The panel's inequality by deprivation as the page shows it: SII and RII, periods, source, chart with its table, method; or why not. */
function inequalityBlocks(panel: PanelView): BlockInput[] {
  const inequality = panel.inequality;
  if (!inequality) return [];
  if (!inequality.figures)
    return [{ type: "paragraph", text: `Inequality by deprivation: ${inequality.problem ?? "not calculated."}` }];
  const view = renderInequalityChart(inequality.figures);
  // A document's caption holds 300 characters: the periods and source go in the note under the figure instead.
  const table = { ...view.table, caption: view.title.slice(0, 300) };
  const note = `Periods: ${view.periods}. Source: ${view.source}`.slice(0, 500);
  const blocks: BlockInput[] = [
    {
      type: "paragraph",
      text: `Inequality by deprivation: ${view.title}. Slope index of inequality (SII): ${view.sii ?? view.problem}. Relative index of inequality (RII): ${view.rii ?? view.problem}. Periods: ${view.periods}. Source: ${view.source}.`,
    },
    view.chart
      ? ({ ...figureFromChart(view.chart, { caption: table.caption, note }), table } as BlockInput)
      : { type: "table", table },
  ];
  blocks.push({ type: "paragraph", text: `Method: ${view.method}` });
  return blocks;
}

export function assessmentDocument(
  snapshot: AssessmentSnapshot,
  meta: { status: "Draft" | "Published"; version?: string; date?: string; author?: string },
): DocumentInput {
  const sections: DocumentInput["sections"] = [];
  if (snapshot.isFictional)
    sections.push({
      heading: "About this document",
      blocks: [
        { type: "callout", text: "Fictional demonstration data: this partnership and its assessment are made up." },
      ],
    });
  for (const section of snapshot.sections) {
    const blocks: BlockInput[] = [];
    if (section.narrative) blocks.push({ type: "richText", html: section.narrative });
    for (const panel of section.panels) blocks.push(...panelBlocks(panel));
    if (section.findings.length) {
      blocks.push({ type: "paragraph", text: "Findings: statements of need" });
      blocks.push({ type: "list", ordered: false, items: section.findings.map((finding) => finding.statement) });
    }
    for (const entry of section.qualitative) {
      blocks.push({
        type: "paragraph",
        text: `Qualitative evidence from ${entry.source} (${entry.method}): ${entry.summary}`,
      });
      if (entry.quotes.length)
        blocks.push({ type: "list", ordered: false, items: entry.quotes.map((quote) => `“${quote}”`) });
    }
    if (!blocks.length) blocks.push({ type: "paragraph", text: "Nothing has been written for this section yet." });
    sections.push({ heading: section.heading, blocks });
  }
  sections.push({ heading: "What children, young people and families told us", blocks: voiceBlocks(snapshot) });
  sections.push({
    heading: "Local service provision",
    blocks: snapshot.services.length
      ? [
          {
            type: "table",
            table: {
              caption: "Local services for children and families",
              columns: ["Service", "Provider", "What it offers"],
              rows: snapshot.services.map((s) => [s.name, s.provider || "Not recorded", s.description]),
            },
          },
        ]
      : [{ type: "paragraph", text: "No services recorded yet." }],
  });
  sections.push({ heading: "Strengths, weaknesses, opportunities and threats", blocks: [] });
  for (const part of snapshot.swot) {
    sections.push({
      heading: part.label,
      level: 2,
      blocks: part.items.length
        ? [{ type: "list", ordered: false, items: part.items.map((item) => item.text) }]
        : [{ type: "paragraph", text: "None recorded." }],
    });
  }
  sections.push({
    heading: "Links to other assessments",
    blocks: snapshot.others.length
      ? [
          {
            type: "table",
            table: {
              caption: "Other assessments this one draws on",
              columns: ["Title", "Owner", "Link"],
              rows: snapshot.others.map((o) => [o.title, o.owner || "Not recorded", o.url ?? "No link"]),
            },
          },
        ]
      : [{ type: "paragraph", text: "None recorded." }],
  });
  sections.push({
    heading: "Review",
    blocks: [
      {
        type: "paragraph",
        text: snapshot.reviewDate
          ? `This assessment is due for review by ${formatDate(snapshot.reviewDate)}.`
          : "No review date set.",
      },
    ],
  });
  return {
    title: `Child poverty needs assessment: ${snapshot.areaName}`,
    subtitle: snapshot.partnershipName,
    metadata: {
      partnership: snapshot.partnershipName,
      status: meta.status,
      version: meta.version,
      date: meta.date,
      author: meta.author,
    },
    sections,
  };
}

/** Published consultations as qualitative evidence: themes with their counts, quotes and the response. */
function voiceBlocks(snapshot: AssessmentSnapshot): BlockInput[] {
  const voices = snapshot.voices ?? [];
  if (!voices.length) return [{ type: "paragraph", text: "No consultation has published “you said, we did” yet." }];
  const blocks: BlockInput[] = [];
  for (const voice of voices) {
    blocks.push({
      type: "paragraph",
      text: `${voice.title} (${[voice.methods.join(", "), voice.dates].filter(Boolean).join("; ")}): ${voice.participants} people took part. Published ${voice.publishedOn}: ${voice.url}`,
    });
    blocks.push({
      type: "table",
      table: {
        caption: `What people said: ${voice.title}`,
        columns: ["Theme", "People", "What the partnership did"],
        rows: voice.themes.map((theme) => [theme.name, theme.count, theme.response]),
        notes: [
          "Counts are rounded to the nearest 5; [c] means fewer than 10 people, not shown so that nobody can be identified.",
        ],
      },
    });
    const quotes = voice.themes.flatMap((theme) => theme.quotes);
    if (quotes.length) blocks.push({ type: "list", ordered: false, items: quotes.map((quote) => `“${quote}”`) });
  }
  return blocks;
}
