import { and, asc, desc, eq, gte, isNotNull, isNull, lte } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import { partnerships } from "../../workspace/partnerships/index.ts";
import { engagementActivities, surveys } from "./tables.ts";

const partnershipColumns = {
  partnershipId: partnerships.id,
  partnershipName: partnerships.name,
  nation: partnerships.nation,
  isFictional: partnerships.isFictional,
};

/** Surveys open today, across every partnership ("Have your say"); none reported back yet. */
export function openSurveys(db: Executor, today: string) {
  return db
    .select({
      activityId: engagementActivities.id,
      title: engagementActivities.title,
      purpose: engagementActivities.purpose,
      closesOn: surveys.closesOn,
      welsh: surveys.welsh,
      ...partnershipColumns,
    })
    .from(surveys)
    .innerJoin(engagementActivities, eq(engagementActivities.id, surveys.activityId))
    .innerJoin(partnerships, eq(partnerships.id, surveys.partnershipId))
    .where(and(lte(surveys.opensOn, today), gte(surveys.closesOn, today), isNull(engagementActivities.publishedAt)))
    .orderBy(asc(surveys.closesOn), asc(engagementActivities.title));
}

/** Activities with a published "you said, we did", newest first. */
export function publishedActivities(db: Executor, partnershipId?: string) {
  return db
    .select({
      activityId: engagementActivities.id,
      title: engagementActivities.title,
      publishedAt: engagementActivities.publishedAt,
      endsOn: engagementActivities.endsOn,
      ...partnershipColumns,
    })
    .from(engagementActivities)
    .innerJoin(partnerships, eq(partnerships.id, engagementActivities.partnershipId))
    .where(
      and(
        isNotNull(engagementActivities.publishedAt),
        partnershipId ? eq(engagementActivities.partnershipId, partnershipId) : undefined,
      ),
    )
    .orderBy(desc(engagementActivities.publishedAt));
}
