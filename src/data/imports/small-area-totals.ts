/**
 * Authority figures added up from a file's small areas (MSOAs, LSOAs, data zones, wards) at
 * import, for every authority valid today: counts summed, rates and proportions from summed
 * numerators and denominators — only when every small area of the authority (of the file's
 * edition) has a usable value, never a partial sum. They carry FLAG.derived | fromSmallAreas,
 * so pages say "Calculated from the small-area figures"; a figure a file gives for the
 * authority (now or later) always wins, and the region and nation totals follow from them.
 */
import { sql } from "drizzle-orm";
import { pgArray, timeSlicer } from "../../kernel/db/arrays.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { listAreaTypes } from "../geography/index.ts";
import { aggregateValues, FLAG, type ObservationBuffer, sourceValueKeys } from "../indicators/index.ts";
import type { TotalsIndicator } from "./parent-totals.ts";
import type { IssueList } from "./report.ts";

const SMALL = new Set(["lsoa", "msoa", "ward"]);
const SUMMABLE = new Set(["count", "percentage", "rate", "proportion"]);

export interface SmallAreaTotals {
  calculated: number;
  notCalculated: number;
  /** Authority id → type, for the catalogue's coverage and the parent totals that follow. */
  authorityTypes: Map<number, string>;
}

export const noSmallAreaTotals = (): SmallAreaTotals => ({
  calculated: 0,
  notCalculated: 0,
  authorityTypes: new Map(),
});

interface Membership {
  authority: number;
  name: string;
  members: number[];
}

/** Authorities valid today with every small area of `type` (of the edition, when given) linked to them. */
export async function authorityMemberships(
  db: Executor,
  smallIds: readonly number[],
  type: string,
): Promise<Membership[]> {
  // Written once, sent twice: 35,000 ids make a 200 kB literal.
  const ids = pgArray(smallIds);
  const result = await db.execute(sql`
    with wanted as (
      select distinct ap.parent_id from area_parents ap join areas la on la.id = ap.parent_id
      where ap.child_id = any(${ids}::int[]) and ap.relation = 'local-authority' and la.end_year is null
    ),
    editions as (
      select distinct v from areas a, unnest(a.vintages) v where a.id = any(${ids}::int[])
    )
    select w.parent_id as authority, la.name, array_to_string(array_agg(c.id order by c.id), ',') as members
    from wanted w join areas la on la.id = w.parent_id
    join area_parents ap on ap.parent_id = w.parent_id and ap.relation = 'local-authority'
    join areas c on c.id = ap.child_id and c.type = ${type}
      and (cardinality(c.vintages) = 0 or not exists (select 1 from editions) or c.vintages && array(select v from editions)::smallint[])
    group by w.parent_id, la.name`);
  // Members as text, split here a row per check of the clock: the driver's array parser took
  // 20-40 ms in one turn for a national file's 35,000 ids (every row of a network read is parsed at once).
  const rows = (result as unknown as { rows: { authority: number | string; name: string; members: string }[] }).rows;
  const out: Membership[] = [];
  const slice = timeSlicer();
  for (const row of rows) {
    out.push({ authority: Number(row.authority), name: row.name, members: row.members.split(",").map(Number) });
    const turn = slice();
    if (turn) await turn;
  }
  return out;
}

export async function addSmallAreaTotals(
  db: Executor,
  buffer: ObservationBuffer,
  indicators: readonly TotalsIndicator[],
  issues: IssueList,
  knownTypes?: ReadonlyMap<number, string>,
): Promise<SmallAreaTotals> {
  const outcome: SmallAreaTotals = { calculated: 0, notCalculated: 0, authorityTypes: new Map() };
  const unitOf = new Map(indicators.map((i) => [i.slug, i]));
  const summable = buffer.indicatorSlugs.map((slug) => SUMMABLE.has(unitOf.get(slug)?.unit ?? ""));
  if (!summable.some(Boolean)) return outcome;
  const types = knownTypes ?? (await listAreaTypes(db, [...new Set(buffer.area)]));
  const byType = new Map<string, number[]>();
  // Pushed, not copied: a file of small areas has tens of thousands of one type.
  for (const [id, type] of types) {
    if (!SMALL.has(type)) continue;
    const list = byType.get(type);
    if (list) list.push(id);
    else byType.set(type, [id]);
  }
  if (byType.size === 0) return outcome;
  let shown = 0;
  for (const [type, ids] of byType) {
    const authorities = await authorityMemberships(db, ids, type);
    if (authorities.length === 0) continue;
    const stored = await sourceValueKeys(
      db,
      buffer.indicatorSlugs,
      authorities.map((a) => a.authority),
    );
    // Rows grouped by (indicator, period, breakdown): small area id → row index. Keyed by one
    // number (no string made per row: a million of them on a national file), with the
    // authorities the file itself gives figures for in each.
    const groups = new Map<
      number,
      { indicator: number; period: number; breakdown: number; rows: Map<number, number> }
    >();
    const inFile = new Map<number, Set<number>>();
    // Every row's period and breakdown are refs into these lists, so the key is unique per group.
    const periods = Math.max(buffer.periodCodes.length, 1);
    const breakdowns = Math.max(buffer.breakdownKeys.length, 1);
    // The file's rows: read through views taken once (rows pushed below are totals, never read here).
    const { indicator, period, breakdown, area, flags } = buffer;
    const slice = timeSlicer();
    for (let i = 0; i < indicator.length; i++) {
      if ((i & 1023) === 1023) await slice();
      if (!summable[indicator[i]!]) continue;
      const areaType = types.get(area[i]!);
      if (areaType !== "local-authority" && areaType !== type) continue;
      const key = (indicator[i]! * periods + period[i]!) * breakdowns + breakdown[i]!;
      if (areaType === "local-authority") {
        const given = inFile.get(key);
        if (given) given.add(area[i]!);
        else inFile.set(key, new Set([area[i]!]));
        continue;
      }
      let group = groups.get(key);
      if (!group) {
        group = { indicator: indicator[i]!, period: period[i]!, breakdown: breakdown[i]!, rows: new Map() };
        groups.set(key, group);
      }
      group.rows.set(area[i]!, i);
    }
    for (const [key, group] of groups) {
      const slug = buffer.indicatorSlugs[group.indicator]!;
      const { unit, ratePer } = unitOf.get(slug)!;
      const period = buffer.periodCodes[group.period]!;
      for (const authority of authorities) {
        const turn = slice();
        if (turn) await turn;
        if (!authority.members.some((id) => group.rows.has(id))) continue;
        if (inFile.get(key)?.has(authority.authority)) continue;
        if (stored.has(`${slug}|${period}|${buffer.breakdownKeys[group.breakdown]}|${authority.authority}`)) continue;
        const parts = authority.members.map((id) => {
          const i = group.rows.get(id);
          return i === undefined
            ? { value: null, numerator: null, denominator: null, flags: FLAG.missing }
            : {
                value: buffer.at("value", i),
                numerator: buffer.at("numerator", i) ?? (unit === "count" ? buffer.at("value", i) : null),
                denominator: buffer.at("denominator", i),
                flags: flags[i]!,
              };
        });
        const total = aggregateValues(
          parts,
          unit === "proportion" ? "rate" : unit,
          unit === "proportion" ? 1 : (ratePer ?? 100),
        );
        const base = {
          indicator: group.indicator,
          period: group.period,
          breakdown: group.breakdown,
          area: authority.authority,
        };
        outcome.authorityTypes.set(authority.authority, "local-authority");
        if (total.value !== null) {
          buffer.push({
            ...base,
            value: total.value,
            numerator: total.numerator,
            denominator: total.denominator,
            flags: total.flags | FLAG.derived | FLAG.fromSmallAreas,
          });
          outcome.calculated++;
          continue;
        }
        buffer.push({ ...base, value: null, flags: FLAG.missing | FLAG.derived | FLAG.fromSmallAreas });
        outcome.notCalculated++;
        if (shown++ < 8) {
          const lacking = authority.members.filter((id) => !group.rows.has(id)).length;
          issues.warn(
            `${authority.name} ${period} (${slug}): no figure calculated from its small areas, ${lacking ? `${lacking} of its ${authority.members.length} small areas are not in the file` : `${total.missing} of its ${authority.members.length} small areas have no usable value`}`,
          );
        }
      }
    }
  }
  if (outcome.notCalculated > shown && shown >= 8)
    issues.warn(
      `${outcome.notCalculated - 8} more authority figures were not calculated from small areas for the same reasons`,
    );
  return outcome;
}
