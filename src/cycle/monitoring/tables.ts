import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { actions, type HistoryVersion } from "../actions/index.ts";
import { partnerships } from "../../workspace/partnerships/index.ts";

/**
 * Progress updates: every one is kept; the latest per action (and per period) is current. An update
 * can be corrected (its earlier text kept in action_update_versions) or withdrawn: a withdrawn update
 * stays in the history, marked, and no longer counts anywhere (latest state, dashboard, reports).
 */
export const actionUpdates = pgTable(
  "action_updates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    actionId: uuid("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    /** Reporting period, a quarter of a financial year: "2025/26 Q1". */
    period: text("period").notNull(),
    status: text("status").notNull(),
    reason: text("reason").notNull().default(""),
    percentComplete: integer("percent_complete").notNull(),
    narrative: text("narrative").notNull().default(""),
    spendToDatePence: bigint("spend_to_date_pence", { mode: "number" }),
    peopleReached: integer("people_reached"),
    familiesReached: integer("families_reached"),
    evidenceUrls: text("evidence_urls").array().notNull().default([]),
    createdBy: uuid("created_by"),
    createdByLabel: text("created_by_label").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    withdrawnBy: uuid("withdrawn_by"),
    withdrawnByLabel: text("withdrawn_by_label").notNull().default(""),
  },
  (table) => [
    index("action_updates_action_idx").on(table.partnershipId, table.actionId, table.createdAt),
    index("action_updates_period_idx").on(table.partnershipId, table.period),
  ],
);

/** What an update said before a correction: one row per edit, the text it replaced (as the action page shows it). */
export type UpdateVersionText = HistoryVersion["previous"];

export const actionUpdateVersions = pgTable(
  "action_update_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    updateId: uuid("update_id")
      .notNull()
      .references(() => actionUpdates.id, { onDelete: "cascade" }),
    /** The update as it was before this edit. */
    previous: jsonb("previous").$type<UpdateVersionText>().notNull(),
    editedBy: uuid("edited_by"),
    editedByLabel: text("edited_by_label").notNull().default(""),
    editedAt: timestamp("edited_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("action_update_versions_update_idx").on(table.partnershipId, table.updateId, table.editedAt)],
);
