/**
 * The indicator's disclosure rule on the overview's figures, the one the profile applies to its
 * breakdowns (indicators/disclosure.ts): under the small-count rule a count from 1 to 9, or a rate
 * whose numerator is such a count or unknown, is withheld as [c]; other counts are rounded to the
 * nearest 5. A withheld value becomes null and flagged suppressed before anything is worked out,
 * so it is never compared with the nation (never coloured better or worse), drawn, or counted
 * in the comparable areas' spread. Official statistics (rule "none") pass untouched.
 */
import { discloseSeries, FLAG, type IndicatorRow, normaliseRule, type ObservationValue } from "../indicators/index.ts";

export function disclosedForOverview<T extends ObservationValue | null>(indicator: IndicatorRow, values: T[]): T[] {
  const rule = normaliseRule(indicator.disclosureRule);
  if (rule === "none") return values;
  const key = (v: ObservationValue) => `${v.areaId}|${v.breakdownId}|${v.periodCode}`;
  const present = values.filter((v): v is NonNullable<T> => v !== null);
  const cells = discloseSeries(
    rule,
    indicator.unit,
    present.map((v) => ({
      key: key(v),
      value: v.flags & FLAG.missing ? null : v.value,
      numerator: v.numerator,
      suppressedAtSource: (v.flags & FLAG.suppressed) !== 0,
    })),
  );
  return values.map((v) => {
    if (v === null) return v;
    const cell = cells.get(key(v))!;
    if (cell.suppressed)
      return {
        ...v,
        value: null,
        numerator: null,
        denominator: null,
        ciLower: null,
        ciUpper: null,
        flags: v.flags | FLAG.suppressed,
      };
    return { ...v, value: cell.shown };
  });
}
