import { sql } from "drizzle-orm";
import { boolean, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { Nation } from "../../kernel/auth/policy.ts";
import { organisations } from "../organisations/index.ts";

export const partnerships = pgTable(
  "partnerships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    nation: text("nation").$type<Nation>().notNull(),
    areaCode: text("area_code").notNull(),
    areaName: text("area_name").notNull(),
    /** Demo data and training copies say so everywhere they are shown. */
    isFictional: boolean("is_fictional").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("partnerships_name_unique").on(sql`lower(${table.name})`)],
);

export const partnershipMembers = pgTable(
  "partnership_members",
  {
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    role: text("role").notNull().default(""),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.partnershipId, table.organisationId] })],
);
