import { yieldToEventLoop } from "../../kernel/db/arrays.ts";
import { evidenceKindLabels, type EvidenceKind } from "../strategy/index.ts";
import { formatValue, MARKER_NOTES, type Point, trendChart, type Unit } from "../../lib/charts/index.ts";
import { type BlockInput, figureFromChart } from "../../lib/documents/index.ts";
import {
  type DisclosedCell,
  discloseSeries,
  FLAG,
  normaliseRule,
  SMALL_COUNT_NOTE,
} from "../../data/indicators/index.ts";
import { longDate, planNote } from "./format.ts";
import type { GeneratedSection } from "./generated.ts";
import { breakdownBlocks } from "./sections-breakdowns.ts";
import type { ReportData, StoreSeries } from "./report-data.ts";

/** Charts never invent a unit: deciles are scores. */
function chartUnit(unit: string): Unit {
  return (["percentage", "count", "rate", "score", "rank", "currency"] as const).find((u) => u === unit) ?? "score";
}

/**
 * The series as it may be published: the indicator's disclosure rule (the needs assessment's,
 * disclosure.ts) applied to every value, so a partnership's small counts are withheld as [c] and
 * other counts rounded to 5 in the report's table, its charts and their text, and every export.
 */
function disclosed(series: StoreSeries): Map<string, DisclosedCell> {
  return discloseSeries(
    normaliseRule(series.indicator.disclosureRule),
    series.indicator.unit,
    series.values.map((value) => ({
      key: value.periodCode,
      value: value.flags & FLAG.missing ? null : value.value,
      numerator: value.numerator,
      suppressedAtSource: (value.flags & FLAG.suppressed) !== 0,
    })),
  );
}

function point(cell: DisclosedCell | undefined): Point {
  if (!cell || cell.suppressed) return "suppressed";
  return cell.shown;
}

function latestText(series: StoreSeries): string {
  const last = [...series.values].sort((a, b) => a.periodSortKey - b.periodSortKey).at(-1)!;
  const p = point(disclosed(series).get(last.periodCode));
  const shown =
    p === "suppressed"
      ? "[c] suppressed"
      : p === null
        ? "[x] not available"
        : formatValue(p, chartUnit(series.indicator.unit));
  return `${shown} (${last.periodCode}${last.flags & FLAG.provisional ? ", provisional" : ""})`;
}

const smallCount = (series: StoreSeries | undefined) =>
  normaliseRule(series?.indicator.disclosureRule) === "small-count";

/**
 * A baseline typed into the plan is a figure of the indicator, so the indicator's rule applies
 * to it as to the store's values: a small count is withheld, other counts rounded, and a rate
 * (which comes with no numerator) withheld, as the needs assessment does.
 */
function baselineText(link: ReportData["indicatorLinks"][number], series: StoreSeries | undefined): string {
  if (link.baseline === null) return "Not recorded";
  const period = link.baselinePeriod ? ` (${link.baselinePeriod})` : "";
  if (!series || !smallCount(series)) return `${link.baseline}${period}`;
  const unit = series.indicator.unit;
  const cell = discloseSeries("small-count", unit, [
    { key: "baseline", value: link.baseline, suppressedAtSource: false },
  ]).get("baseline")!;
  return `${cell.suppressed || cell.shown === null ? "[c]" : formatValue(cell.shown, chartUnit(unit))}${period}`;
}

function source(series: StoreSeries): string {
  return [series.indicator.publisher, series.indicator.dataset].filter(Boolean).join(", ") || "Indicator store";
}

function figure(data: ReportData, series: StoreSeries, target: number | null): BlockInput {
  const values = [...series.values].sort((a, b) => a.periodSortKey - b.periodSortKey).slice(-60);
  const cells = disclosed(series);
  const chart = trendChart({
    title: `${series.indicator.title}, ${data.partnership.areaName}`,
    source: source(series),
    unit: chartUnit(series.indicator.unit),
    periods: values.map((value) => ({
      label: value.periodCode.slice(0, 40),
      provisional: (value.flags & FLAG.provisional) !== 0,
    })),
    series: [
      { name: data.partnership.areaName.slice(0, 80), values: values.map((v) => point(cells.get(v.periodCode))) },
    ],
    ...(target === null ? {} : { target: { value: target, label: "Action plan target" } }),
  });
  return figureFromChart(chart, {
    caption: `${series.indicator.title}: ${values[0]!.periodCode} to ${values.at(-1)!.periodCode}`,
    note: `Source: ${source(series)}. ${MARKER_NOTES.provisional}${smallCount(series) ? ` ${SMALL_COUNT_NOTE}` : ""}`,
  });
}

/** Async: each chart is rendered in its own turn of the event loop, so drafting never stalls the server. */
export async function indicators(data: ReportData): Promise<GeneratedSection> {
  const links = data.indicatorLinks;
  const actionTitle = new Map(
    data.actions.map((action) => [action.id, `${action.reference ? `${action.reference} ` : ""}${action.title}`]),
  );
  const blocks: BlockInput[] = [];
  if (links.length === 0) {
    blocks.push({
      type: "callout",
      tone: "warning",
      text: "No action in the plan has an indicator with a baseline and target.",
    });
  } else {
    blocks.push({
      type: "table",
      table: {
        caption: "Indicators: baseline, target and latest value",
        columns: ["Indicator", "Action", "Baseline", "Target", "Latest value"],
        rows: links.map((link) => {
          const series = data.store.get(link.indicatorRef);
          return [
            link.label,
            actionTitle.get(link.actionId) ?? "–",
            baselineText(link, series),
            link.target === null
              ? "Not recorded"
              : `${link.target}${link.targetDate ? ` by ${longDate(link.targetDate)}` : ""}`,
            series ? `${latestText(series)}; source: ${source(series)}` : "Not in the indicator store yet",
          ];
        }),
        notes: [
          `${planNote} Latest values come from the indicator store for ${data.partnership.areaName} (${data.partnership.areaCode}), with their period and source. ${MARKER_NOTES.suppressed} ${MARKER_NOTES.missing}`,
          ...(links.some((link) => smallCount(data.store.get(link.indicatorRef))) ? [SMALL_COUNT_NOTE] : []),
        ],
      },
    });
    for (const [slug, series] of data.store) {
      const target = links.find((link) => link.indicatorRef === slug && link.target !== null)?.target ?? null;
      await yieldToEventLoop();
      blocks.push(figure(data, series, target), ...breakdownBlocks(series, data.partnership.areaName));
    }
  }
  return {
    key: "indicators",
    heading: "Progress against indicators",
    prompt: "Interpret the indicators: what changed, and how far the actions may have contributed.",
    blocks,
  };
}

/** Each engagement activity of the year: who took part, and for published ones what they said and what was done. */
function engagementBlocks(data: ReportData): BlockInput[] {
  const blocks: BlockInput[] = [];
  for (const activity of data.engagement) {
    blocks.push({
      type: "paragraph",
      text: `${activity.title} (${[activity.dates, activity.methods.join(", ")].filter(Boolean).join("; ")}): ${activity.participants} people took part.`,
    });
    if (!activity.published) {
      blocks.push({ type: "paragraph", text: "What people said has not been published yet (“you said, we did”)." });
      continue;
    }
    blocks.push({
      type: "list",
      ordered: false,
      items: activity.themes.map((theme) => {
        const actions = theme.actions.length ? ` Actions: ${theme.actions.join("; ")}.` : "";
        const quote = theme.quotes[0] ? ` “${theme.quotes[0]}”` : "";
        return `You said: ${theme.name} (${theme.count} people).${quote} We did: ${theme.response}${actions}`;
      }),
    });
    if (activity.publicUrl)
      blocks.push({ type: "paragraph", text: `Published for the people who took part: ${activity.publicUrl}` });
  }
  if (blocks.length)
    blocks.push({
      type: "paragraph",
      text: "Counts of people are rounded to the nearest 5; [c] means fewer than 10, not shown so that nobody can be identified.",
    });
  return blocks;
}

export function livedExperience(data: ReportData): GeneratedSection {
  const qualitative = data.evidence.filter((link) => link.kind === "qualitative" || link.kind === "theme");
  const priorityTitle = new Map(data.priorities.map((p) => [p.id, p.title]));
  const actionTitle = new Map(data.actions.map((a) => [a.id, a.title]));
  const blocks: BlockInput[] = engagementBlocks(data);
  if (qualitative.length)
    blocks.push(
      {
        type: "paragraph",
        text: "Evidence from children, young people and families that the strategy's priorities and actions answer:",
      },
      {
        type: "list",
        ordered: false,
        items: qualitative.map((link) => {
          const subject =
            link.subjectType === "priority"
              ? `priority “${priorityTitle.get(link.subjectId) ?? "removed"}”`
              : `action “${actionTitle.get(link.subjectId) ?? "removed"}”`;
          return `${link.label} (${evidenceKindLabels[link.kind as EvidenceKind] ?? link.kind}, linked to ${subject})`;
        }),
      },
    );
  if (!blocks.length)
    blocks.push({
      type: "callout",
      tone: "warning",
      text: "No engagement with children and families is recorded for the year, and no qualitative evidence is linked to the strategy's priorities or actions.",
    });
  return {
    key: "lived-experience",
    heading: "Lived experience and consultation",
    prompt:
      "Describe how children, young people, parents and carers were involved, what they said and what changed as a result (“you said, we did”).",
    blocks,
  };
}

export function caseStudies(): GeneratedSection {
  return {
    key: "case-studies",
    heading: "Case studies",
    prompt: "Tell one or two stories of families or services, with consent and without identifying anyone.",
    blocks: [],
  };
}

export function proofing(data: ReportData): GeneratedSection {
  return {
    key: "poverty-proofing",
    heading: "Child poverty-proofing",
    prompt: "Summarise what poverty-proofing changed in other plans and policies.",
    blocks: data.proofing.length
      ? [
          {
            type: "table",
            table: {
              caption: `Plans and policies poverty-proofed in ${data.reportingYear}`,
              columns: ["Plan or policy", "Owner", "Assessed", "Mitigations", "Outcome"],
              rows: data.proofing.map((row) => [
                row.name,
                row.owner,
                longDate(row.assessedOn),
                row.mitigations || "–",
                row.outcome || "–",
              ]),
              notes: ["Source: child poverty-proofing assessments recorded in Child Poverty Action Hub."],
            },
          },
        ]
      : [{ type: "paragraph", text: `No poverty-proofing assessment is recorded for ${data.reportingYear}.` }],
  };
}

export function strategyOverview(data: ReportData): GeneratedSection {
  const strategy = data.strategy;
  const blocks: BlockInput[] = strategy
    ? [
        {
          type: "paragraph",
          text: `Joint strategy ${strategy.startYear} to ${strategy.endYear} (${strategy.status === "signed-off" ? "signed off" : "draft"}).`,
        },
        ...(strategy.vision ? [{ type: "paragraph" as const, text: `Vision: ${strategy.vision}` }] : []),
        ...(strategy.governance ? [{ type: "paragraph" as const, text: `Governance: ${strategy.governance}` }] : []),
        ...(strategy.monitoringArrangements
          ? [{ type: "paragraph" as const, text: `Monitoring: ${strategy.monitoringArrangements}` }]
          : []),
      ]
    : [{ type: "callout", tone: "warning", text: "The partnership has not recorded a joint strategy." }];
  if (data.priorities.length) {
    blocks.push({
      type: "table",
      table: {
        caption: "Priorities and the evidence they answer",
        columns: ["Priority", "Evidence"],
        rows: data.priorities.map((priority) => [
          priority.title,
          data.evidence
            .filter((link) => link.subjectType === "priority" && link.subjectId === priority.id)
            .map((link) => link.label)
            .join("; ") || "No evidence linked",
        ]),
        notes: ["Source: the joint strategy recorded in Child Poverty Action Hub."],
      },
    });
  }
  return {
    key: "strategy",
    heading: "The joint strategy",
    prompt: "Summarise the strategy and any changes to it.",
    blocks,
  };
}
