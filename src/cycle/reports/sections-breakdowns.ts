/**
 * An indicator's values by breakdown (family type, age …) in the annual report: one table per
 * dimension in its latest period, the profile's and needs assessment's table (data/analyses'
 * breakdownTable), under the indicator's disclosure rule applied to the breakdown and its total as
 * one set, so a withheld cell cannot be worked out from the others.
 */
import { breakdownTable } from "../../data/analyses/index.ts";
import type { BlockInput } from "../../lib/documents/index.ts";
import type { StoreSeries } from "./report-data.ts";

export function breakdownBlocks(series: StoreSeries, areaName: string): BlockInput[] {
  return (series.breakdowns ?? []).map((set) => {
    const { table } = breakdownTable(series.indicator, set, areaName);
    // A document's caption holds 300 characters.
    return { type: "table", table: { ...table, caption: table.caption.slice(0, 300) } };
  });
}
