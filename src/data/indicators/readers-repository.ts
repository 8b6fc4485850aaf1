/** The named readers of restricted indicators (indicator_readers). */
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import { indicatorReaders, indicators } from "./tables.ts";

export type ReaderRow = typeof indicatorReaders.$inferSelect;

export async function readersOf(db: Executor, indicatorIds: readonly number[]): Promise<ReaderRow[]> {
  if (indicatorIds.length === 0) return [];
  return db
    .select()
    .from(indicatorReaders)
    .where(inArray(indicatorReaders.indicatorId, [...indicatorIds]));
}

/** Sets an indicator's tier and, for a restricted one, replaces its readers, in one transaction. */
export async function saveTier(
  db: Executor,
  indicatorId: number,
  tier: string,
  readers: { userIds: readonly string[]; organisationIds: readonly string[]; agreementId: string | null },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(indicators).set({ accessTier: tier, updatedAt: new Date() }).where(eq(indicators.id, indicatorId));
    await tx.delete(indicatorReaders).where(and(eq(indicatorReaders.indicatorId, indicatorId)));
    const rows = [
      ...readers.userIds.map((userId) => ({ indicatorId, userId, agreementId: readers.agreementId })),
      ...readers.organisationIds.map((organisationId) => ({
        indicatorId,
        organisationId,
        agreementId: readers.agreementId,
      })),
    ];
    if (rows.length) await tx.insert(indicatorReaders).values(rows);
  });
}
