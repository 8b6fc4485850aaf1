import { and, asc, desc, eq, gte, isNotNull, isNull, lte } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import { listPartnershipsWhere } from "../../workspace/partnerships/index.ts";
import { engagementActivities, surveys } from "./tables.ts";

/** Adds each row's partnership (name, nation, fictional) through the partnerships domain. */
async function withPartnerships<T extends { partnershipId: string }>(db: Executor, rows: T[]) {
  const ids = [...new Set(rows.map((row) => row.partnershipId))];
  const partnerships = ids.length ? await listPartnershipsWhere(db, { ids }) : [];
  const byId = new Map(partnerships.map((p) => [p.id, p]));
  return rows
    .filter((row) => byId.has(row.partnershipId))
    .map((row) => {
      const partnership = byId.get(row.partnershipId)!;
      return {
        ...row,
        partnershipName: partnership.name,
        nation: partnership.nation,
        isFictional: partnership.isFictional,
      };
    });
}

/** Surveys open today, across every partnership ("Have your say"); none reported back yet. */
export async function openSurveys(db: Executor, today: string) {
  const rows = await db
    .select({
      activityId: engagementActivities.id,
      partnershipId: engagementActivities.partnershipId,
      title: engagementActivities.title,
      purpose: engagementActivities.purpose,
      closesOn: surveys.closesOn,
      welsh: surveys.welsh,
    })
    .from(surveys)
    .innerJoin(engagementActivities, eq(engagementActivities.id, surveys.activityId))
    .where(and(lte(surveys.opensOn, today), gte(surveys.closesOn, today), isNull(engagementActivities.publishedAt)))
    .orderBy(asc(surveys.closesOn), asc(engagementActivities.title));
  return withPartnerships(db, rows);
}

/** Activities with a published "you said, we did", newest first. */
export async function publishedActivities(db: Executor, filter: { partnershipId?: string; activityId?: string } = {}) {
  const rows = await db
    .select({
      activityId: engagementActivities.id,
      partnershipId: engagementActivities.partnershipId,
      title: engagementActivities.title,
      publishedAt: engagementActivities.publishedAt,
      endsOn: engagementActivities.endsOn,
    })
    .from(engagementActivities)
    .where(
      and(
        isNotNull(engagementActivities.publishedAt),
        filter.partnershipId ? eq(engagementActivities.partnershipId, filter.partnershipId) : undefined,
        filter.activityId ? eq(engagementActivities.id, filter.activityId) : undefined,
      ),
    )
    .orderBy(desc(engagementActivities.publishedAt));
  return withPartnerships(db, rows);
}
