import { eq, lt, sql } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import { oidcLoginTransactions, organisationSignInPolicies, users } from "./tables.ts";

export type LoginTransaction = typeof oidcLoginTransactions.$inferSelect;

export async function insertLoginTransaction(
  db: Executor,
  row: typeof oidcLoginTransactions.$inferInsert,
): Promise<void> {
  await db.insert(oidcLoginTransactions).values(row);
}

/** Deletes and returns the started sign-in: whoever deletes it first is the only one to use it. */
export async function takeLoginTransaction(db: Executor, stateHash: string): Promise<LoginTransaction | undefined> {
  const [row] = await db
    .delete(oidcLoginTransactions)
    .where(eq(oidcLoginTransactions.stateHash, stateHash))
    .returning();
  return row;
}

export async function purgeExpiredLoginTransactions(db: Executor): Promise<void> {
  await db.delete(oidcLoginTransactions).where(lt(oidcLoginTransactions.expiresAt, sql`now()`));
}

export async function ssoRequiredFor(db: Executor, organisationId: string): Promise<boolean> {
  const [row] = await db
    .select({ required: organisationSignInPolicies.ssoRequired })
    .from(organisationSignInPolicies)
    .where(eq(organisationSignInPolicies.organisationId, organisationId))
    .limit(1);
  return row?.required ?? false;
}

export async function ssoRequiredOrganisations(db: Executor): Promise<Set<string>> {
  const rows = await db
    .select({ organisationId: organisationSignInPolicies.organisationId })
    .from(organisationSignInPolicies)
    .where(eq(organisationSignInPolicies.ssoRequired, true));
  return new Set(rows.map((row) => row.organisationId));
}

export async function upsertSignInPolicy(
  db: Executor,
  organisationId: string,
  ssoRequired: boolean,
  updatedBy: string | null,
): Promise<void> {
  await db
    .insert(organisationSignInPolicies)
    .values({ organisationId, ssoRequired, updatedBy })
    .onConflictDoUpdate({
      target: organisationSignInPolicies.organisationId,
      set: { ssoRequired, updatedBy, updatedAt: new Date() },
    });
}

/** The people of an organisation (any status): whose sessions end when it must use single sign-on. */
export async function userIdsOfOrganisation(db: Executor, organisationId: string): Promise<string[]> {
  const rows = await db.select({ id: users.id }).from(users).where(eq(users.organisationId, organisationId));
  return rows.map((row) => row.id);
}
