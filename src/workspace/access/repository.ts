import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import type { Nation, PartnershipRole } from "../../kernel/auth/policy.ts";
import { organisations } from "../organisations/index.ts";
import { partnerships } from "../partnerships/index.ts";
import { coordinatorNations, invitations, partnershipRoles, users } from "./tables.ts";

export type UserRow = typeof users.$inferSelect;

export async function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`).limit(1);
  return row;
}

export async function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export async function insertUser(
  db: Executor,
  values: {
    email: string;
    name: string;
    organisationId: string;
    passwordHash: string | null;
    status: string;
    isPlatformAdmin?: boolean;
  },
): Promise<UserRow> {
  const [row] = await db.insert(users).values(values).returning();
  return row!;
}

export async function updateUser(
  db: Executor,
  id: string,
  values: Partial<typeof users.$inferInsert>,
): Promise<UserRow> {
  const [row] = await db
    .update(users)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning();
  return row!;
}

export interface UserListItem {
  id: string;
  email: string;
  name: string;
  status: string;
  isPlatformAdmin: boolean;
  organisationName: string;
  lastSignInAt: Date | null;
}

export async function listUsers(db: Executor): Promise<UserListItem[]> {
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      status: users.status,
      isPlatformAdmin: users.isPlatformAdmin,
      organisationName: organisations.name,
      lastSignInAt: users.lastSignInAt,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .orderBy(asc(users.name));
}

export async function listCoordinatorNations(db: Executor, userId: string): Promise<Nation[]> {
  const rows = await db.select().from(coordinatorNations).where(eq(coordinatorNations.userId, userId));
  return rows.map((row) => row.nation as Nation);
}

export async function addCoordinatorNation(db: Executor, userId: string, nation: Nation): Promise<void> {
  await db.insert(coordinatorNations).values({ userId, nation }).onConflictDoNothing();
}

export async function removeCoordinatorNation(db: Executor, userId: string, nation: Nation): Promise<boolean> {
  const removed = await db
    .delete(coordinatorNations)
    .where(and(eq(coordinatorNations.userId, userId), eq(coordinatorNations.nation, nation)))
    .returning();
  return removed.length > 0;
}

export interface RoleRow {
  userId: string;
  partnershipId: string;
  partnershipName: string;
  role: PartnershipRole;
}

export async function listRolesForUser(db: Executor, userId: string): Promise<RoleRow[]> {
  const rows = await db
    .select({
      userId: partnershipRoles.userId,
      partnershipId: partnershipRoles.partnershipId,
      partnershipName: partnerships.name,
      role: partnershipRoles.role,
    })
    .from(partnershipRoles)
    .innerJoin(partnerships, eq(partnerships.id, partnershipRoles.partnershipId))
    .where(eq(partnershipRoles.userId, userId))
    .orderBy(asc(partnerships.name));
  return rows.map((row) => ({ ...row, role: row.role as PartnershipRole }));
}

export interface PersonInPartnership {
  userId: string;
  name: string;
  email: string;
  organisationName: string;
  role: PartnershipRole;
  status: string;
}

export async function listPeopleInPartnership(db: Executor, partnershipId: string): Promise<PersonInPartnership[]> {
  const rows = await db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      organisationName: organisations.name,
      role: partnershipRoles.role,
      status: users.status,
    })
    .from(partnershipRoles)
    .innerJoin(users, eq(users.id, partnershipRoles.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(partnershipRoles.partnershipId, partnershipId))
    .orderBy(asc(users.name));
  return rows.map((row) => ({ ...row, role: row.role as PartnershipRole }));
}

export async function findRole(
  db: Executor,
  userId: string,
  partnershipId: string,
): Promise<PartnershipRole | undefined> {
  const [row] = await db
    .select({ role: partnershipRoles.role })
    .from(partnershipRoles)
    .where(and(eq(partnershipRoles.userId, userId), eq(partnershipRoles.partnershipId, partnershipId)))
    .limit(1);
  return row?.role as PartnershipRole | undefined;
}

export async function upsertRole(
  db: Executor,
  userId: string,
  partnershipId: string,
  role: PartnershipRole,
): Promise<void> {
  await db
    .insert(partnershipRoles)
    .values({ userId, partnershipId, role })
    .onConflictDoUpdate({
      target: [partnershipRoles.userId, partnershipRoles.partnershipId],
      set: { role, grantedAt: new Date() },
    });
}

export async function deleteRole(db: Executor, userId: string, partnershipId: string): Promise<void> {
  await db
    .delete(partnershipRoles)
    .where(and(eq(partnershipRoles.userId, userId), eq(partnershipRoles.partnershipId, partnershipId)));
}

export async function insertInvitation(
  db: Executor,
  values: { userId: string; tokenHash: string; invitedBy: string | null; expiresAt: Date },
): Promise<void> {
  await db.insert(invitations).values(values);
}

export async function findLiveInvitation(db: Executor, tokenHash: string) {
  const [row] = await db
    .select({ invitation: invitations, user: users })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.userId))
    .where(
      and(
        eq(invitations.tokenHash, tokenHash),
        sql`${invitations.acceptedAt} is null`,
        sql`${invitations.expiresAt} > now()`,
      ),
    )
    .limit(1);
  return row;
}

export async function markInvitationAccepted(db: Executor, id: string): Promise<void> {
  await db.update(invitations).set({ acceptedAt: new Date() }).where(eq(invitations.id, id));
}

export async function pendingInvitationFor(db: Executor, userId: string) {
  const [row] = await db
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.userId, userId),
        sql`${invitations.acceptedAt} is null`,
        sql`${invitations.expiresAt} > now()`,
      ),
    )
    .limit(1);
  return row;
}

export async function findInvitationByHash(db: Executor, tokenHash: string) {
  const [row] = await db
    .select({ invitation: invitations, user: users })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.userId))
    .where(eq(invitations.tokenHash, tokenHash))
    .limit(1);
  return row;
}

/** A new link replaces any earlier one that has not been used. */
export async function deletePendingInvitations(db: Executor, userId: string): Promise<number> {
  const removed = await db
    .delete(invitations)
    .where(and(eq(invitations.userId, userId), sql`${invitations.acceptedAt} is null`))
    .returning({ id: invitations.id });
  return removed.length;
}

export async function countLeads(db: Executor, partnershipId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(partnershipRoles)
    .where(and(eq(partnershipRoles.partnershipId, partnershipId), eq(partnershipRoles.role, "lead")));
  return Number(row?.count ?? 0);
}

export async function findPersonInPartnership(db: Executor, partnershipId: string, userId: string) {
  const people = await db
    .select({ userId: users.id, name: users.name, email: users.email, role: partnershipRoles.role })
    .from(partnershipRoles)
    .innerJoin(users, eq(users.id, partnershipRoles.userId))
    .where(and(eq(partnershipRoles.partnershipId, partnershipId), eq(partnershipRoles.userId, userId)))
    .limit(1);
  const [row] = people;
  return row ? { ...row, role: row.role as PartnershipRole } : undefined;
}
