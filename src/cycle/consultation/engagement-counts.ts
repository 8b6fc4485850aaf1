import { and, eq, inArray, sql } from "drizzle-orm";
import { applyDisclosure } from "../../data/indicators/index.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { engagementActivities, engagementParticipants, surveyDailyCounts, surveys } from "./tables.ts";
import { type Audience, childAudiences } from "./vocabulary.ts";

/** The national view's audience groups: the register's six audiences are too fine for one table cell. */
export const engagementGroups = [
  { key: "children-young-people", label: "Children and young people" },
  { key: "parents-carers", label: "Parents and carers" },
  { key: "organisations", label: "Organisations" },
  { key: "not-known", label: "Not known" },
] as const;
type GroupKey = (typeof engagementGroups)[number]["key"];

export interface EngagementCount {
  activities: number;
  /** People recorded as taking part plus survey responses (exact: the coordinators' aggregate). */
  participants: number;
  /**
   * The same people by audience group, under the published pages' rule (1 to 9 as [c], others
   * rounded to 5, and secondary suppression against the total) because it leaves in the downloads.
   * "Not known": survey responses whose survey did not ask, or who left it blank or preferred not to say.
   */
  byAudience: { key: GroupKey; label: string; text: string }[];
}

function groupOf(audience: string | null): GroupKey {
  if (audience && (childAudiences as string[]).includes(audience as Audience)) return "children-young-people";
  if (audience === "parents-carers" || audience === "organisations") return audience;
  return "not-known";
}

/**
 * Per partnership, the engagement activities that fed the report of `reportingYear` (those
 * recorded as informing it) and how many people took part in them, by audience where the
 * register (its participants) or the survey (its "Who are you answering as?") knows it.
 */
export async function engagementCounts(
  db: Executor,
  partnershipIds: string[],
  reportingYear: string,
): Promise<Map<string, EngagementCount>> {
  const result = new Map<string, EngagementCount>();
  if (partnershipIds.length === 0) return result;
  const feeding = and(
    inArray(engagementActivities.partnershipId, partnershipIds),
    eq(engagementActivities.reportYear, reportingYear),
    sql`'report' = any(${engagementActivities.informs})`,
  );
  const [activities, recorded, responses] = await Promise.all([
    db
      .select({ partnershipId: engagementActivities.partnershipId, n: sql<number>`count(*)::int` })
      .from(engagementActivities)
      .where(feeding)
      .groupBy(engagementActivities.partnershipId),
    db
      .select({
        partnershipId: engagementActivities.partnershipId,
        audience: engagementParticipants.audience,
        n: sql<number>`sum(${engagementParticipants.count})::int`,
      })
      .from(engagementParticipants)
      .innerJoin(engagementActivities, eq(engagementActivities.id, engagementParticipants.activityId))
      .where(feeding)
      .groupBy(engagementActivities.partnershipId, engagementParticipants.audience),
    db
      .select({
        partnershipId: engagementActivities.partnershipId,
        audience: surveyDailyCounts.audience,
        n: sql<number>`sum(${surveyDailyCounts.count})::int`,
      })
      .from(surveyDailyCounts)
      .innerJoin(surveys, eq(surveys.id, surveyDailyCounts.surveyId))
      .innerJoin(engagementActivities, eq(engagementActivities.id, surveys.activityId))
      .where(feeding)
      .groupBy(engagementActivities.partnershipId, surveyDailyCounts.audience),
  ]);
  const people = new Map<string, Map<GroupKey, number>>();
  for (const row of [...recorded, ...responses]) {
    const groups = people.get(row.partnershipId) ?? new Map<GroupKey, number>();
    const key = groupOf(row.audience);
    groups.set(key, (groups.get(key) ?? 0) + Number(row.n));
    people.set(row.partnershipId, groups);
  }
  for (const row of activities) {
    const groups = people.get(row.partnershipId) ?? new Map<GroupKey, number>();
    const total = [...groups.values()].reduce((sum, n) => sum + n, 0);
    const disclosed = applyDisclosure(
      "small-count",
      [
        ...engagementGroups.map((group) => ({ key: group.key, count: groups.get(group.key) ?? 0 })),
        { key: "total", count: total },
      ],
      [{ total: "total", parts: engagementGroups.map((group) => group.key) }],
    );
    result.set(row.partnershipId, {
      activities: Number(row.n),
      participants: total,
      byAudience: total
        ? engagementGroups.map((group) => {
            const cell = disclosed.get(group.key);
            return { ...group, text: !cell || cell.suppressed ? "[c]" : String(cell.shown ?? 0) };
          })
        : [],
    });
  }
  return result;
}
