import { index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { groupMembers, nationalGroups } from "../partners-group/index.ts";

/** One offer of support in a nation's catalogue. */
export const supportOffers = pgTable(
  "support_offers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => nationalGroups.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    /** A code from vocabulary.ts supportTypes. */
    supportType: text("support_type").notNull(),
    description: text("description").notNull(),
    audience: text("audience").notNull().default(""),
    /** A code from vocabulary.ts offerFormats. */
    format: text("format").notNull(),
    capacity: text("capacity").notNull().default(""),
    howToRequest: text("how_to_request").notNull().default(""),
    /** available | paused (taking no new requests for now) */
    status: text("status").notNull().default("available"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("support_offers_group_idx").on(table.groupId, table.supportType)],
);

/** The bodies that provide an offer (one or more members of the same group). */
export const supportOfferProviders = pgTable(
  "support_offer_providers",
  {
    offerId: uuid("offer_id")
      .notNull()
      .references(() => supportOffers.id, { onDelete: "cascade" }),
    memberId: uuid("member_id")
      .notNull()
      .references(() => groupMembers.id, { onDelete: "cascade" }),
  },
  (table) => [
    primaryKey({ columns: [table.offerId, table.memberId] }),
    index("support_offer_providers_member_idx").on(table.memberId),
  ],
);
