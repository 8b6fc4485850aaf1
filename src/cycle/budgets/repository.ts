import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import { organisations } from "../../workspace/organisations/index.ts";
import { budgetContributionActions, budgetContributions } from "./tables.ts";

export type ContributionRow = typeof budgetContributions.$inferSelect;

export function listContributions(db: Executor, partnershipId: string) {
  return db
    .select({
      id: budgetContributions.id,
      organisationId: budgetContributions.organisationId,
      organisationName: organisations.name,
      financialYear: budgetContributions.financialYear,
      kind: budgetContributions.kind,
      amountPence: budgetContributions.amountPence,
      funds: budgetContributions.funds,
    })
    .from(budgetContributions)
    .innerJoin(organisations, eq(organisations.id, budgetContributions.organisationId))
    .where(eq(budgetContributions.partnershipId, partnershipId))
    .orderBy(asc(budgetContributions.financialYear), asc(organisations.name), asc(budgetContributions.kind));
}
export type ContributionListItem = Awaited<ReturnType<typeof listContributions>>[number];

export async function findContribution(
  db: Executor,
  partnershipId: string,
  id: string,
): Promise<ContributionRow | undefined> {
  const [row] = await db
    .select()
    .from(budgetContributions)
    .where(and(eq(budgetContributions.id, id), eq(budgetContributions.partnershipId, partnershipId)))
    .limit(1);
  return row;
}

export async function findDuplicate(
  db: Executor,
  values: { partnershipId: string; organisationId: string; financialYear: string; kind: string },
) {
  const [row] = await db
    .select({ id: budgetContributions.id })
    .from(budgetContributions)
    .where(
      and(
        eq(budgetContributions.partnershipId, values.partnershipId),
        eq(budgetContributions.organisationId, values.organisationId),
        eq(budgetContributions.financialYear, values.financialYear),
        eq(budgetContributions.kind, values.kind),
      ),
    )
    .limit(1);
  return row;
}

export async function insertContribution(
  db: Executor,
  values: typeof budgetContributions.$inferInsert,
): Promise<ContributionRow> {
  const [row] = await db.insert(budgetContributions).values(values).returning();
  return row!;
}

export async function deleteContribution(db: Executor, partnershipId: string, id: string): Promise<boolean> {
  const removed = await db
    .delete(budgetContributions)
    .where(and(eq(budgetContributions.id, id), eq(budgetContributions.partnershipId, partnershipId)))
    .returning({ id: budgetContributions.id });
  return removed.length > 0;
}

export async function insertContributionActions(
  db: Executor,
  partnershipId: string,
  contributionId: string,
  actionIds: string[],
): Promise<void> {
  if (actionIds.length === 0) return;
  await db
    .insert(budgetContributionActions)
    .values(actionIds.map((actionId) => ({ partnershipId, contributionId, actionId })));
}

/** contribution id -> the action ids it funds, for one partnership. */
export async function contributionActions(db: Executor, partnershipId: string): Promise<Map<string, string[]>> {
  const rows = await db
    .select({ contributionId: budgetContributionActions.contributionId, actionId: budgetContributionActions.actionId })
    .from(budgetContributionActions)
    .where(eq(budgetContributionActions.partnershipId, partnershipId));
  const map = new Map<string, string[]>();
  for (const row of rows) map.set(row.contributionId, [...(map.get(row.contributionId) ?? []), row.actionId]);
  return map;
}

/** The contributions that fund one action (for the action's page). */
export function contributionsFunding(db: Executor, partnershipId: string, actionId: string) {
  return db
    .select({
      organisationName: organisations.name,
      financialYear: budgetContributions.financialYear,
      kind: budgetContributions.kind,
      amountPence: budgetContributions.amountPence,
    })
    .from(budgetContributionActions)
    .innerJoin(budgetContributions, eq(budgetContributions.id, budgetContributionActions.contributionId))
    .innerJoin(organisations, eq(organisations.id, budgetContributions.organisationId))
    .where(
      and(eq(budgetContributionActions.partnershipId, partnershipId), eq(budgetContributionActions.actionId, actionId)),
    )
    .orderBy(asc(budgetContributions.financialYear), asc(organisations.name));
}
