import { and, asc, desc, eq, gte, inArray, isNull, type SQL } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import { listOrganisations } from "../../workspace/organisations/index.ts";
import { listPartnershipsWhere } from "../../workspace/partnerships/index.ts";
import { listMembers } from "../partners-group/index.ts";
import { supportRequestMessages, supportRequests } from "./tables.ts";
import { openStatuses, type RequestStatus } from "./vocabulary.ts";

export type RequestRow = typeof supportRequests.$inferSelect;
export type MessageRow = typeof supportRequestMessages.$inferSelect;

export interface RequestView extends RequestRow {
  partnershipName: string;
  partnershipFictional: boolean;
  assignedName: string | null;
  preferredName: string | null;
}

/**
 * Requests with the names their pages show, read through the partnerships, organisations and
 * partners group domains (three queries, whatever the number of requests).
 */
async function described(db: Executor, rows: RequestRow[]): Promise<RequestView[]> {
  if (rows.length === 0) return [];
  const [partnershipRows, organisationRows, members] = await Promise.all([
    listPartnershipsWhere(db, { ids: [...new Set(rows.map((row) => row.partnershipId))] }),
    listOrganisations(db),
    Promise.all([...new Set(rows.map((row) => row.groupId))].map((groupId) => listMembers(db, groupId))),
  ]);
  const partnershipsById = new Map(partnershipRows.map((row) => [row.id, row]));
  const organisationNames = new Map(organisationRows.map((row) => [row.id, row.name]));
  const membersById = new Map(members.flat().map((member) => [member.id, member]));
  return rows.map((row) => ({
    ...row,
    partnershipName: partnershipsById.get(row.partnershipId)?.name ?? "Unknown partnership",
    partnershipFictional: partnershipsById.get(row.partnershipId)?.isFictional ?? false,
    assignedName: row.assignedOrganisationId ? (organisationNames.get(row.assignedOrganisationId) ?? null) : null,
    preferredName: row.preferredMemberId ? (membersById.get(row.preferredMemberId)?.organisationName ?? null) : null,
  }));
}

/** A request of this group (hub side): one of another nation is not found. */
export async function findGroupRequest(db: Executor, groupId: string, id: string): Promise<RequestView | undefined> {
  const rows = await db
    .select()
    .from(supportRequests)
    .where(and(eq(supportRequests.groupId, groupId), eq(supportRequests.id, id)))
    .limit(1);
  return (await described(db, rows))[0];
}

/** A request of this partnership (local side): another partnership's is not found. */
export async function findPartnershipRequest(
  db: Executor,
  partnershipId: string,
  id: string,
): Promise<RequestView | undefined> {
  const rows = await db
    .select()
    .from(supportRequests)
    .where(and(eq(supportRequests.partnershipId, partnershipId), eq(supportRequests.id, id)))
    .limit(1);
  return (await described(db, rows))[0];
}

export interface GroupRequestFilter {
  statuses?: readonly RequestStatus[];
  supportType?: string | undefined;
  assignedOrganisationId?: string | null | undefined;
  since?: Date;
}

export async function listGroupRequests(
  db: Executor,
  groupId: string,
  filter: GroupRequestFilter = {},
): Promise<RequestView[]> {
  const conditions: SQL[] = [eq(supportRequests.groupId, groupId)];
  if (filter.statuses) conditions.push(inArray(supportRequests.status, [...filter.statuses]));
  if (filter.supportType) conditions.push(eq(supportRequests.supportType, filter.supportType));
  if (filter.assignedOrganisationId === null) conditions.push(isNull(supportRequests.assignedOrganisationId));
  else if (filter.assignedOrganisationId)
    conditions.push(eq(supportRequests.assignedOrganisationId, filter.assignedOrganisationId));
  if (filter.since) conditions.push(gte(supportRequests.createdAt, filter.since));
  return described(
    db,
    await db
      .select()
      .from(supportRequests)
      .where(and(...conditions))
      .orderBy(desc(supportRequests.createdAt)),
  );
}

export async function listPartnershipRequests(db: Executor, partnershipId: string): Promise<RequestView[]> {
  return described(
    db,
    await db
      .select()
      .from(supportRequests)
      .where(eq(supportRequests.partnershipId, partnershipId))
      .orderBy(desc(supportRequests.createdAt)),
  );
}

/** Open requests of the same partnership a duplicate may be merged into. */
export async function mergeTargets(db: Executor, request: RequestRow): Promise<RequestRow[]> {
  const rows = await db
    .select()
    .from(supportRequests)
    .where(
      and(
        eq(supportRequests.groupId, request.groupId),
        eq(supportRequests.partnershipId, request.partnershipId),
        inArray(supportRequests.status, [...openStatuses, "done"]),
      ),
    )
    .orderBy(asc(supportRequests.createdAt));
  return rows.filter((row) => row.id !== request.id);
}

export async function insertRequest(db: Executor, values: typeof supportRequests.$inferInsert): Promise<RequestRow> {
  const [row] = await db.insert(supportRequests).values(values).returning();
  return row!;
}

/**
 * Changes a request only if it is still in the status the change was decided on: two people
 * triaging at once cannot both win. Returns undefined when someone else got there first.
 */
export async function updateRequestFrom(
  db: Executor,
  id: string,
  expected: string,
  values: Partial<typeof supportRequests.$inferInsert>,
): Promise<RequestRow | undefined> {
  const [row] = await db
    .update(supportRequests)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(supportRequests.id, id), eq(supportRequests.status, expected)))
    .returning();
  return row;
}

export async function insertMessage(db: Executor, values: typeof supportRequestMessages.$inferInsert) {
  const [row] = await db.insert(supportRequestMessages).values(values).returning();
  return row!;
}

/** The thread, oldest first; private notes only when the reader may see them. */
export function listMessages(db: Executor, requestId: string, includePrivate: boolean): Promise<MessageRow[]> {
  const conditions: SQL[] = [eq(supportRequestMessages.requestId, requestId)];
  if (!includePrivate) conditions.push(eq(supportRequestMessages.isPrivate, false));
  return db
    .select()
    .from(supportRequestMessages)
    .where(and(...conditions))
    .orderBy(asc(supportRequestMessages.sequence));
}

/** Open requests assigned to a body in a nation, for the group's member-removal guard. */
export async function countOpenAssigned(db: Executor, groupId: string, organisationId: string): Promise<number> {
  const rows = await db
    .select({ id: supportRequests.id })
    .from(supportRequests)
    .where(
      and(
        eq(supportRequests.groupId, groupId),
        eq(supportRequests.assignedOrganisationId, organisationId),
        inArray(supportRequests.status, [...openStatuses, "done"]),
      ),
    );
  return rows.length;
}

/** The given ids that are requests made to the group (forged or foreign ids are dropped). */
export async function requestIdsOfGroup(db: Executor, groupId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: supportRequests.id })
    .from(supportRequests)
    .where(and(eq(supportRequests.groupId, groupId), inArray(supportRequests.id, ids)));
  return rows.map((row) => row.id);
}
