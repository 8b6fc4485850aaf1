import { and, asc, desc, eq, gte, inArray, lt, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Executor } from "../../kernel/db/database.ts";
import { organisations } from "../../workspace/organisations/index.ts";
import {
  meetingActions,
  meetingAgendaItems,
  meetingAttendance,
  meetingDecisions,
  meetingPapers,
  meetings,
} from "./tables.ts";

export type MeetingRow = typeof meetings.$inferSelect;

/** Whose meetings: a partnership's, or a national partners group's. */
export type MeetingOwner =
  | { partnershipId: string; groupId?: undefined }
  | { groupId: string; partnershipId?: undefined };

/** The WHERE condition that keeps a query to one owner's records. */
export function owned(table: { partnershipId: AnyPgColumn; groupId: AnyPgColumn }, owner: MeetingOwner): SQL {
  return owner.partnershipId !== undefined
    ? eq(table.partnershipId, owner.partnershipId)
    : eq(table.groupId, owner.groupId);
}

/** The owner columns of a new record. */
export function ownerValues(owner: MeetingOwner): { partnershipId: string | null; groupId: string | null } {
  return owner.partnershipId !== undefined
    ? { partnershipId: owner.partnershipId, groupId: null }
    : { partnershipId: null, groupId: owner.groupId };
}
export type ActionRow = typeof meetingActions.$inferSelect;

export function listMeetings(db: Executor, owner: MeetingOwner): Promise<MeetingRow[]> {
  return db.select().from(meetings).where(owned(meetings, owner)).orderBy(asc(meetings.meetingDate));
}

export async function findMeeting(
  db: Executor,
  owner: MeetingOwner,
  meetingId: string,
): Promise<MeetingRow | undefined> {
  const [row] = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), owned(meetings, owner)))
    .limit(1);
  return row;
}

export async function meetingDatesTaken(db: Executor, owner: MeetingOwner, dates: string[]): Promise<string[]> {
  if (dates.length === 0) return [];
  const rows = await db
    .select({ date: meetings.meetingDate })
    .from(meetings)
    .where(and(owned(meetings, owner), inArray(meetings.meetingDate, dates)));
  return rows.map((row) => row.date);
}

export function insertMeetings(db: Executor, values: (typeof meetings.$inferInsert)[]): Promise<MeetingRow[]> {
  return db.insert(meetings).values(values).returning();
}

export async function updateMeeting(
  db: Executor,
  owner: MeetingOwner,
  meetingId: string,
  values: Partial<typeof meetings.$inferInsert>,
) {
  const [row] = await db
    .update(meetings)
    .set(values)
    .where(and(eq(meetings.id, meetingId), owned(meetings, owner)))
    .returning();
  return row!;
}

export function listAgenda(db: Executor, owner: MeetingOwner, meetingId: string) {
  return db
    .select()
    .from(meetingAgendaItems)
    .where(and(eq(meetingAgendaItems.meetingId, meetingId), owned(meetingAgendaItems, owner)))
    .orderBy(asc(meetingAgendaItems.position));
}

export async function insertAgendaItem(db: Executor, values: Omit<typeof meetingAgendaItems.$inferInsert, "position">) {
  const [next] = await db
    .select({ position: sql<number>`coalesce(max(${meetingAgendaItems.position}), 0)::int + 1` })
    .from(meetingAgendaItems)
    .where(eq(meetingAgendaItems.meetingId, values.meetingId));
  const [row] = await db
    .insert(meetingAgendaItems)
    .values({ ...values, position: next?.position ?? 1 })
    .returning();
  return row!;
}

/** Paper metadata without the (possibly large) contents. */
export function listPapers(db: Executor, owner: MeetingOwner, meetingId: string) {
  return db
    .select({
      id: meetingPapers.id,
      fileName: meetingPapers.fileName,
      contentType: meetingPapers.contentType,
      sizeBytes: meetingPapers.sizeBytes,
      sha256: meetingPapers.sha256,
      uploadedAt: meetingPapers.uploadedAt,
    })
    .from(meetingPapers)
    .where(and(eq(meetingPapers.meetingId, meetingId), owned(meetingPapers, owner)))
    .orderBy(asc(meetingPapers.uploadedAt));
}

export async function findPaper(db: Executor, owner: MeetingOwner, meetingId: string, paperId: string) {
  const [row] = await db
    .select()
    .from(meetingPapers)
    .where(and(eq(meetingPapers.id, paperId), eq(meetingPapers.meetingId, meetingId), owned(meetingPapers, owner)))
    .limit(1);
  return row;
}

export async function insertPaper(db: Executor, values: typeof meetingPapers.$inferInsert) {
  const [row] = await db.insert(meetingPapers).values(values).returning({
    id: meetingPapers.id,
    fileName: meetingPapers.fileName,
    sha256: meetingPapers.sha256,
    sizeBytes: meetingPapers.sizeBytes,
  });
  return row!;
}

export function listAttendance(db: Executor, owner: MeetingOwner, meetingId: string) {
  return db
    .select({
      organisationId: meetingAttendance.organisationId,
      organisationName: organisations.name,
      personName: meetingAttendance.personName,
      status: meetingAttendance.status,
    })
    .from(meetingAttendance)
    .leftJoin(organisations, eq(organisations.id, meetingAttendance.organisationId))
    .where(and(eq(meetingAttendance.meetingId, meetingId), owned(meetingAttendance, owner)))
    .orderBy(asc(organisations.name), asc(meetingAttendance.personName));
}

export async function replaceAttendance(
  db: Executor,
  owner: MeetingOwner,
  meetingId: string,
  rows: Omit<typeof meetingAttendance.$inferInsert, "meetingId" | "partnershipId" | "groupId">[],
) {
  await db
    .delete(meetingAttendance)
    .where(and(eq(meetingAttendance.meetingId, meetingId), owned(meetingAttendance, owner)));
  if (rows.length > 0)
    await db.insert(meetingAttendance).values(rows.map((row) => ({ ...row, meetingId, ...ownerValues(owner) })));
}

export function listDecisions(db: Executor, owner: MeetingOwner, meetingId: string) {
  return db
    .select()
    .from(meetingDecisions)
    .where(and(eq(meetingDecisions.meetingId, meetingId), owned(meetingDecisions, owner)))
    .orderBy(asc(meetingDecisions.position));
}

export async function insertDecision(db: Executor, values: Omit<typeof meetingDecisions.$inferInsert, "position">) {
  const [next] = await db
    .select({ position: sql<number>`coalesce(max(${meetingDecisions.position}), 0)::int + 1` })
    .from(meetingDecisions)
    .where(eq(meetingDecisions.meetingId, values.meetingId));
  const [row] = await db
    .insert(meetingDecisions)
    .values({ ...values, position: next?.position ?? 1 })
    .returning();
  return row!;
}

export function listActions(db: Executor, owner: MeetingOwner, meetingId: string): Promise<ActionRow[]> {
  return db
    .select()
    .from(meetingActions)
    .where(and(eq(meetingActions.meetingId, meetingId), owned(meetingActions, owner)))
    .orderBy(asc(meetingActions.dueDate), asc(meetingActions.createdAt));
}

export async function findAction(db: Executor, owner: MeetingOwner, meetingId: string, actionId: string) {
  const [row] = await db
    .select()
    .from(meetingActions)
    .where(and(eq(meetingActions.id, actionId), eq(meetingActions.meetingId, meetingId), owned(meetingActions, owner)))
    .limit(1);
  return row;
}

export async function insertAction(db: Executor, values: typeof meetingActions.$inferInsert): Promise<ActionRow> {
  const [row] = await db.insert(meetingActions).values(values).returning();
  return row!;
}

export async function updateActionStatus(
  db: Executor,
  owner: MeetingOwner,
  actionId: string,
  status: string,
): Promise<ActionRow> {
  const [row] = await db
    .update(meetingActions)
    .set({ status, updatedAt: new Date() })
    .where(and(eq(meetingActions.id, actionId), owned(meetingActions, owner)))
    .returning();
  return row!;
}

/** Meetings held (dated on or after `since` and before `today`) per partnership, for the national view. */
export async function countMeetingsHeld(
  db: Executor,
  partnershipIds: string[],
  since: string,
  today: string,
): Promise<Map<string, number>> {
  if (partnershipIds.length === 0) return new Map();
  const rows = await db
    .select({ partnershipId: sql<string>`${meetings.partnershipId}`, count: sql<number>`count(*)::int` })
    .from(meetings)
    .where(
      and(
        inArray(meetings.partnershipId, partnershipIds),
        gte(meetings.meetingDate, since),
        lt(meetings.meetingDate, today),
      ),
    )
    .groupBy(meetings.partnershipId);
  return new Map(rows.map((row) => [row.partnershipId, Number(row.count)]));
}

/** Past meetings without minutes, for the attention list. */
export function meetingsNeedingMinutes(db: Executor, partnershipIds: string[], today: string) {
  if (partnershipIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: meetings.id,
      // Never null here: the query is of partnerships' meetings only.
      partnershipId: sql<string>`${meetings.partnershipId}`,
      title: meetings.title,
      meetingDate: meetings.meetingDate,
    })
    .from(meetings)
    .where(
      and(
        inArray(meetings.partnershipId, partnershipIds),
        lt(meetings.meetingDate, today),
        sql`${meetings.minutes} is null`,
      ),
    )
    .orderBy(desc(meetings.meetingDate));
}

/** Open actions arising past their due date. */
export function overdueActions(db: Executor, partnershipIds: string[], today: string) {
  if (partnershipIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: meetingActions.id,
      partnershipId: sql<string>`${meetingActions.partnershipId}`,
      meetingId: meetingActions.meetingId,
      description: meetingActions.description,
      owner: meetingActions.owner,
      dueDate: meetingActions.dueDate,
    })
    .from(meetingActions)
    .where(
      and(
        inArray(meetingActions.partnershipId, partnershipIds),
        lt(meetingActions.dueDate, today),
        sql`${meetingActions.status} <> 'done'`,
      ),
    )
    .orderBy(asc(meetingActions.dueDate));
}

export async function deleteMeeting(db: Executor, owner: MeetingOwner, meetingId: string): Promise<boolean> {
  const removed = await db
    .delete(meetings)
    .where(and(eq(meetings.id, meetingId), owned(meetings, owner)))
    .returning({ id: meetings.id });
  return removed.length > 0;
}

export async function deletePaper(db: Executor, owner: MeetingOwner, meetingId: string, paperId: string) {
  const [row] = await db
    .delete(meetingPapers)
    .where(and(eq(meetingPapers.id, paperId), eq(meetingPapers.meetingId, meetingId), owned(meetingPapers, owner)))
    .returning({
      id: meetingPapers.id,
      fileName: meetingPapers.fileName,
      sha256: meetingPapers.sha256,
      sizeBytes: meetingPapers.sizeBytes,
    });
  return row;
}

export async function deleteAgendaItem(db: Executor, owner: MeetingOwner, meetingId: string, id: string) {
  const [row] = await db
    .delete(meetingAgendaItems)
    .where(
      and(eq(meetingAgendaItems.id, id), eq(meetingAgendaItems.meetingId, meetingId), owned(meetingAgendaItems, owner)),
    )
    .returning();
  return row;
}

export async function deleteDecision(db: Executor, owner: MeetingOwner, meetingId: string, id: string) {
  const [row] = await db
    .delete(meetingDecisions)
    .where(and(eq(meetingDecisions.id, id), eq(meetingDecisions.meetingId, meetingId), owned(meetingDecisions, owner)))
    .returning();
  return row;
}

/** Actions arising linked to one strategy action, with their meeting (for the action's page). */
export function actionsArisingFor(db: Executor, partnershipId: string, strategyActionId: string) {
  return db
    .select({
      meetingId: meetings.id,
      meetingTitle: meetings.title,
      meetingDate: meetings.meetingDate,
      sharedWithNational: meetings.sharedWithNational,
      description: meetingActions.description,
      status: meetingActions.status,
    })
    .from(meetingActions)
    .innerJoin(meetings, eq(meetings.id, meetingActions.meetingId))
    .where(and(eq(meetingActions.partnershipId, partnershipId), eq(meetingActions.strategyActionId, strategyActionId)))
    .orderBy(asc(meetings.meetingDate));
}
