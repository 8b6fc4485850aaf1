import type { Actor } from "../../kernel/auth/policy.ts";
import type { Executor } from "../../kernel/db/database.ts";
import type { ActionMention } from "../actions/index.ts";
import { formatPounds } from "../../kernel/money.ts";
import { contributionsFunding } from "./repository.ts";
import { kindLabels } from "./schemas.ts";

/** The budget contributions that fund an action, for its page (same readers as the budgets page). */
export async function budgetMentions(
  db: Executor,
  _actor: Actor | null,
  partnershipId: string,
  actionId: string,
): Promise<ActionMention[]> {
  const rows = await contributionsFunding(db, partnershipId, actionId);
  return rows.map((row) => ({
    kind: "Funded by",
    text: `${row.organisationName}, ${row.financialYear}, ${kindLabels[row.kind as keyof typeof kindLabels] ?? row.kind}, ${formatPounds(row.amountPence)}`,
    href: `/partnerships/${partnershipId}/budgets`,
  }));
}
