import type { Executor } from "../../kernel/db/database.ts";
import { type FundingShare, fundingShare } from "./funding-plan.ts";
import { contributionAmounts, listStreams } from "./funding-repository.ts";

export type { FundingShare };

/**
 * Each partnership's share of flexible and of multi-year money in one financial year, for the
 * national view (national #3 of the Community Planning Improvement Board's programme: more
 * flexible, multi-year funding). Null for a partnership with nothing recorded for the year.
 */
export async function fundingShares(
  db: Executor,
  partnershipIds: string[],
  financialYear: string,
): Promise<Map<string, FundingShare | null>> {
  const [streams, contributions] = await Promise.all([
    listStreams(db, partnershipIds),
    contributionAmounts(db, partnershipIds, financialYear),
  ]);
  return new Map(
    partnershipIds.map((id) => [
      id,
      fundingShare(
        streams.filter((stream) => stream.partnershipId === id),
        contributions.get(id) ?? [],
        financialYear,
      ),
    ]),
  );
}
