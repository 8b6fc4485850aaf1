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

/*
 * The multi-year funding plan (issue 15, item 5). Streams sit beside contributions rather than
 * replacing them: a contribution is one partner's money for one year, recorded as it is agreed,
 * and already linked to the actions it pays for; a stream is money planned across several years
 * (from a partner or from an outside funder) with its own terms — ring-fenced or flexible,
 * committed or indicative per year — which a contribution cannot express. The plan reads both:
 * an action a contribution funds in a year is funded that year, and the national share of
 * flexible and multi-year money counts contributions as one-year money whose flexibility is not
 * stated. Record a partner's money one way or the other, not both (the plan page says so).
 */
export const fundingStreams = pgTable(
  "funding_streams",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** A member organisation, or else the named external funder below. */
    sourceOrganisationId: uuid("source_organisation_id").references(() => organisations.id),
    externalFunder: text("external_funder").notNull().default(""),
    /** pooled | aligned */
    kind: text("kind").notNull(),
    /** flexible | ring-fenced */
    flexibility: text("flexibility").notNull(),
    /** "2025/26" */
    firstYear: text("first_year").notNull(),
    lastYear: text("last_year").notNull(),
    conditions: text("conditions").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("funding_streams_partnership_idx").on(table.partnershipId)],
);

/** What a stream brings in each of its years, and whether that is committed or indicative. */
export const fundingStreamYears = pgTable(
  "funding_stream_years",
  {
    streamId: uuid("stream_id")
      .notNull()
      .references(() => fundingStreams.id, { onDelete: "cascade" }),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    financialYear: text("financial_year").notNull(),
    amountPence: bigint("amount_pence", { mode: "number" }).notNull(),
    /** committed | indicative */
    status: text("status").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.streamId, table.financialYear] }),
    index("funding_stream_years_partnership_idx").on(table.partnershipId, table.financialYear),
  ],
);

/** Money from a stream given to one of the partnership's actions for one financial year. */
export const fundingAllocations = pgTable(
  "funding_allocations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    streamId: uuid("stream_id")
      .notNull()
      .references(() => fundingStreams.id, { onDelete: "cascade" }),
    actionId: uuid("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    financialYear: text("financial_year").notNull(),
    amountPence: bigint("amount_pence", { mode: "number" }).notNull(),
    /** committed | indicative */
    status: text("status").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("funding_allocations_unique").on(table.streamId, table.actionId, table.financialYear),
    index("funding_allocations_partnership_idx").on(table.partnershipId, table.financialYear),
  ],
);
