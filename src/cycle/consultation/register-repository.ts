import { forgetPublicSurveys } from "./public-survey-cache.ts";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import {
  engagementActions,
  engagementActivities,
  engagementFiles,
  engagementParticipants,
  engagementPartners,
  surveyDailyCounts,
  surveys,
} from "./tables.ts";

export type ActivityRow = typeof engagementActivities.$inferSelect;
export type ActivityValues = Omit<typeof engagementActivities.$inferInsert, "id" | "partnershipId">;

/** The register: every activity with its survey's dates and number of responses. */
export function listActivities(db: Executor, partnershipId: string) {
  return db
    .select({
      activity: engagementActivities,
      surveyId: surveys.id,
      opensOn: surveys.opensOn,
      closesOn: surveys.closesOn,
      responses: sql<number>`coalesce((select sum(${surveyDailyCounts.count}) from ${surveyDailyCounts} where ${surveyDailyCounts.surveyId} = ${surveys.id}), 0)::int`,
      participants: sql<number>`coalesce((select sum(${engagementParticipants.count}) from ${engagementParticipants} where ${engagementParticipants.activityId} = ${engagementActivities.id}), 0)::int`,
    })
    .from(engagementActivities)
    .leftJoin(surveys, eq(surveys.activityId, engagementActivities.id))
    .where(eq(engagementActivities.partnershipId, partnershipId))
    .orderBy(desc(engagementActivities.startsOn), asc(engagementActivities.title));
}

export async function findActivity(db: Executor, partnershipId: string, id: string): Promise<ActivityRow | undefined> {
  const [row] = await db
    .select()
    .from(engagementActivities)
    .where(and(eq(engagementActivities.id, id), eq(engagementActivities.partnershipId, partnershipId)))
    .limit(1);
  return row;
}

export async function insertActivity(db: Executor, partnershipId: string, values: ActivityValues) {
  const [row] = await db
    .insert(engagementActivities)
    .values({ ...values, partnershipId })
    .returning();
  return row!;
}

export async function updateActivity(db: Executor, partnershipId: string, id: string, values: Partial<ActivityValues>) {
  const [row] = await db
    .update(engagementActivities)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(engagementActivities.id, id), eq(engagementActivities.partnershipId, partnershipId)))
    .returning();
  forgetPublicSurveys();
  return row;
}

export async function deleteActivity(db: Executor, partnershipId: string, id: string) {
  const [row] = await db
    .delete(engagementActivities)
    .where(and(eq(engagementActivities.id, id), eq(engagementActivities.partnershipId, partnershipId)))
    .returning();
  forgetPublicSurveys();
  return row;
}

/** The other partners' organisation ids (names come from the partnership's members). */
export async function listPartnerIds(db: Executor, partnershipId: string, activityId: string): Promise<string[]> {
  const rows = await db
    .select({ organisationId: engagementPartners.organisationId })
    .from(engagementPartners)
    .where(and(eq(engagementPartners.activityId, activityId), eq(engagementPartners.partnershipId, partnershipId)));
  return rows.map((row) => row.organisationId);
}

export async function setPartners(db: Executor, partnershipId: string, activityId: string, organisationIds: string[]) {
  await db.delete(engagementPartners).where(eq(engagementPartners.activityId, activityId));
  if (organisationIds.length)
    await db
      .insert(engagementPartners)
      .values(organisationIds.map((organisationId) => ({ activityId, partnershipId, organisationId })));
}

export async function listActionIds(db: Executor, partnershipId: string, activityId: string): Promise<string[]> {
  const rows = await db
    .select({ actionId: engagementActions.actionId })
    .from(engagementActions)
    .where(and(eq(engagementActions.activityId, activityId), eq(engagementActions.partnershipId, partnershipId)));
  return rows.map((row) => row.actionId);
}

export async function setActionLinks(db: Executor, partnershipId: string, activityId: string, actionIds: string[]) {
  await db.delete(engagementActions).where(eq(engagementActions.activityId, activityId));
  if (actionIds.length)
    await db.insert(engagementActions).values(actionIds.map((actionId) => ({ activityId, partnershipId, actionId })));
}

export function listParticipants(db: Executor, partnershipId: string, activityIds: string[]) {
  if (activityIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(engagementParticipants)
    .where(
      and(
        eq(engagementParticipants.partnershipId, partnershipId),
        inArray(engagementParticipants.activityId, activityIds),
      ),
    );
}

export async function setParticipants(
  db: Executor,
  partnershipId: string,
  activityId: string,
  counts: { audience: string; count: number }[],
) {
  await db.delete(engagementParticipants).where(eq(engagementParticipants.activityId, activityId));
  if (counts.length)
    await db.insert(engagementParticipants).values(counts.map((row) => ({ ...row, activityId, partnershipId })));
}

/** File metadata without the contents. */
export function listFiles(db: Executor, partnershipId: string, activityId: string) {
  return db
    .select({
      id: engagementFiles.id,
      fileName: engagementFiles.fileName,
      contentType: engagementFiles.contentType,
      sizeBytes: engagementFiles.sizeBytes,
      uploadedAt: engagementFiles.uploadedAt,
    })
    .from(engagementFiles)
    .where(and(eq(engagementFiles.activityId, activityId), eq(engagementFiles.partnershipId, partnershipId)))
    .orderBy(asc(engagementFiles.uploadedAt));
}

export async function findFile(db: Executor, partnershipId: string, activityId: string, fileId: string) {
  const [row] = await db
    .select()
    .from(engagementFiles)
    .where(
      and(
        eq(engagementFiles.id, fileId),
        eq(engagementFiles.activityId, activityId),
        eq(engagementFiles.partnershipId, partnershipId),
      ),
    )
    .limit(1);
  return row;
}

export async function insertFile(db: Executor, values: typeof engagementFiles.$inferInsert) {
  const [row] = await db.insert(engagementFiles).values(values).returning({ id: engagementFiles.id });
  return row!;
}

export async function deleteFile(db: Executor, partnershipId: string, activityId: string, fileId: string) {
  const [row] = await db
    .delete(engagementFiles)
    .where(
      and(
        eq(engagementFiles.id, fileId),
        eq(engagementFiles.activityId, activityId),
        eq(engagementFiles.partnershipId, partnershipId),
      ),
    )
    .returning({ id: engagementFiles.id, fileName: engagementFiles.fileName });
  return row;
}
