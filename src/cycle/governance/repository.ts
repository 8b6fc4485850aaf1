import { asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import { organisations } from "../../workspace/organisations/index.ts";
import { partnershipMembers } from "../../workspace/partnerships/index.ts";
import { partnershipGovernance } from "./tables.ts";

export type GovernanceRow = typeof partnershipGovernance.$inferSelect;
export type GovernanceValues = Omit<typeof partnershipGovernance.$inferInsert, "partnershipId" | "updatedAt">;

export async function findGovernance(db: Executor, partnershipId: string): Promise<GovernanceRow | undefined> {
  const [row] = await db
    .select()
    .from(partnershipGovernance)
    .where(eq(partnershipGovernance.partnershipId, partnershipId))
    .limit(1);
  return row;
}

export async function upsertGovernance(
  db: Executor,
  partnershipId: string,
  values: GovernanceValues,
): Promise<GovernanceRow> {
  const [row] = await db
    .insert(partnershipGovernance)
    .values({ ...values, partnershipId })
    .onConflictDoUpdate({ target: partnershipGovernance.partnershipId, set: { ...values, updatedAt: new Date() } })
    .returning();
  return row!;
}

export async function listGovernance(db: Executor, partnershipIds: string[]): Promise<GovernanceRow[]> {
  if (partnershipIds.length === 0) return [];
  return db.select().from(partnershipGovernance).where(inArray(partnershipGovernance.partnershipId, partnershipIds));
}

export interface MemberOrganisationRow {
  partnershipId: string;
  organisationId: string;
  name: string;
  type: string;
  role: string;
}

/** Member organisations (partnerships domain's table joined to organisations) for one or many partnerships. */
export async function listMemberOrganisations(
  db: Executor,
  partnershipIds: string[],
): Promise<MemberOrganisationRow[]> {
  if (partnershipIds.length === 0) return [];
  return db
    .select({
      partnershipId: partnershipMembers.partnershipId,
      organisationId: organisations.id,
      name: organisations.name,
      type: organisations.type,
      role: partnershipMembers.role,
    })
    .from(partnershipMembers)
    .innerJoin(organisations, eq(organisations.id, partnershipMembers.organisationId))
    .where(inArray(partnershipMembers.partnershipId, partnershipIds))
    .orderBy(asc(organisations.name));
}
