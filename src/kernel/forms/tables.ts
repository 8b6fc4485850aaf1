import { pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Forms already sent (kernel/forms/once.ts): each rendered form carries a random token, claimed
 * here by the first post; a second post of the same form (a double click, a resend) finds the claim
 * and is sent where the first went instead of saving again. Rows are purged after a day.
 */
export const formSubmissions = pgTable(
  "form_submissions",
  {
    token: uuid("token").notNull(),
    /** Whose post claimed it (a user id, or "anonymous"): another person's token is not theirs. */
    actorKey: text("actor_key").notNull(),
    /** Where the first post redirected; null while it is being saved. */
    location: text("location"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.token, table.actorKey] })],
);
