/**
 * A panel for an indicator published for small areas only whose values cannot be added up to the
 * panel's area (a rank, decile, score or other non-additive figure, e.g. IDACI): instead of "no
 * data", the latest period's small areas are shown — their spread in a sentence and every one in
 * the table — with the disclosure rule applied to them as one set.
 */
import type { Executor } from "../../kernel/db/database.ts";
import { type AreaRow, childrenOfType } from "../../data/geography/index.ts";
import {
  applyDisclosure,
  type IndicatorRow,
  type ObservationValue,
  SMALL_COUNT_NOTE,
  valuesForAreas,
} from "../../data/indicators/index.ts";
import { type DataTable, MARKER_NOTES } from "../../lib/charts/index.ts";
import type { PanelView } from "./panel-data.ts";
import { disclosureCell, display, lowerFirst, periodLabel, SMALL_AREA_TYPES, shownValue } from "./panel-values.ts";

type PanelBase = Omit<PanelView, "state">;

const measureWords: Record<string, string> = {
  rank: "ranks",
  decile: "deciles",
  score: "scores",
  proportion: "proportions",
  currency: "amounts",
};

/** The latest period in which any of these small areas has a value, and those values. */
async function latestValues(db: Executor, indicator: IndicatorRow, areaIds: number[]): Promise<ObservationValue[]> {
  let best: ObservationValue[] = [];
  for (const periodCode of indicator.periodCodes) {
    const found = (await valuesForAreas(db, { indicatorSlug: indicator.slug, periodCode, areaIds })).filter(
      (v) => v.breakdownId === 0,
    );
    if (found.length && (!best.length || found[0]!.periodSortKey > best[0]!.periodSortKey)) best = found;
  }
  return best;
}

/** The small areas of `area` with a value in `periodCode`, of each small-area type the indicator has, and their names. */
export async function smallAreasInPeriod(db: Executor, indicator: IndicatorRow, area: AreaRow, periodCode: string) {
  const values: ObservationValue[] = [];
  const names = new Map<string, string>();
  for (const type of indicator.areaTypes.filter((t) => SMALL_AREA_TYPES.includes(t) && t !== area.type)) {
    const found = await valuesForAreas(db, {
      indicatorSlug: indicator.slug,
      periodCode,
      parentId: area.id,
      areaType: type,
    });
    if (!found.length) continue;
    values.push(...found);
    for (const child of await childrenOfType(db, area, type)) names.set(child.code, child.name);
  }
  return { values, names };
}

function median(sorted: number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export async function smallAreaPanel(
  db: Executor,
  base: PanelBase,
  indicator: IndicatorRow,
  area: AreaRow,
): Promise<PanelView | null> {
  for (const type of indicator.areaTypes.filter((t) => SMALL_AREA_TYPES.includes(t) && t !== area.type)) {
    const children = await childrenOfType(db, area, type);
    if (children.length === 0) continue;
    const values = await latestValues(
      db,
      indicator,
      children.map((c) => c.id),
    );
    if (values.length === 0) continue;
    const rule = base.disclosureRule;
    const disclosed = applyDisclosure(
      rule,
      values.map((v) => disclosureCell(v.areaCode, indicator, v, rule)),
      [],
    );
    const shown = (v: ObservationValue) => shownValue(indicator, disclosed.get(v.areaCode)!, v);
    const names = new Map(children.map((c) => [c.code, c.name]));
    const period = periodLabel(values[0]!.periodCode);
    const typeLabel = type.toUpperCase();
    const visible = values.filter((v) => shown(v).shown !== null && !shown(v).suppressed);
    const numbers = visible.map((v) => shown(v).shown as number).sort((a, b) => a - b);
    const fmt = (n: number) =>
      display(indicator, { shown: n, suppressed: false, reason: null, rounded: false }, { ...values[0]!, flags: 0 });
    const unitWords = measureWords[indicator.unit] ?? "figures";
    let sentence = `${indicator.title} is published for small areas only, and ${unitWords} cannot be added up to one figure for ${area.name}, so its ${children.length.toLocaleString("en-GB")} small areas (${typeLabel}) are shown.`;
    if (numbers.length) {
      const of =
        numbers.length < children.length
          ? `${numbers.length.toLocaleString("en-GB")} of them with a value shown`
          : "they";
      sentence += ` In ${period}, ${of} ranged from ${fmt(numbers[0]!)} to ${fmt(numbers.at(-1)!)} (median ${fmt(median(numbers))}).`;
      if (indicator.unit === "decile" && indicator.polarity !== "neither") {
        const worst = indicator.polarity === "higher-is-worse" ? 10 : 1;
        const count = numbers.filter((n) => n === worst).length;
        sentence += ` ${count.toLocaleString("en-GB")} ${count === 1 ? "is" : "are"} in decile ${worst}, the worst tenth for ${lowerFirst(indicator.title)}.`;
      }
    } else {
      sentence += ` In ${period}, no small area's value can be shown (suppressed or missing).`;
    }
    const notes = [
      `Published for small areas only: ${unitWords} of small areas cannot be added up or averaged into a figure for ${area.name}, so none is given.`,
      MARKER_NOTES.suppressed,
      MARKER_NOTES.missing,
      MARKER_NOTES.provisional,
    ];
    if (rule === "small-count") notes.unshift(SMALL_COUNT_NOTE);
    const table: DataTable = {
      caption: `${indicator.title}: small areas in ${area.name}, ${period}. Source: ${base.source}`,
      columns: ["Area code", "Name", "Value"],
      rows: [...values]
        .sort((a, b) => (names.get(a.areaCode) ?? a.areaCode).localeCompare(names.get(b.areaCode) ?? b.areaCode))
        .map((v) => [v.areaCode, names.get(v.areaCode) ?? "Not recorded", display(indicator, shown(v), v)]),
      notes,
    };
    return {
      ...base,
      state: "small-areas",
      latest: {
        period,
        value: `${visible.length.toLocaleString("en-GB")} of ${children.length.toLocaleString("en-GB")} small areas (${typeLabel}) with a value`,
        flags: [],
      },
      sentence,
      table,
      smallAreas: null,
      chart: null,
      notes,
    };
  }
  return null;
}
