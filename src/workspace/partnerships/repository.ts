import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import type { Nation } from "../../kernel/auth/policy.ts";
import { organisations } from "../organisations/index.ts";
import { partnershipMembers, partnerships } from "./tables.ts";

export type PartnershipRow = typeof partnerships.$inferSelect;

export async function findPartnershipByName(db: Executor, name: string): Promise<PartnershipRow | undefined> {
  const [row] = await db
    .select()
    .from(partnerships)
    .where(sql`lower(${partnerships.name}) = ${name.trim().toLowerCase()}`)
    .limit(1);
  return row;
}

export async function findPartnership(db: Executor, id: string): Promise<PartnershipRow | undefined> {
  const [row] = await db.select().from(partnerships).where(eq(partnerships.id, id)).limit(1);
  return row;
}

/**
 * Reads a partnership and locks its row until the transaction ends, so rules that count
 * across its people (e.g. "at least one lead") are checked one change at a time.
 */
export async function lockPartnership(db: Executor, id: string): Promise<PartnershipRow | undefined> {
  const [row] = await db.select().from(partnerships).where(eq(partnerships.id, id)).limit(1).for("update");
  return row;
}

/** Partnerships visible through explicit roles or nation-wide coordination. */
export async function listPartnershipsWhere(
  db: Executor,
  filter: { all?: boolean; ids?: string[]; nations?: readonly Nation[] },
): Promise<PartnershipRow[]> {
  const conditions = [];
  if (filter.ids?.length) conditions.push(inArray(partnerships.id, filter.ids));
  if (filter.nations?.length) conditions.push(inArray(partnerships.nation, [...filter.nations]));
  if (!filter.all && conditions.length === 0) return [];
  const query = db.select().from(partnerships);
  const where = filter.all ? undefined : or(...conditions);
  return (where ? query.where(where) : query).orderBy(asc(partnerships.name));
}

export async function insertPartnership(
  db: Executor,
  values: typeof partnerships.$inferInsert,
): Promise<PartnershipRow> {
  const [row] = await db.insert(partnerships).values(values).returning();
  return row!;
}

export async function updatePartnership(
  db: Executor,
  id: string,
  values: Partial<typeof partnerships.$inferInsert>,
): Promise<PartnershipRow> {
  const [row] = await db
    .update(partnerships)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(partnerships.id, id))
    .returning();
  return row!;
}

export interface MemberOrganisation {
  organisationId: string;
  name: string;
  type: string;
  role: string;
  joinedAt: Date;
}

export async function listMembers(db: Executor, partnershipId: string): Promise<MemberOrganisation[]> {
  return db
    .select({
      organisationId: organisations.id,
      name: organisations.name,
      type: organisations.type,
      role: partnershipMembers.role,
      joinedAt: partnershipMembers.joinedAt,
    })
    .from(partnershipMembers)
    .innerJoin(organisations, eq(organisations.id, partnershipMembers.organisationId))
    .where(eq(partnershipMembers.partnershipId, partnershipId))
    .orderBy(asc(organisations.name));
}

export async function insertMember(db: Executor, values: typeof partnershipMembers.$inferInsert): Promise<boolean> {
  const inserted = await db.insert(partnershipMembers).values(values).onConflictDoNothing().returning();
  return inserted.length > 0;
}

export async function findMember(db: Executor, partnershipId: string, organisationId: string) {
  const [row] = await db
    .select()
    .from(partnershipMembers)
    .where(
      and(eq(partnershipMembers.partnershipId, partnershipId), eq(partnershipMembers.organisationId, organisationId)),
    )
    .limit(1);
  return row;
}

export async function deleteMember(db: Executor, partnershipId: string, organisationId: string): Promise<boolean> {
  const removed = await db
    .delete(partnershipMembers)
    .where(
      sql`${partnershipMembers.partnershipId} = ${partnershipId} and ${partnershipMembers.organisationId} = ${organisationId}`,
    )
    .returning();
  return removed.length > 0;
}
