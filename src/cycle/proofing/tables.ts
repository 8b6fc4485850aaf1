import { date, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { partnerships } from "../../workspace/partnerships/index.ts";

/** Child poverty-proofing: another plan or policy checked for its effect on child poverty. */
export const proofingAssessments = pgTable(
  "proofing_assessments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    owner: text("owner").notNull(),
    assessedOn: date("assessed_on", { mode: "string" }).notNull(),
    /** { driverCode: "positive" | "neutral" | "negative" | "unknown" } */
    driverEffects: jsonb("driver_effects").$type<Record<string, string>>().notNull(),
    familyEffects: jsonb("family_effects").$type<Record<string, string>>().notNull(),
    mitigations: text("mitigations").notNull().default(""),
    outcome: text("outcome").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("proofing_partnership_idx").on(table.partnershipId, table.assessedOn)],
);
