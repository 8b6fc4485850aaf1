import { boolean, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { partnerships } from "../../workspace/partnerships/index.ts";

/** The partnership record: who is responsible, where it sits, and its terms of reference. */
export const partnershipGovernance = pgTable("partnership_governance", {
  partnershipId: uuid("partnership_id")
    .primaryKey()
    .references(() => partnerships.id, { onDelete: "cascade" }),
  authorityType: text("authority_type"),
  healthBoardsExpected: integer("health_boards_expected").notNull().default(1),
  reportsTo: text("reports_to").notNull().default(""),
  chairName: text("chair_name").notNull().default(""),
  chairIsElectedMember: boolean("chair_is_elected_member").notNull().default(false),
  /** Sanitised HTML (see kernel/views/rich-text.ts). */
  termsOfReference: text("terms_of_reference").notNull().default(""),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
