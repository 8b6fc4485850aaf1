/**
 * One indicator panel as it is shown: values read from the indicator store, the indicator's
 * disclosure rule applied (to the area's trend and to its small areas in the latest period, as
 * one set so secondary suppression holds across both), then the sentence, table and chart input
 * built from what may be shown. The result is plain data, frozen as-is into a publication.
 */
import type { Executor } from "../../kernel/db/database.ts";
import { trend as trendOf } from "../../data/analyses/index.ts";
import { chartUnitOf, type DataTable, MARKER_NOTES, type TrendChartInput } from "../../lib/charts/index.ts";
import { findAreaByCode } from "../../data/geography/index.ts";
import {
  applyDisclosure,
  type DisclosureGroup,
  FLAG,
  normaliseRule,
  publishableIndicators,
  type ObservationValue,
  SMALL_COUNT_NOTE,
  valuesForArea,
} from "../../data/indicators/index.ts";
import { comparisonSentence, loadComparisons } from "./panel-comparisons.ts";
import { type PanelBreakdown, panelBreakdowns } from "./panel-breakdowns.ts";
import { type PanelInequality, panelInequality } from "./panel-inequality.ts";
import { smallAreaPanel, smallAreasInPeriod } from "./small-area-panel.ts";
import { smallAreaTotals } from "./small-area-totals.ts";
import {
  changeAmount,
  disclosureCell,
  display,
  lowerFirst,
  periodLabel,
  SMALL_AREA_TYPES,
  shownValue,
} from "./panel-values.ts";

export interface PanelView {
  id: string;
  sectionCode: string;
  indicatorSlug: string;
  areaCode: string;
  title: string;
  areaName: string;
  /**
   * "ok": values to show; "small-areas": published for small areas only in a measure that does not
   * add up (a rank, decile, score), so the small areas are shown; "no-data": nothing imported yet
   * for this indicator and area or its small areas.
   */
  state: "ok" | "small-areas" | "no-data";
  source: string;
  sourceUrl: string;
  releaseDate: string | null;
  disclosureRule: "none" | "small-count";
  latest: { period: string; value: string; flags: string[] } | null;
  sentence: string | null;
  table: DataTable | null;
  smallAreas: DataTable | null;
  chart: TrendChartInput | null;
  notes: string[];
  /** Values by breakdown (family type, age …); absent from panels frozen before there were any. */
  breakdowns?: PanelBreakdown[];
  /** Inequality by deprivation (SII, RII), or why not; absent where it does not apply, or frozen before. */
  inequality?: PanelInequality;
}

export async function buildPanel(
  db: Executor,
  partnershipId: string,
  panel: { id: string; sectionCode: string; indicatorSlug: string; indicatorTitle: string; areaCode: string },
): Promise<PanelView> {
  const [catalogue, area] = await Promise.all([
    publishableIndicators(db, partnershipId),
    findAreaByCode(db, panel.areaCode),
  ]);
  const indicator = catalogue.find((row) => row.slug === panel.indicatorSlug);
  const base = {
    id: panel.id,
    sectionCode: panel.sectionCode,
    indicatorSlug: panel.indicatorSlug,
    areaCode: panel.areaCode,
    title: indicator?.title ?? panel.indicatorTitle,
    areaName: area?.name ?? panel.areaCode,
    source: indicator
      ? [indicator.publisher, indicator.dataset].filter(Boolean).join(", ") || "Source not recorded"
      : "Not imported yet",
    sourceUrl: indicator?.sourceUrl ?? "",
    releaseDate: indicator?.releaseDate ?? null,
    disclosureRule: normaliseRule(indicator?.disclosureRule),
    latest: null,
    sentence: null,
    table: null,
    smallAreas: null,
    chart: null,
    notes: [],
  };
  const stored = indicator && area ? await valuesForArea(db, area.id, [indicator.slug]) : [];
  let values = stored.filter((v) => v.breakdownId === 0);
  // Published for small areas only: the area's figure is their sum, said so beside the figures.
  const added =
    indicator && area && values.length === 0 ? await smallAreaTotals(db, area, indicator, SMALL_AREA_TYPES) : null;
  if (added) values = added.values;
  if (indicator && area && values.length === 0) {
    const parts = await smallAreaPanel(db, base, indicator, area);
    if (parts) return { ...parts, inequality: await panelInequality(db, area, catalogue, indicator) };
  }
  if (!indicator || !area || values.length === 0) return { ...base, state: "no-data" };
  // Summed from small areas at import (flagged so): the panel says how, as when it sums them itself.
  const summed =
    added ??
    (values.some((v) => (v.flags & FLAG.fromSmallAreas) !== 0)
      ? await smallAreaTotals(db, area, indicator, SMALL_AREA_TYPES)
      : null);
  const rule = base.disclosureRule;
  const sorted = [...values].sort((a, b) => a.periodSortKey - b.periodSortKey);
  const latestPeriod = sorted.at(-1)!;
  const comparisons = await loadComparisons(
    db,
    partnershipId,
    area,
    indicator,
    sorted.map((v) => v.periodCode),
  );
  const compared = comparisons.flatMap((series) => [...series.values.values()]);

  const { values: smallByType, names } = await smallAreasInPeriod(db, indicator, area, latestPeriod.periodCode);

  const key = (v: ObservationValue) => `${v.periodCode}|${v.areaCode}`;
  const cells = [...sorted, ...smallByType, ...compared].map((v) => disclosureCell(key(v), indicator, v, rule));
  // Only counts add up, so only they form a total with their parts.
  const groups: DisclosureGroup[] =
    indicator.unit === "count" && smallByType.length ? [{ total: key(latestPeriod), parts: smallByType.map(key) }] : [];
  const disclosed = applyDisclosure(rule, cells, groups);
  const shown = (v: ObservationValue) => shownValue(indicator, disclosed.get(key(v))!, v);

  const notes = [MARKER_NOTES.suppressed, MARKER_NOTES.missing, MARKER_NOTES.provisional];
  if (summed)
    notes.unshift(
      `The publisher gives no figure for ${area.name} as a whole: its figures here are calculated from its ${summed.smallAreas.toLocaleString("en-GB")} small areas' (${summed.smallAreaType.toUpperCase()}) figures (counts added, rates from added numerators and denominators; a period where any small area lacks a value has no total).`,
    );
  if (comparisons.some((c) => c.calculated))
    notes.push(
      "Totals marked “calculated” were summed at import from every local authority's figure in the file (counts added, rates from added numerators and denominators).",
    );
  for (const c of comparisons) if (c.note) notes.push(c.note);
  if (rule === "small-count") notes.unshift(SMALL_COUNT_NOTE);
  const unit = chartUnitOf(indicator.unit);
  const source = base.source;
  const span =
    sorted.length > 1
      ? `${periodLabel(sorted[0]!.periodCode)} to ${periodLabel(latestPeriod.periodCode)}`
      : periodLabel(latestPeriod.periodCode);
  const table: DataTable = {
    caption: `${indicator.title}, ${area.name}${comparisons.length ? ` compared with ${comparisons.map((c) => c.name).join(", ")}` : ""}, ${span}. Source: ${source}`,
    columns: comparisons.length
      ? [
          "Period",
          area.name,
          ...comparisons.map((c) =>
            c.calculated ? `${c.name} (calculated from the local authority figures)` : c.name,
          ),
          "Status",
        ]
      : ["Period", "Value", "Status"],
    rows: sorted.map((v) => {
      const cell = shown(v);
      const status = [
        (v.flags & FLAG.provisional) !== 0 ? "Provisional" : "",
        cell.suppressed ? "Suppressed" : "",
        !cell.suppressed && cell.shown === null ? "Missing" : "",
        cell.rounded ? "Rounded" : "",
      ]
        .filter(Boolean)
        .join(", ");
      const others = comparisons.map((c) => {
        const other = c.values.get(v.periodCode);
        return other ? display(indicator, shown(other), other) : "Not imported";
      });
      return [periodLabel(v.periodCode), display(indicator, cell, v), ...others, status || "–"];
    }),
    notes,
  };
  const smallAreas: DataTable | null = smallByType.length
    ? {
        caption: `${indicator.title}: small areas in ${area.name}, ${periodLabel(latestPeriod.periodCode)}. Source: ${source}`,
        columns: ["Area code", "Name", "Value"],
        rows: smallByType.map((v) => [
          v.areaCode,
          names.get(v.areaCode) ?? "Not recorded",
          display(indicator, shown(v), v),
        ]),
        notes,
      }
    : null;
  // The sentence and the chart use only what may be shown: withheld values stay withheld.
  const safeValues = sorted.map((v) => ({
    ...v,
    value: shown(v).shown,
    flags: shown(v).suppressed ? v.flags | FLAG.suppressed : v.flags,
  }));
  const polarity =
    indicator.polarity === "higher-is-better" || indicator.polarity === "higher-is-worse"
      ? indicator.polarity
      : "neither";
  const trend = trendOf(safeValues, polarity);
  const latestShown = [...safeValues].reverse().find((v) => v.value !== null) ?? null;
  let sentence: string | null = null;
  if (latestShown) {
    const provisional = (latestShown.flags & FLAG.provisional) !== 0;
    const value = display(
      indicator,
      { shown: latestShown.value, suppressed: false, reason: null, rounded: false },
      { ...latestShown, flags: 0 },
    );
    const change = trend.sinceFirst;
    const changeText =
      change && change.percent !== null && change.direction !== "not enough data"
        ? change.direction === "no change"
          ? `, about the same as in ${periodLabel(change.from)}`
          : `, ${change.direction === "increasing" ? "up" : "down"} ${changeAmount(indicator.unit, change)} on ${periodLabel(change.from)}${change.judgement === "not judged" ? "" : ` (${change.judgement})`}`
        : "";
    sentence = `In ${periodLabel(latestShown.periodCode)}${provisional ? " (provisional)" : ""}, ${lowerFirst(indicator.title)} in ${area.name} was ${value}${changeText}.`;
    const against = comparisonSentence(
      comparisons,
      latestShown.periodCode,
      periodLabel(latestShown.periodCode),
      (v) => {
        const cell = shown(v);
        return cell.suppressed || cell.shown === null ? null : display(indicator, cell, v);
      },
    );
    if (against) sentence += ` ${against}`;
    if (latestShown !== safeValues.at(-1))
      sentence += ` The figure for ${periodLabel(latestPeriod.periodCode)} is not shown (${shown(latestPeriod).suppressed ? "suppressed" : "missing"}).`;
  } else {
    const gaps = summed?.withoutValue.get(latestPeriod.periodCode) ?? 0;
    sentence = gaps
      ? `No total for ${area.name} can be calculated for ${periodLabel(latestPeriod.periodCode)}: ${gaps.toLocaleString("en-GB")} of its ${summed!.smallAreas.toLocaleString("en-GB")} small areas have no value, and a partial sum would understate it. The small areas' figures are in the data table.`
      : `No value for ${area.name} can be shown: every period is suppressed or missing.`;
  }
  const chart: TrendChartInput = {
    title: `${indicator.title}, ${area.name}`,
    subtitle: span,
    source,
    unit,
    unitLabel:
      indicator.unit === "rate" && indicator.ratePer ? `per ${indicator.ratePer.toLocaleString("en-GB")}` : undefined,
    width: 640,
    periods: sorted.map((v) => ({ label: periodLabel(v.periodCode), provisional: (v.flags & FLAG.provisional) !== 0 })),
    series: [
      {
        name: area.name,
        values: safeValues.map((v) => ((v.flags & FLAG.suppressed) !== 0 ? ("suppressed" as const) : v.value)),
      },
      // Counts of a nation dwarf an authority's: the chart compares rates and percentages only (the table has every figure).
      ...(indicator.unit === "count"
        ? []
        : comparisons.map((c) => ({
            name: c.name,
            values: sorted.map((v) => {
              const other = c.values.get(v.periodCode);
              if (!other) return null;
              const cell = shown(other);
              return cell.suppressed ? ("suppressed" as const) : cell.shown;
            }),
          }))),
    ],
  };
  const latestCell = shown(latestPeriod);
  return {
    ...base,
    state: "ok",
    latest: {
      period: periodLabel(latestPeriod.periodCode),
      value: display(indicator, latestCell, latestPeriod),
      flags: [
        (latestPeriod.flags & FLAG.provisional) !== 0 ? "provisional" : "",
        latestCell.suppressed ? "suppressed" : "",
        !latestCell.suppressed && latestCell.shown === null ? "missing" : "",
      ].filter(Boolean),
    },
    sentence,
    table,
    smallAreas,
    // Nothing to plot: an empty chart says less than the sentence and the table.
    chart: latestShown ? chart : null,
    notes,
    breakdowns: await panelBreakdowns(db, indicator, area.name, stored),
    inequality: await panelInequality(db, area, catalogue, indicator),
  };
}
