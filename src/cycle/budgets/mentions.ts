import type { Actor } from "../../kernel/auth/policy.ts";
import type { Executor } from "../../kernel/db/database.ts";
import type { ActionMention } from "../actions/index.ts";
import { formatPounds } from "../../kernel/money.ts";
import { allocationsFunding } from "./funding-repository.ts";
import { statusLabels } from "./funding-schemas.ts";
import { budgetPaths } from "./paths.ts";
import { contributionsFunding } from "./repository.ts";
import { kindLabels } from "./schemas.ts";

/** The budget contributions and funding-plan allocations that fund an action, for its page (same readers as the budgets pages). */
export async function budgetMentions(
  db: Executor,
  _actor: Actor | null,
  partnershipId: string,
  actionId: string,
): Promise<ActionMention[]> {
  const [rows, allocations] = await Promise.all([
    contributionsFunding(db, partnershipId, actionId),
    allocationsFunding(db, partnershipId, actionId),
  ]);
  return [
    ...rows.map((row) => ({
      kind: "Funded by",
      text: `${row.organisationName}, ${row.financialYear}, ${kindLabels[row.kind as keyof typeof kindLabels] ?? row.kind}, ${formatPounds(row.amountPence)}`,
      href: budgetPaths.list(partnershipId),
    })),
    ...allocations.map((row) => ({
      kind: "Funded by",
      text: `${row.streamName}, ${row.financialYear}, ${statusLabels[row.status as keyof typeof statusLabels] ?? row.status}, ${formatPounds(Number(row.amountPence))}`,
      href: budgetPaths.plan(partnershipId),
    })),
  ];
}
