/**
 * The API without a token is a public output: a small-count indicator's values there pass the
 * disclosure rule (publication.ts) judged with every value of their period and breakdown and the
 * parent areas they add up to — not just the page's, or paging would give withheld cells away.
 * Withheld values are null and flagged suppressed; their numerator, denominator and interval
 * go too (any of them would give the count back). Official statistics pass untouched.
 */
import type { Executor } from "../../kernel/db/database.ts";
import { FLAG, type IndicatorRow, normaliseRule, publishedValues, roundToFive } from "../indicators/index.ts";
import { type DataPageRow, parentLinksAmong, sliceValues } from "./repository.ts";

const keyOf = (row: Pick<DataPageRow, "periodId" | "breakdownId" | "areaId">) =>
  `${row.periodId}|${row.breakdownId}|${row.areaId}`;

export async function disclosedRows(
  db: Executor,
  indicator: IndicatorRow,
  page: readonly DataPageRow[],
): Promise<DataPageRow[]> {
  const rule = normaliseRule(indicator.disclosureRule);
  if (rule === "none" || page.length === 0) return [...page];
  const slices = [...new Map(page.map((row) => [`${row.periodId}|${row.breakdownId}`, row])).values()];
  const all = await sliceValues(db, indicator.id, slices);
  const links = await parentLinksAmong(db, [...new Set(all.map((row) => row.areaId))]);
  const disclosed = publishedValues(
    rule,
    indicator.unit,
    all.map((row) => ({
      key: keyOf(row),
      areaId: row.areaId,
      slice: `${row.periodId}|${row.breakdownId}`,
      value: row.flags & FLAG.missing ? null : row.value,
      numerator: row.numerator,
      suppressedAtSource: (row.flags & FLAG.suppressed) !== 0,
    })),
    links,
  );
  return page.map((row) => {
    const cell = disclosed.get(keyOf(row));
    if (!cell || cell.suppressed)
      return {
        ...row,
        value: null,
        numerator: null,
        denominator: null,
        ciLower: null,
        ciUpper: null,
        flags: row.flags | FLAG.suppressed,
      };
    // A shown rate keeps its value; its numerator is rounded like any published count.
    return {
      ...row,
      value: cell.shown,
      numerator: row.numerator === null ? null : roundToFive(row.numerator),
      ciLower: indicator.unit === "count" ? null : row.ciLower,
      ciUpper: indicator.unit === "count" ? null : row.ciUpper,
    };
  });
}
