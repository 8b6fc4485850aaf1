import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./tables.ts";

/**
 * A person's authenticator (TOTP) secret, encrypted (mfa-secret-box.ts). `enabledAt` null with a
 * secret is an enrolment not yet confirmed; `resetAt` set means an administrator reset it after a
 * lost device, so the person must enrol again at their next sign-in whatever their role.
 */
export const userMfa = pgTable("user_mfa", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  secretEncrypted: text("secret_encrypted"),
  enabledAt: timestamp("enabled_at", { withTimezone: true }),
  /** The last 30-second step whose code was accepted: a code of that step or earlier is refused. */
  lastUsedStep: integer("last_used_step"),
  resetAt: timestamp("reset_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** One-time recovery codes, kept as SHA-256 (they are random, 50 bits each); each usable once. */
export const mfaRecoveryCodes = pgTable(
  "mfa_recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("mfa_recovery_codes_user_code_unique").on(table.userId, table.codeHash)],
);

/**
 * A sign-in half done: the password was right, the second step is still to come. The browser
 * holds a random token in a cookie; only its SHA-256 is kept, and nothing but this row says who
 * the person is, so no client flag is ever trusted.
 */
export const mfaChallenges = pgTable(
  "mfa_challenges",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** "verify": enter a code; "enrol": set up an authenticator first. */
    purpose: text("purpose").notNull(),
    returnTo: text("return_to").notNull().default("/dashboard"),
    /** Wrong codes against this challenge: past the limit it is dropped and the password asked again. */
    failures: integer("failures").notNull().default(0),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("mfa_challenges_user_idx").on(table.userId),
    index("mfa_challenges_expires_idx").on(table.expiresAt),
  ],
);
