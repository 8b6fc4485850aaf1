import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import { organisations } from "../organisations/index.ts";
import { budgetContributions } from "./tables.ts";

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
      strategyActionId: budgetContributions.strategyActionId,
    })
    .from(budgetContributions)
    .innerJoin(organisations, eq(organisations.id, budgetContributions.organisationId))
    .where(eq(budgetContributions.partnershipId, partnershipId))
    .orderBy(asc(budgetContributions.financialYear), asc(organisations.name), asc(budgetContributions.kind));
}
export type ContributionListItem = Awaited<ReturnType<typeof listContributions>>[number];

export async function findContribution(db: Executor, partnershipId: string, id: string): Promise<ContributionRow | undefined> {
  const [row] = await db
    .select()
    .from(budgetContributions)
    .where(and(eq(budgetContributions.id, id), eq(budgetContributions.partnershipId, partnershipId)))
    .limit(1);
  return row;
}

export async function findDuplicate(db: Executor, values: { partnershipId: string; organisationId: string; financialYear: string; kind: string }) {
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

export async function insertContribution(db: Executor, values: typeof budgetContributions.$inferInsert): Promise<ContributionRow> {
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
