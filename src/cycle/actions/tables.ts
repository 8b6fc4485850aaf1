import {
  bigint,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { organisations } from "../../workspace/organisations/index.ts";
import { partnerships } from "../../workspace/partnerships/index.ts";
import { strategyPriorities } from "../strategy/index.ts";

const partnershipRef = () =>
  uuid("partnership_id")
    .notNull()
    .references(() => partnerships.id, { onDelete: "cascade" });

export const actions = pgTable(
  "actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: partnershipRef(),
    /** The partnership's own short reference, e.g. "A12" (unique within the partnership when set). */
    reference: text("reference").notNull().default(""),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    leadOrganisationId: uuid("lead_organisation_id")
      .notNull()
      .references(() => organisations.id),
    startDate: date("start_date", { mode: "string" }),
    endDate: date("end_date", { mode: "string" }),
    /** Driver / sub-driver (Scotland) or building block (England) codes from vocabulary.ts. */
    drivers: text("drivers").array().notNull().default([]),
    familyTypes: text("family_types").array().notNull().default([]),
    incomeMaximisation: boolean("income_maximisation").notNull().default(false),
    protectedCharacteristics: boolean("protected_characteristics").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("actions_partnership_idx").on(table.partnershipId),
    index("actions_lead_idx").on(table.partnershipId, table.leadOrganisationId),
  ],
);

const actionRef = () =>
  uuid("action_id")
    .notNull()
    .references(() => actions.id, { onDelete: "cascade" });

export const actionPriorities = pgTable(
  "action_priorities",
  {
    actionId: actionRef(),
    priorityId: uuid("priority_id")
      .notNull()
      .references(() => strategyPriorities.id, { onDelete: "cascade" }),
    partnershipId: partnershipRef(),
  },
  (table) => [
    primaryKey({ columns: [table.actionId, table.priorityId] }),
    index("action_priorities_priority_idx").on(table.priorityId),
  ],
);

export const actionPartners = pgTable(
  "action_partners",
  {
    actionId: actionRef(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    partnershipId: partnershipRef(),
  },
  (table) => [primaryKey({ columns: [table.actionId, table.organisationId] })],
);

export const actionBudgets = pgTable(
  "action_budgets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: partnershipRef(),
    actionId: actionRef(),
    /** "2025/26" */
    financialYear: text("financial_year").notNull(),
    amountPence: bigint("amount_pence", { mode: "number" }).notNull(),
    source: text("source").notNull().default(""),
    arrangement: text("arrangement").notNull(),
  },
  (table) => [index("action_budgets_action_idx").on(table.partnershipId, table.actionId)],
);

export const actionIndicators = pgTable(
  "action_indicators",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: partnershipRef(),
    actionId: actionRef(),
    /** Indicator slug in the indicator store (built separately); label shown meanwhile. */
    indicatorRef: text("indicator_ref").notNull(),
    /**
     * Measured for one of the partnership's localities (its small areas' values added up, see
     * data/localities) rather than the partnership's whole area. No foreign key: a locality removed
     * later leaves the link saying so, not gone.
     */
    localityId: uuid("locality_id"),
    label: text("label").notNull(),
    baseline: doublePrecision("baseline"),
    baselinePeriod: text("baseline_period").notNull().default(""),
    target: doublePrecision("target"),
    targetDate: date("target_date", { mode: "string" }),
  },
  (table) => [index("action_indicators_action_idx").on(table.partnershipId, table.actionId)],
);

export const actionMilestones = pgTable(
  "action_milestones",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: partnershipRef(),
    actionId: actionRef(),
    title: text("title").notNull(),
    dueDate: date("due_date", { mode: "string" }),
    doneDate: date("done_date", { mode: "string" }),
  },
  (table) => [index("action_milestones_action_idx").on(table.partnershipId, table.actionId)],
);

/** An uploaded action plan waiting for mapping and confirmation: parsed cells, not the file. */
export const actionImports = pgTable("action_imports", {
  id: uuid("id").primaryKey().defaultRandom(),
  partnershipId: partnershipRef(),
  userId: uuid("user_id").notNull(),
  fileName: text("file_name").notNull(),
  headers: jsonb("headers").$type<string[]>().notNull(),
  rows: jsonb("rows").$type<string[][]>().notNull(),
  /** Spreadsheet row number of rows[0], so errors name the row people see. */
  firstRow: integer("first_row").notNull(),
  /** field -> column index, once the person has confirmed the mapping */
  mapping: jsonb("mapping").$type<Record<string, number>>(),
  importedAt: timestamp("imported_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
