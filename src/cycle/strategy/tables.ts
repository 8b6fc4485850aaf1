import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { partnerships } from "../../workspace/partnerships/index.ts";

const partnershipRef = () =>
  uuid("partnership_id")
    .notNull()
    .references(() => partnerships.id, { onDelete: "cascade" });

/** A partnership's joint child poverty strategy (one current strategy per partnership). */
export const strategies = pgTable(
  "strategies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: partnershipRef(),
    startYear: integer("start_year").notNull(),
    endYear: integer("end_year").notNull(),
    vision: text("vision").notNull().default(""),
    governance: text("governance").notNull().default(""),
    monitoringArrangements: text("monitoring_arrangements").notNull().default(""),
    workforceDevelopment: text("workforce_development").notNull().default(""),
    status: text("status").notNull().default("draft"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("strategies_partnership_unique").on(table.partnershipId)],
);

const strategyRef = () =>
  uuid("strategy_id")
    .notNull()
    .references(() => strategies.id, { onDelete: "cascade" });

export const strategyPriorities = pgTable(
  "strategy_priorities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: partnershipRef(),
    strategyId: strategyRef(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    position: integer("position").notNull().default(0),
  },
  (table) => [index("strategy_priorities_partnership_idx").on(table.partnershipId, table.position)],
);

export const strategicChoices = pgTable(
  "strategic_choices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: partnershipRef(),
    strategyId: strategyRef(),
    option: text("option").notNull(),
    intendedImpact: text("intended_impact").notNull().default(""),
    chosen: boolean("chosen").notNull(),
    reason: text("reason").notNull().default(""),
  },
  (table) => [index("strategic_choices_partnership_idx").on(table.partnershipId)],
);

export const relatedStrategies = pgTable(
  "related_strategies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: partnershipRef(),
    strategyId: strategyRef(),
    name: text("name").notNull(),
    owner: text("owner").notNull().default(""),
    url: text("url"),
    relationship: text("relationship").notNull().default(""),
  },
  (table) => [index("related_strategies_partnership_idx").on(table.partnershipId)],
);

export const strategySignOffs = pgTable(
  "strategy_sign_offs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: partnershipRef(),
    strategyId: strategyRef(),
    name: text("name").notNull(),
    role: text("role").notNull(),
    signedOn: date("signed_on", { mode: "string" }).notNull(),
  },
  (table) => [index("strategy_sign_offs_partnership_idx").on(table.partnershipId)],
);

/**
 * Links from a priority or an action to the evidence it answers. The evidence lives in the
 * needs assessment and indicator store (built separately), so the reference is generic text
 * (an indicator slug, a qualitative entry id, a finding id) with the label shown to people.
 */
export const evidenceLinks = pgTable(
  "evidence_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: partnershipRef(),
    subjectType: text("subject_type").notNull(),
    subjectId: uuid("subject_id").notNull(),
    kind: text("kind").notNull(),
    referenceId: text("reference_id").notNull(),
    label: text("label").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("evidence_links_subject_idx").on(table.partnershipId, table.subjectType, table.subjectId),
    index("evidence_links_reference_idx").on(table.partnershipId, table.kind, table.referenceId),
  ],
);
