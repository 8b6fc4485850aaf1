import type { Executor } from "../../kernel/db/database.ts";
import { actionChoices } from "../actions/index.ts";
import { financialYearLabel, financialYearStart, londonToday } from "../../kernel/time.ts";
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
}
