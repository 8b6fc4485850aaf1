import { bigint, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organisations } from "../organisations/index.ts";
import { partnerships } from "../partnerships/index.ts";

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
    /** A strategy action this funds (strategy domain); no FK across domains yet. */
    strategyActionId: uuid("strategy_action_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("budget_contributions_unique").on(table.partnershipId, table.organisationId, table.financialYear, table.kind),
    index("budget_contributions_partnership_idx").on(table.partnershipId, table.financialYear),
  ],
);
