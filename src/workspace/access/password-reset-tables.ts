import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./tables.ts";

/** Password reset links: one-time and time-limited; only the token's SHA-256 is kept. */
export const passwordResets = pgTable(
  "password_resets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("password_resets_user_idx").on(table.userId),
    index("password_resets_expires_idx").on(table.expiresAt),
  ],
);
