import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import { findMemberByOrganisation, listMembers } from "../partners-group/index.ts";
import { planActivities, planActivityRequests, planActivityUpdates } from "./tables.ts";

export type ActivityRow = typeof planActivities.$inferSelect;
export interface ActivityView extends ActivityRow {
  leadName: string | null;
  leadOrganisationId: string | null;
}

/** Activities with their lead body's name and organisation, read through the partners group domain. */
async function withLeads(db: Executor, groupId: string, rows: ActivityRow[]): Promise<ActivityView[]> {
  if (rows.length === 0) return [];
  const members = new Map((await listMembers(db, groupId)).map((member) => [member.id, member]));
  return rows.map((row) => {
    const lead = row.leadMemberId ? members.get(row.leadMemberId) : undefined;
    return { ...row, leadName: lead?.organisationName ?? null, leadOrganisationId: lead?.organisationId ?? null };
  });
}

export async function listActivities(db: Executor, groupId: string): Promise<ActivityView[]> {
  const rows = await db
    .select()
    .from(planActivities)
    .where(eq(planActivities.groupId, groupId))
    .orderBy(asc(planActivities.startDate), asc(planActivities.title));
  return withLeads(db, groupId, rows);
}

export async function findActivity(db: Executor, groupId: string, id: string): Promise<ActivityView | undefined> {
  const rows = await db
    .select()
    .from(planActivities)
    .where(and(eq(planActivities.groupId, groupId), eq(planActivities.id, id)))
    .limit(1);
  return (await withLeads(db, groupId, rows))[0];
}

export async function insertActivity(db: Executor, values: typeof planActivities.$inferInsert) {
  const [row] = await db.insert(planActivities).values(values).returning();
  return row!;
}

export async function updateActivity(
  db: Executor,
  groupId: string,
  id: string,
  values: Partial<typeof planActivities.$inferInsert>,
) {
  const [row] = await db
    .update(planActivities)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(planActivities.groupId, groupId), eq(planActivities.id, id)))
    .returning();
  return row!;
}

export async function deleteActivity(db: Executor, groupId: string, id: string) {
  const [row] = await db
    .delete(planActivities)
    .where(and(eq(planActivities.groupId, groupId), eq(planActivities.id, id)))
    .returning();
  return row;
}

/** Request ids linked to each activity. */
export async function linkedRequests(db: Executor, activityIds: string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (activityIds.length === 0) return result;
  const rows = await db
    .select()
    .from(planActivityRequests)
    .where(inArray(planActivityRequests.activityId, activityIds));
  for (const row of rows) result.set(row.activityId, [...(result.get(row.activityId) ?? []), row.requestId]);
  return result;
}

/** Activities answering any of these requests (for a partnership's "what we are doing"). */
export async function activitiesForRequests(db: Executor, requestIds: string[]) {
  if (requestIds.length === 0) return [];
  return db
    .select({ requestId: planActivityRequests.requestId, activityId: planActivityRequests.activityId })
    .from(planActivityRequests)
    .where(inArray(planActivityRequests.requestId, requestIds));
}

export async function replaceLinkedRequests(db: Executor, activityId: string, requestIds: string[]) {
  await db.delete(planActivityRequests).where(eq(planActivityRequests.activityId, activityId));
  if (requestIds.length > 0)
    await db.insert(planActivityRequests).values(requestIds.map((requestId) => ({ activityId, requestId })));
}

export function listUpdates(db: Executor, activityIds: string[]) {
  if (activityIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(planActivityUpdates)
    .where(inArray(planActivityUpdates.activityId, activityIds))
    .orderBy(desc(planActivityUpdates.sequence));
}

export async function insertUpdate(db: Executor, values: typeof planActivityUpdates.$inferInsert) {
  const [row] = await db.insert(planActivityUpdates).values(values).returning();
  return row!;
}

/** Activities a body leads that are not finished (the member-removal guard). */
export async function countOpenLedBy(db: Executor, groupId: string, organisationId: string): Promise<number> {
  const member = await findMemberByOrganisation(db, groupId, organisationId);
  if (!member) return 0;
  const rows = await db
    .select({ id: planActivities.id })
    .from(planActivities)
    .where(
      and(
        eq(planActivities.groupId, groupId),
        eq(planActivities.leadMemberId, member.id),
        inArray(planActivities.status, ["planned", "in-progress", "paused"]),
      ),
    );
  return rows.length;
}

export async function findActivityTitles(db: Executor, ids: string[]) {
  if (ids.length === 0) return new Map<string, { id: string; title: string; status: string }>();
  const rows = await db
    .select({ id: planActivities.id, title: planActivities.title, status: planActivities.status })
    .from(planActivities)
    .where(inArray(planActivities.id, ids));
  return new Map(rows.map((row) => [row.id, row]));
}
