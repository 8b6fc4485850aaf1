import { and, eq } from "drizzle-orm";
import type { Nation } from "../../kernel/auth/policy.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { listOrganisations } from "../../workspace/organisations/index.ts";
import { groupMembers, nationalGroups } from "./tables.ts";

export type GroupRow = typeof nationalGroups.$inferSelect;
export type MemberRow = typeof groupMembers.$inferSelect & { organisationName: string; organisationType: string };

export async function findGroup(db: Executor, nation: Nation): Promise<GroupRow | undefined> {
  const [row] = await db.select().from(nationalGroups).where(eq(nationalGroups.nation, nation)).limit(1);
  return row;
}

export async function findGroupById(db: Executor, id: string): Promise<GroupRow | undefined> {
  const [row] = await db.select().from(nationalGroups).where(eq(nationalGroups.id, id)).limit(1);
  return row;
}

export async function insertGroup(db: Executor, values: typeof nationalGroups.$inferInsert): Promise<GroupRow> {
  const [row] = await db.insert(nationalGroups).values(values).returning();
  return row!;
}

export async function updateGroup(
  db: Executor,
  id: string,
  values: Partial<typeof nationalGroups.$inferInsert>,
): Promise<GroupRow> {
  const [row] = await db
    .update(nationalGroups)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(nationalGroups.id, id))
    .returning();
  return row!;
}

type MemberRecord = typeof groupMembers.$inferSelect;

/** Members with their organisation's name and type, read through the organisations domain. */
async function named(db: Executor, rows: MemberRecord[]): Promise<MemberRow[]> {
  if (rows.length === 0) return [];
  const organisations = new Map((await listOrganisations(db)).map((row) => [row.id, row]));
  return rows
    .map((row) => ({
      ...row,
      organisationName: organisations.get(row.organisationId)?.name ?? "Unknown organisation",
      organisationType: organisations.get(row.organisationId)?.type ?? "other",
    }))
    .sort((a, b) => a.organisationName.localeCompare(b.organisationName));
}

export async function listMembers(db: Executor, groupId: string): Promise<MemberRow[]> {
  return named(db, await db.select().from(groupMembers).where(eq(groupMembers.groupId, groupId)));
}

/** A member of this group only: an id from another nation's group is not found. */
export async function findMember(db: Executor, groupId: string, memberId: string): Promise<MemberRow | undefined> {
  const rows = await db
    .select()
    .from(groupMembers)
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.id, memberId)))
    .limit(1);
  return (await named(db, rows))[0];
}

export async function findMemberByOrganisation(
  db: Executor,
  groupId: string,
  organisationId: string,
): Promise<MemberRow | undefined> {
  const rows = await db
    .select()
    .from(groupMembers)
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.organisationId, organisationId)))
    .limit(1);
  return (await named(db, rows))[0];
}

export async function insertMember(db: Executor, values: typeof groupMembers.$inferInsert) {
  const [row] = await db.insert(groupMembers).values(values).onConflictDoNothing().returning();
  return row;
}

export async function updateMember(
  db: Executor,
  groupId: string,
  memberId: string,
  values: Partial<typeof groupMembers.$inferInsert>,
) {
  const [row] = await db
    .update(groupMembers)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.id, memberId)))
    .returning();
  return row;
}

export async function deleteMember(db: Executor, groupId: string, memberId: string) {
  const [row] = await db
    .delete(groupMembers)
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.id, memberId)))
    .returning();
  return row;
}
