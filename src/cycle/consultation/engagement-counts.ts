import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import { engagementActivities, engagementParticipants, surveyDailyCounts, surveys } from "./tables.ts";

export interface EngagementCount {
  activities: number;
  /** People recorded as taking part plus survey responses. */
  participants: number;
}

/**
 * Per partnership, the engagement activities that fed the report of `reportingYear` (those
 * recorded as informing it) and how many people took part in them: the national view's column.
 */
export async function engagementCounts(
  db: Executor,
  partnershipIds: string[],
  reportingYear: string,
): Promise<Map<string, EngagementCount>> {
  const result = new Map<string, EngagementCount>();
  if (partnershipIds.length === 0) return result;
  const rows = await db
    .select({
      partnershipId: engagementActivities.partnershipId,
      recorded: sql<number>`coalesce((select sum(${engagementParticipants.count}) from ${engagementParticipants} where ${engagementParticipants.activityId} = ${engagementActivities.id}), 0)::int`,
      responses: sql<number>`coalesce((select sum(${surveyDailyCounts.count}) from ${surveyDailyCounts} where ${surveyDailyCounts.surveyId} = ${surveys.id}), 0)::int`,
    })
    .from(engagementActivities)
    .leftJoin(surveys, eq(surveys.activityId, engagementActivities.id))
    .where(
      and(
        inArray(engagementActivities.partnershipId, partnershipIds),
        eq(engagementActivities.reportYear, reportingYear),
        sql`'report' = any(${engagementActivities.informs})`,
      ),
    );
  for (const row of rows) {
    const entry = result.get(row.partnershipId) ?? { activities: 0, participants: 0 };
    entry.activities += 1;
    entry.participants += Number(row.recorded) + Number(row.responses);
    result.set(row.partnershipId, entry);
  }
  return result;
}
