import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/**
 * Personal API tokens. Only the SHA-256 of the secret is kept: a leaked database cannot be
 * replayed against the API. The prefix (first characters of the secret) lets people tell
 * their tokens apart without the secret ever being shown again.
 */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // No foreign key to users: domains keep their own tables; a disabled user's tokens stop working via loadActor.
    userId: uuid("user_id").notNull(),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    prefix: text("prefix").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (table) => [uniqueIndex("api_tokens_hash_unique").on(table.tokenHash), index("api_tokens_user_idx").on(table.userId)],
);
