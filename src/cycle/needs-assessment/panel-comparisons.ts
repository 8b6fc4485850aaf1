/**
 * What a panel's area is compared with: its region and nation (values as stored, including
 * totals calculated at import from local authority figures, which say so), and the
 * partnership's comparison group pooled by summing counts or numerators and denominators —
 * never by averaging members' rates. A pooled period with any member missing stays missing.
 */
import type { Executor } from "../../kernel/db/database.ts";
import { type AreaRow, findAreaByCode, groupMembers, listGroups, parentsOf } from "../../data/geography/index.ts";
import {
  aggregateValues,
  derivedMethod,
  FLAG,
  type IndicatorRow,
  type ObservationValue,
  valuesForArea,
  valuesForAreas,
} from "../../data/indicators/index.ts";

export interface ComparisonSeries {
  /** Column and series name, e.g. "England" or "Trafford CIPFA nearest neighbours (group)". */
  name: string;
  /** Short key for disclosure cells. */
  key: string;
  kind: "region" | "nation" | "group";
  values: Map<string, ObservationValue>;
  /** Some values were calculated at import from the local authorities' figures. */
  calculated: boolean;
  /** For a group: how many members, and whom the group was built for. */
  note: string | null;
}

const NATION_CODES: Record<string, string> = {
  england: "E92000001",
  wales: "W92000004",
  scotland: "S92000003",
  "northern-ireland": "N92000002",
};

async function referenceAreas(db: Executor, area: AreaRow): Promise<{ area: AreaRow; kind: "region" | "nation" }[]> {
  const parents = await parentsOf(db, area.id);
  const pick = (kind: "region" | "nation") => parents.find((p) => p.relation === kind || p.area.type === kind)?.area;
  const out: { area: AreaRow; kind: "region" | "nation" }[] = [];
  const region = pick("region");
  if (region) out.push({ area: region, kind: "region" });
  const nation =
    pick("nation") ??
    (area.nation && NATION_CODES[area.nation] ? await findAreaByCode(db, NATION_CODES[area.nation]!) : undefined);
  if (nation) out.push({ area: nation, kind: "nation" });
  return out;
}

/**
 * The group a panel is compared with: the partnership's own comparison group (first by name),
 * else a shared group built for the panel's area (such as a CIPFA nearest-neighbours list).
 */
async function chosenGroup(db: Executor, partnershipId: string, area: AreaRow) {
  const groups = await listGroups(db, partnershipId);
  return (
    groups.find((g) => g.partnershipId === partnershipId) ??
    groups.find((g) => g.partnershipId === null && g.subjectAreaId === area.id) ??
    null
  );
}

export async function loadComparisons(
  db: Executor,
  partnershipId: string,
  area: AreaRow,
  indicator: IndicatorRow,
  periodCodes: readonly string[],
): Promise<ComparisonSeries[]> {
  const series: ComparisonSeries[] = [];
  for (const reference of await referenceAreas(db, area)) {
    const values = (await valuesForArea(db, reference.area.id, [indicator.slug])).filter(
      (v) => v.breakdownId === 0 && periodCodes.includes(v.periodCode),
    );
    if (values.length === 0) continue;
    series.push({
      name: reference.area.name,
      key: reference.area.code,
      kind: reference.kind,
      values: new Map(values.map((v) => [v.periodCode, v])),
      calculated: values.some((v) => (v.flags & FLAG.derived) !== 0),
      note: null,
    });
  }
  if (!["count", "percentage", "rate"].includes(indicator.unit)) return series;
  const group = await chosenGroup(db, partnershipId, area);
  if (!group) return series;
  const members = (await groupMembers(db, group.id)).map((m) => m.area).filter((member) => member.id !== area.id);
  if (members.length === 0) return series;
  const pooled = new Map<string, ObservationValue>();
  for (const periodCode of periodCodes) {
    const found = await valuesForAreas(db, {
      indicatorSlug: indicator.slug,
      periodCode,
      areaIds: members.map((m) => m.id),
    });
    if (found.length === 0) continue;
    const byId = new Map(found.map((v) => [v.areaId, v]));
    const parts = members.map(
      (m) => byId.get(m.id) ?? { value: null, numerator: null, denominator: null, flags: FLAG.missing },
    );
    const total = aggregateValues(parts, indicator.unit, indicator.ratePer ?? 100);
    const first = found[0]!;
    pooled.set(periodCode, {
      ...first,
      areaId: 0,
      areaCode: `group:${group.id}`,
      value: total.value,
      numerator: total.numerator,
      denominator: total.denominator,
      ciLower: null,
      ciUpper: null,
      flags: total.flags & ~FLAG.revised,
    });
  }
  if (pooled.size > 0) {
    series.push({
      name: `${group.name} (group)`,
      key: `group:${group.id}`,
      kind: "group",
      values: pooled,
      calculated: false,
      note: `${group.name}: ${members.length} authorities pooled (${indicator.unit === "count" ? "counts summed" : "numerators and denominators summed, never an average of rates"}); missing where any member has no value.`,
    });
  }
  return series;
}

/** "In the same period (2021/22): North East 22.1%, England 19.8% (calculated from the local authority figures)." */
export function comparisonSentence(
  comparisons: readonly ComparisonSeries[],
  periodCode: string,
  label: string,
  show: (value: ObservationValue) => string | null,
): string | null {
  const parts = comparisons.flatMap((c) => {
    const value = c.values.get(periodCode);
    const text = value ? show(value) : null;
    if (!value || text === null) return [];
    return [`${c.name} ${text}${derivedMethod(value.flags) ? ` (${derivedMethod(value.flags)!.toLowerCase()})` : ""}`];
  });
  return parts.length ? `In the same period (${label}): ${parts.join("; ")}.` : null;
}
