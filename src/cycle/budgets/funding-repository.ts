import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import { findOrganisation } from "../../workspace/organisations/index.ts";
import type { Flexibility, FundingStatus, PlanStreamInput } from "./funding-plan.ts";
import {
  budgetContributionActions,
  budgetContributions,
  fundingAllocations,
  fundingStreams,
  fundingStreamYears,
} from "./tables.ts";

export type StreamRow = typeof fundingStreams.$inferSelect;
export type AllocationRow = typeof fundingAllocations.$inferSelect;

export interface StreamWithYears extends PlanStreamInput {
  kind: string;
  sourceOrganisationId: string | null;
  sourceName: string;
  externalFunder: string;
  conditions: string;
}

/** A partnership's streams (or several partnerships', for the national view) with their years. */
export async function listStreams(
  db: Executor,
  partnershipIds: string[],
): Promise<(StreamWithYears & { partnershipId: string })[]> {
  if (partnershipIds.length === 0) return [];
  const [streams, years] = await Promise.all([
    db
      .select()
      .from(fundingStreams)
      .where(inArray(fundingStreams.partnershipId, partnershipIds))
      .orderBy(asc(fundingStreams.firstYear), asc(fundingStreams.name)),
    db
      .select()
      .from(fundingStreamYears)
      .where(inArray(fundingStreamYears.partnershipId, partnershipIds))
      .orderBy(asc(fundingStreamYears.financialYear)),
  ]);
  // Source organisations through their own domain: a handful per page, each looked up once.
  const sourceIds = [...new Set(streams.flatMap((stream) => stream.sourceOrganisationId ?? []))];
  const names = new Map(
    await Promise.all(sourceIds.map(async (id) => [id, (await findOrganisation(db, id))?.name ?? ""] as const)),
  );
  return streams.map((stream) => ({
    ...stream,
    flexibility: stream.flexibility as Flexibility,
    sourceName: (stream.sourceOrganisationId && names.get(stream.sourceOrganisationId)) || stream.externalFunder,
    years: years
      .filter((year) => year.streamId === stream.id)
      .map((year) => ({ ...year, amountPence: Number(year.amountPence), status: year.status as FundingStatus })),
  }));
}

export async function findStream(db: Executor, partnershipId: string, id: string) {
  return (await listStreams(db, [partnershipId])).find((stream) => stream.id === id);
}

export async function insertStream(
  db: Executor,
  values: typeof fundingStreams.$inferInsert,
  years: { financialYear: string; amountPence: number; status: string }[],
): Promise<StreamRow> {
  const [row] = await db.insert(fundingStreams).values(values).returning();
  await db
    .insert(fundingStreamYears)
    .values(years.map((year) => ({ ...year, streamId: row!.id, partnershipId: values.partnershipId })));
  return row!;
}

export async function deleteStream(db: Executor, partnershipId: string, id: string): Promise<boolean> {
  const removed = await db
    .delete(fundingStreams)
    .where(and(eq(fundingStreams.id, id), eq(fundingStreams.partnershipId, partnershipId)))
    .returning({ id: fundingStreams.id });
  return removed.length > 0;
}

export async function listAllocations(db: Executor, partnershipId: string) {
  const rows = await db
    .select()
    .from(fundingAllocations)
    .where(eq(fundingAllocations.partnershipId, partnershipId))
    .orderBy(asc(fundingAllocations.financialYear), asc(fundingAllocations.createdAt));
  return rows.map((row) => ({ ...row, amountPence: Number(row.amountPence), status: row.status as FundingStatus }));
}

export async function findAllocation(db: Executor, partnershipId: string, streamId: string, id: string) {
  const [row] = await db
    .select()
    .from(fundingAllocations)
    .where(
      and(
        eq(fundingAllocations.id, id),
        eq(fundingAllocations.streamId, streamId),
        eq(fundingAllocations.partnershipId, partnershipId),
      ),
    )
    .limit(1);
  return row ? { ...row, amountPence: Number(row.amountPence) } : undefined;
}

export async function findAllocationFor(
  db: Executor,
  key: { streamId: string; actionId: string; financialYear: string },
): Promise<{ id: string } | undefined> {
  const [row] = await db
    .select({ id: fundingAllocations.id })
    .from(fundingAllocations)
    .where(
      and(
        eq(fundingAllocations.streamId, key.streamId),
        eq(fundingAllocations.actionId, key.actionId),
        eq(fundingAllocations.financialYear, key.financialYear),
      ),
    )
    .limit(1);
  return row;
}

export async function insertAllocation(
  db: Executor,
  values: typeof fundingAllocations.$inferInsert,
): Promise<AllocationRow> {
  const [row] = await db.insert(fundingAllocations).values(values).returning();
  return row!;
}

export async function deleteAllocation(db: Executor, partnershipId: string, id: string): Promise<boolean> {
  const removed = await db
    .delete(fundingAllocations)
    .where(and(eq(fundingAllocations.id, id), eq(fundingAllocations.partnershipId, partnershipId)))
    .returning({ id: fundingAllocations.id });
  return removed.length > 0;
}

/** Contribution amounts per partnership for one financial year (the national share's one-year money). */
export async function contributionAmounts(
  db: Executor,
  partnershipIds: string[],
  financialYear: string,
): Promise<Map<string, number[]>> {
  const result = new Map<string, number[]>();
  if (partnershipIds.length === 0) return result;
  const rows = await db
    .select({ partnershipId: budgetContributions.partnershipId, amountPence: budgetContributions.amountPence })
    .from(budgetContributions)
    .where(
      and(
        inArray(budgetContributions.partnershipId, partnershipIds),
        eq(budgetContributions.financialYear, financialYear),
      ),
    );
  for (const row of rows)
    result.set(row.partnershipId, [...(result.get(row.partnershipId) ?? []), Number(row.amountPence)]);
  return result;
}

/** "actionId financialYear" for every action a contribution funds, for the plan's gap check. */
export async function contributionFundedYears(db: Executor, partnershipId: string): Promise<Set<string>> {
  const rows = await db
    .select({ actionId: budgetContributionActions.actionId, financialYear: budgetContributions.financialYear })
    .from(budgetContributionActions)
    .innerJoin(budgetContributions, eq(budgetContributions.id, budgetContributionActions.contributionId))
    .where(eq(budgetContributionActions.partnershipId, partnershipId));
  return new Set(rows.map((row) => `${row.actionId} ${row.financialYear}`));
}

/** The allocations that fund one action, with their streams' names (for the action's page). */
export function allocationsFunding(db: Executor, partnershipId: string, actionId: string) {
  return db
    .select({
      streamName: fundingStreams.name,
      financialYear: fundingAllocations.financialYear,
      amountPence: fundingAllocations.amountPence,
      status: fundingAllocations.status,
    })
    .from(fundingAllocations)
    .innerJoin(fundingStreams, eq(fundingStreams.id, fundingAllocations.streamId))
    .where(and(eq(fundingAllocations.partnershipId, partnershipId), eq(fundingAllocations.actionId, actionId)))
    .orderBy(asc(fundingAllocations.financialYear), asc(fundingStreams.name));
}
