/**
 * A panel's values by breakdown (family type, age …): each dimension in its latest period, as a
 * table and a bar chart's input, frozen with the panel into a publication. Read from the area's
 * released values of the panel's indicator (publishable catalogue only), under its disclosure rule.
 */
import type { Executor } from "../../kernel/db/database.ts";
import { breakdownTable, loadBreakdowns } from "../../data/analyses/index.ts";
import type { IndicatorRow, ObservationValue } from "../../data/indicators/index.ts";
import type { ComparisonChartInput, DataTable } from "../../lib/charts/index.ts";

export interface PanelBreakdown {
  title: string;
  table: DataTable;
  chart: ComparisonChartInput | null;
}

export async function panelBreakdowns(
  db: Executor,
  indicator: IndicatorRow,
  areaName: string,
  values: readonly ObservationValue[],
): Promise<PanelBreakdown[]> {
  const sets = (await loadBreakdowns(db, values, new Map([[indicator.slug, indicator]]))).get(indicator.slug) ?? [];
  return sets.map((set) => {
    const view = breakdownTable(indicator, set, areaName);
    return { title: `${view.title}, ${view.period}`, table: view.table, chart: view.chart };
  });
}
