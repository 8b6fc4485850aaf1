/** Turns an AreaProfile into what the page shows: formatted figures, sentences, charts and tables. */
import { areaTypeLabels } from "../geography/index.ts";
import {
  chartDecimalsOf,
  chartUnitOf,
  type DataTable,
  formatValue,
  MARKER_NOTES,
  renderCached,
  trendChart,
  type Unit,
} from "../../lib/charts/index.ts";
import { derivedMethod, FLAG, type IndicatorRow, parsePeriod } from "../indicators/index.ts";
import { type ChoroplethInput, choroplethMap } from "../../lib/maps/index.ts";
import { type Change, flagLabels, type FlagLabels } from "./analysis.ts";
import { breakdownView } from "./breakdown-values.ts";
import { inequalityView } from "./inequality-view.ts";
import type { AreaProfile, IndicatorProfile, SmallAreaPanel } from "./profile-service.ts";

const unitOf = (indicator: IndicatorRow): Unit => chartUnitOf(indicator.unit);
const decimalsOf = (indicator: IndicatorRow): number | undefined => chartDecimalsOf(indicator.unit);

export function periodLabel(code: string): string {
  return parsePeriod(code)?.label ?? code;
}

function ordinal(n: number): string {
  const mod100 = n % 100;
  const suffix =
    mod100 >= 11 && mod100 <= 13 ? "th" : (({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th");
  return `${n.toLocaleString("en-GB")}${suffix}`;
}

function plural(label: string): string {
  return label.endsWith("y") ? `${label.slice(0, -1)}ies` : `${label}s`;
}

function flagTexts(flags: FlagLabels | null): string[] {
  if (!flags) return [];
  return [
    flags.provisional ? "provisional" : "",
    flags.suppressed ? "suppressed" : "",
    flags.missing ? "missing" : "",
  ].filter(Boolean);
}

function show(indicator: IndicatorRow, value: number | null, flags = 0): string {
  if (value === null) return (flags & FLAG.suppressed) !== 0 ? "[c] suppressed" : "[x] missing";
  const text = formatValue(value, unitOf(indicator), decimalsOf(indicator));
  const withUnit =
    indicator.unit === "rate" && indicator.ratePer ? `${text} per ${indicator.ratePer.toLocaleString("en-GB")}` : text;
  return (flags & FLAG.provisional) !== 0 ? `${withUnit} (p)` : withUnit;
}

/** A nation, region or group figure: says when it was calculated at import from the local authorities' figures. */
export function referenceText(indicator: IndicatorRow, value: { value: number | null; flags: number } | null): string {
  if (!value) return "Not imported";
  const method = derivedMethod(value.flags);
  if (!method) return show(indicator, value.value, value.flags);
  if (value.value === null)
    return (value.flags & FLAG.fromSmallAreas) !== 0
      ? "[x] Not calculated: not every small area has a value for this period"
      : "[x] Not calculated: not every local authority has a value for this period";
  return `${show(indicator, value.value, value.flags)} (${method})`;
}

function changeSentence(indicator: IndicatorRow, change: Change | null, word: "since" | "on"): string | null {
  if (!change || change.difference === null) return null;
  const period = periodLabel(change.from);
  if (change.direction === "no change")
    return `No change ${word} ${period}${change.gap ? ` (${change.gap.periods} ${change.gap.unit} earlier: the ${change.gap.unit} between have no figure)` : ""}`;
  // A change in a percentage is in percentage points, not per cent (the relative change follows in brackets).
  const amount =
    unitOf(indicator) === "percentage"
      ? `${Math.abs(change.difference).toLocaleString("en-GB", { maximumFractionDigits: decimalsOf(indicator) ?? 1 })} percentage points`
      : formatValue(Math.abs(change.difference), unitOf(indicator), decimalsOf(indicator));
  const percent =
    change.percent === null
      ? ""
      : ` (${Math.abs(change.percent).toLocaleString("en-GB", { maximumFractionDigits: 1 })}%)`;
  const judged = change.judgement === "not judged" ? "" : ` – ${change.judgement}`;
  const gap = change.gap
    ? ` (${change.gap.periods} ${change.gap.unit} earlier: the ${change.gap.unit} between have no figure)`
    : "";
  return `${change.direction === "increasing" ? "Up" : "Down"} ${amount}${percent} ${word} ${period}${gap}${judged}`;
}

function trendView(p: IndicatorProfile, areaName: string) {
  const { indicator } = p;
  const points = p.trend.points;
  const input = {
    title: `${indicator.title}, ${areaName}`,
    subtitle: `${periodLabel(points[0]!.periodCode)} to ${periodLabel(points.at(-1)!.periodCode)}`,
    source: [indicator.publisher, indicator.dataset].filter(Boolean).join(", ") || undefined,
    unit: unitOf(indicator),
    decimals: decimalsOf(indicator),
    width: 640,
    periods: points.map((pt) => ({ label: periodLabel(pt.periodCode), provisional: pt.flags.provisional })),
    series: [
      { name: areaName, values: points.map((pt) => (pt.flags.suppressed ? ("suppressed" as const) : pt.value)) },
    ],
  };
  const chart = renderCached("trend", [JSON.stringify(input)], () => trendChart(input));
  const sentences = [
    changeSentence(indicator, p.trend.sinceFirst, "since"),
    changeSentence(indicator, p.trend.sincePrevious, "on"),
  ].filter((s): s is string => Boolean(s));
  if (p.trend.provisional && sentences.length) sentences.push("The latest figure is provisional and may be revised");
  // The test of significance over the five latest periods, with its method (recent-trend.ts).
  const recent = p.recentTrend;
  if (recent.method !== "none")
    sentences.push(
      `Recent trend: ${recent.result === "no significant change" ? "no significant change" : `significantly ${recent.result}`} (${recent.method}, ${recent.note})`,
    );
  return { chart, sentences };
}

function indicatorView(p: IndicatorProfile, areaName: string, areaTypeLabel: string, nationName: string | null) {
  const { indicator } = p;
  const latest = p.latest.observation;
  const newest = p.latest.newestPeriod;
  const newerGap =
    newest && latest && newest !== latest
      ? `${periodLabel(newest.periodCode)}: ${flagTexts(flagLabels(newest.flags, newest.value)).join(", ")}`
      : null;
  // A rank among one or two areas says nothing: say who has a value instead. Counts follow
  // population size, so they are not ranked (the benchmark does not compare them either).
  const rank =
    indicator.unit === "count"
      ? "Not ranked: counts follow the size of the population, so areas are compared on rates and percentages"
      : p.rank && p.rank.of < 3
        ? `Not ranked: only ${p.rank.of === 1 ? `${areaName} has` : `${p.rank.of} ${plural(areaTypeLabel.toLowerCase())} have`} a value for this period`
        : p.rank
          ? `${ordinal(p.rank.position)}${p.rank.tied > 1 ? ` (tied with ${p.rank.tied - 1} other${p.rank.tied > 2 ? "s" : ""})` : ""} of ${p.rank.of.toLocaleString("en-GB")} ${plural(areaTypeLabel.toLowerCase())}${nationName ? ` in ${nationName}` : ""}, ${p.rank.order}${p.rank.withoutValue ? `; ${p.rank.withoutValue} without a value not ranked` : ""}`
          : null;
  return {
    slug: indicator.slug,
    title: indicator.title,
    definition: indicator.definition,
    source: [indicator.publisher, indicator.dataset].filter(Boolean).join(", ") || "Source not recorded",
    sourceUrl: indicator.sourceUrl,
    releaseDate: indicator.releaseDate,
    latestValue: latest ? show(indicator, latest.value, latest.flags) : "No value",
    latestPeriod: latest ? periodLabel(latest.periodCode) : null,
    /** How the figure was made when the hub worked it out (not in a file): shown beside it. */
    latestMethod: latest ? derivedMethod(latest.flags) : null,
    latestFlags: latest ? flagTexts(flagLabels(latest.flags, latest.value)) : ["missing"],
    newerGap,
    trend: trendView(p, areaName),
    rank,
    comparisons: [
      { name: areaName, value: latest ? show(indicator, latest.value, latest.flags) : "[x] missing", result: "" },
      ...p.references.map((r) => ({
        name: `${r.area.name} (${r.relation})`,
        value: referenceText(indicator, r.value),
        result:
          r.benchmark.result === "not compared"
            ? `Not compared: ${r.benchmark.note}`
            : `${r.benchmark.result} (${r.benchmark.method})`,
      })),
      ...p.neighbours.map((n) => ({
        name: `${n.area.name} (bordering)`,
        value: n.value ? show(indicator, n.value.value, n.value.flags) : "Not imported",
        result: "",
      })),
      ...groupRows(p),
    ],
    benchmark: p.benchmark,
    breakdowns: (p.breakdowns ?? []).map((set) => breakdownView(indicator, set, areaName)),
  };
}

/** Rows for a chosen comparison group: the pooled group (with the benchmark), then each member. */
function groupRows(p: IndicatorProfile): { name: string; value: string; result: string }[] {
  const group = p.group;
  if (!group) return [];
  const pooledName =
    p.indicator.unit === "count"
      ? `${group.name} (group total)`
      : `${group.name} (group, from summed numerators and denominators)`;
  const pooled = {
    name: pooledName,
    value: group.pooled
      ? show(p.indicator, group.pooled.value, group.pooled.flags)
      : "[x] missing (not every member has a value)",
    result:
      group.benchmark.result === "not compared"
        ? `Not compared: ${group.benchmark.note}`
        : `${group.benchmark.result} (${group.benchmark.method})`,
  };
  const members = group.members.map((m) => ({
    name: `${m.area.name} (${group.name})`,
    value: m.value ? show(p.indicator, m.value.value, m.value.flags) : "Not imported",
    result: "",
  }));
  return [pooled, ...members];
}

const decileCategories = Array.from({ length: 10 }, (_, i) => ({
  value: i + 1,
  label: i === 0 ? "1 (most deprived)" : i === 9 ? "10 (least deprived)" : String(i + 1),
}));

function smallAreaView(panel: SmallAreaPanel, areaName: string) {
  const { indicator, distribution: d } = panel;
  const period = periodLabel(panel.periodCode);
  let map: { svg: string; summary: string } | null = null;
  let mapProblem: string | null = null;
  if (panel.topology) {
    try {
      const topology = panel.topology;
      const options: Omit<ChoroplethInput, "topology"> = {
        values: panel.rows.map((r) => ({
          code: r.code,
          value: r.decile === null ? ((r.flags & FLAG.suppressed) !== 0 ? "suppressed" : null) : r.decile,
        })),
        title: `${indicator.title}, small areas in ${areaName}`,
        measure: "Decile",
        period,
        source: [indicator.publisher, indicator.dataset].filter(Boolean).join(", ") || undefined,
        unit: "rank",
        classification: { method: "categories", categories: decileCategories },
        reverse: true,
        width: 640,
        height: 560,
      };
      const result = renderCached("map", [topology, JSON.stringify(options)], () =>
        choroplethMap({ ...options, topology: JSON.parse(topology) }),
      );
      map = { svg: result.svg, summary: result.summary };
    } catch (error) {
      mapProblem = `The map could not be drawn: ${(error as Error).message}`;
    }
  } else mapProblem = "No small-area boundaries have been imported for this area, so there is no map.";
  const table: DataTable = {
    caption: `${indicator.title}: small areas in ${areaName}, ${period}`,
    columns: [
      "Small area code",
      "Name",
      "National decile (1 = most deprived)",
      ...(panel.populationPeriod ? [`Children aged 0–15 (${periodLabel(panel.populationPeriod)})`] : []),
    ],
    rows: panel.rows.map((r) => [
      r.code,
      r.name,
      r.decile === null ? ((r.flags & FLAG.suppressed) !== 0 ? "[c]" : "[x]") : String(r.decile),
      ...(panel.populationPeriod ? [r.children === null ? "[x]" : formatValue(r.children, "count")] : []),
    ]),
    notes: [MARKER_NOTES.suppressed, MARKER_NOTES.missing],
  };
  const count = (n: number | null) =>
    n === null ? "not known (a population figure is missing)" : formatValue(n, "count");
  return {
    slug: indicator.slug,
    title: indicator.title,
    period,
    distribution: d.counts.map((n, i) => ({ decile: decileCategories[i]!.label, count: n })),
    areas: d.areas,
    withoutDecile: d.withoutDecile,
    children: panel.populationPeriod
      ? {
          period: periodLabel(panel.populationPeriod),
          total: count(d.children),
          most10: count(d.childrenMostDeprived10),
          most20: count(d.childrenMostDeprived20),
        }
      : null,
    map,
    mapProblem,
    table,
  };
}

export function profileView(profile: AreaProfile) {
  const area = profile.area;
  if (!area)
    return {
      area: null,
      indicators: [],
      smallAreas: [],
      smallAreaProblem: null,
      inequality: null,
      inequalityProblem: null,
      notes: profile.notes,
    };
  const inequality = inequalityView(profile.inequality, area.name);
  const typeLabel = (areaTypeLabels as Record<string, string>)[area.type] ?? area.type;
  const nationName = area.nation
    ? area.nation.replace(/(^|-)(\w)/g, (_, dash: string, c: string) => (dash ? " " : "") + c.toUpperCase())
    : null;
  return {
    area: { code: area.code, name: area.name, type: typeLabel },
    indicators: profile.indicators.map((p) => indicatorView(p, area.name, typeLabel, nationName)),
    smallAreas: profile.smallAreas.map((s) => smallAreaView(s, area.name)),
    smallAreaProblem: profile.smallAreaProblem ?? null,
    inequality: inequality.panel,
    inequalityProblem: inequality.problem,
    notes: profile.notes,
  };
}
