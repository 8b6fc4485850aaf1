import { bigint, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { actions } from "../actions/index.ts";
import { organisations } from "../../workspace/organisations/index.ts";
import { partnerships } from "../../workspace/partnerships/index.ts";

/** A partner's contribution for one financial year; money in integer pence, never floats. */
export const budgetContributions = pgTable(
  "budget_contributions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    /** "2025/26": 1 April 2025 to 31 March 2026. */
    financialYear: text("financial_year").notNull(),
    /** pooled | aligned */
    kind: text("kind").notNull(),
    amountPence: bigint("amount_pence", { mode: "number" }).notNull(),
    funds: text("funds").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("budget_contributions_unique").on(
      table.partnershipId,
      table.organisationId,
      table.financialYear,
      table.kind,
    ),
    index("budget_contributions_partnership_idx").on(table.partnershipId, table.financialYear),
  ],
);

/** The partnership's own actions a contribution funds (many to many). */
export const budgetContributionActions = pgTable(
  "budget_contribution_actions",
  {
    contributionId: uuid("contribution_id")
      .notNull()
      .references(() => budgetContributions.id, { onDelete: "cascade" }),
    actionId: uuid("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
  },
  (table) => [
    primaryKey({ columns: [table.contributionId, table.actionId] }),
    index("budget_contribution_actions_action_idx").on(table.partnershipId, table.actionId),
  ],
);
