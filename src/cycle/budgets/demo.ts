import type { Executor } from "../../kernel/db/database.ts";
import { actionChoices } from "../actions/index.ts";
import { financialYearLabel, financialYearStart, londonToday } from "../../kernel/time.ts";
import { insertAllocation, insertStream } from "./funding-repository.ts";
import { insertContribution, insertContributionActions } from "./repository.ts";

/** Fictional contributions for the demo: this and last financial year, pooled and aligned. */
export async function seedBudgetsDemo(
  db: Executor,
  partnershipId: string,
  memberOrganisationIds: string[],
  today = londonToday(),
): Promise<void> {
  const thisYear = financialYearLabel(financialYearStart(today));
  const lastYear = financialYearLabel(financialYearStart(today) - 1);
  const amounts = [7_500_000, 2_500_000, 1_200_000, 450_000];
  // Pooled money funds the first actions of the plan (when the strategy has been seeded).
  const funded = (await actionChoices(db, partnershipId)).slice(0, 2).map((choice) => choice.id);
  for (const [index, organisationId] of memberOrganisationIds.slice(0, 4).entries()) {
    for (const financialYear of [lastYear, thisYear]) {
      const row = await insertContribution(db, {
        partnershipId,
        organisationId,
        financialYear,
        kind: index < 2 ? "pooled" : "aligned",
        amountPence: amounts[index]! + (financialYear === thisYear ? 250_000 : 0),
        funds:
          index < 2
            ? "Welfare rights advisers and the family income maximisation service"
            : "Staff time aligned to the action plan",
      });
      if (index < 2) await insertContributionActions(db, partnershipId, row.id, funded);
    }
  }
  await seedFundingPlanDemo(db, partnershipId, memberOrganisationIds, today);
}

const pounds = (value: number) => value * 100;

/**
 * A fictional three-year funding plan: last, this and next financial year. A flexible pooled
 * stream from an outside funder carries unallocated money forward; a ring-fenced aligned stream
 * from a partner lapses what it does not allocate, and is over-allocated in its second year (the
 * gap). Amounts for the later years are partly indicative, as real plans are.
 */
export async function seedFundingPlanDemo(
  db: Executor,
  partnershipId: string,
  memberOrganisationIds: string[],
  today = londonToday(),
): Promise<void> {
  const start = financialYearStart(today) - 1;
  const [y1, y2, y3] = [start, start + 1, start + 2].map(financialYearLabel) as [string, string, string];
  const [first, second, third] = await actionChoices(db, partnershipId);
  if (!first || !second || !third || memberOrganisationIds.length === 0) return;
  const flexible = await insertStream(
    db,
    {
      partnershipId,
      name: "Family wellbeing fund (fictional)",
      externalFunder: "Northfield Community Foundation (fictional)",
      kind: "pooled",
      flexibility: "flexible",
      firstYear: y1,
      lastYear: y3,
      conditions: "Early help for families with children; a yearly summary of spend and reach, no quarterly returns.",
    },
    [
      { financialYear: y1, amountPence: pounds(150_000), status: "committed" },
      { financialYear: y2, amountPence: pounds(150_000), status: "committed" },
      { financialYear: y3, amountPence: pounds(120_000), status: "indicative" },
    ],
  );
  const ringFenced = await insertStream(
    db,
    {
      partnershipId,
      name: "Parental employability grant (fictional)",
      sourceOrganisationId: memberOrganisationIds[0]!,
      kind: "aligned",
      flexibility: "ring-fenced",
      firstYear: y1,
      lastYear: y3,
      conditions: "Only for parental employment support; quarterly claims with evidence of spend.",
    },
    [
      { financialYear: y1, amountPence: pounds(60_000), status: "committed" },
      { financialYear: y2, amountPence: pounds(60_000), status: "indicative" },
      { financialYear: y3, amountPence: pounds(60_000), status: "indicative" },
    ],
  );
  // Flexible: £30,000 left in the first year and £20,000 in the second carry forward; £10,000 lapses
  // after the third. Ring-fenced: £5,000 lapses in the first year; the second is £10,000 over.
  const allocations = [
    [flexible.id, first.id, y1, 120_000, "committed"],
    [flexible.id, first.id, y2, 100_000, "committed"],
    [flexible.id, second.id, y2, 60_000, "indicative"],
    [flexible.id, first.id, y3, 90_000, "indicative"],
    [flexible.id, second.id, y3, 40_000, "indicative"],
    [ringFenced.id, third.id, y1, 55_000, "committed"],
    [ringFenced.id, third.id, y2, 70_000, "indicative"],
    [ringFenced.id, third.id, y3, 60_000, "indicative"],
  ] as const;
  for (const [streamId, actionId, financialYear, amount, status] of allocations) {
    await insertAllocation(db, {
      partnershipId,
      streamId,
      actionId,
      financialYear,
      amountPence: pounds(amount),
      status,
    });
  }
}
