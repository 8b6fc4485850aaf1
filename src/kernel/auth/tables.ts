import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Server-side sessions: the cookie carries a random token, the table its SHA-256. */
export const sessions = pgTable(
  "sessions",
  {
    idHash: text("id_hash").primaryKey(),
    userId: uuid("user_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    /**
     * How the session was opened (sessions.ts SessionMethod): requiring single sign-on of an
     * organisation ends its password sessions only. Sessions from before the column count as password.
     */
    method: text("method").notNull().default("password"),
  },
  (table) => [index("sessions_user_idx").on(table.userId), index("sessions_expires_idx").on(table.expiresAt)],
);

/**
 * Sign-in throttling (throttle.ts): one row per account-and-address and per address, keyed by
 * a SHA-256 of them, so throttling holds across app nodes and keeps no email or address in clear.
 */
export const loginThrottle = pgTable(
  "login_throttle",
  {
    key: text("key").primaryKey(),
    failures: integer("failures").notNull().default(0),
    /** Attempts before this are refused without checking the password. */
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("login_throttle_next_attempt_idx").on(table.nextAttemptAt)],
);
