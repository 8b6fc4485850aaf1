import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organisations } from "../../workspace/organisations/index.ts";

/**
 * A nation's national partners group (in Scotland, the Local Child Poverty Co-ordination Group):
 * national bodies that support local partnerships. One per nation.
 */
export const nationalGroups = pgTable(
  "national_groups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    nation: text("nation").notNull(),
    name: text("name").notNull(),
    /** What the group is for, as shown to local partners (plain text). */
    remit: text("remit").notNull().default(""),
    /** How often the group meets; the schedule form proposes it. */
    meetingIntervalWeeks: integer("meeting_interval_weeks").notNull().default(4),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("national_groups_nation_unique").on(table.nation)],
);

/** A member body of a group with the profile local partners read: who, what, how, why, contacts. */
export const groupMembers = pgTable(
  "national_group_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => nationalGroups.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    whoWeAre: text("who_we_are").notNull().default(""),
    whatWeOffer: text("what_we_offer").notNull().default(""),
    howToEngage: text("how_to_engage").notNull().default(""),
    aims: text("aims").notNull().default(""),
    contactName: text("contact_name").notNull().default(""),
    contactEmail: text("contact_email").notNull().default(""),
    website: text("website").notNull().default(""),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("national_group_members_unique").on(table.groupId, table.organisationId),
    index("national_group_members_organisation_idx").on(table.organisationId),
  ],
);
