import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { type AnswerValue, surveys } from "../consultation/index.ts";

/**
 * Answers on their way through a survey, kept on the server under the SHA-256 of a random
 * token that travels only in the pages' hidden form fields (no cookie, nothing in the address
 * bar or the browser's history). Deleted on sending and an hour after the last page.
 */
export const surveyDrafts = pgTable(
  "survey_drafts",
  {
    tokenHash: text("token_hash").primaryKey(),
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => surveys.id, { onDelete: "cascade" }),
    version: text("version").notNull(),
    language: text("language").notNull(),
    answers: jsonb("answers").$type<Record<string, AnswerValue>>().notNull().default({}),
    /** Contact details offered on the last page, until sending moves them to their own table. */
    contact: jsonb("contact").$type<{ name: string; contact: string } | null>(),
    /** A preview by the partnership's editor: the survey runs as usual but nothing is sent. */
    preview: boolean("preview").notNull().default(false),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("survey_drafts_expiry_idx").on(table.expiresAt)],
);

/**
 * Abuse control without storing addresses: a count per survey and ten-minute window of an
 * HMAC of the address under the day's random salt. Salts and counts older than a day are
 * deleted, after which no count can be tied back to an address.
 */
export const surveyThrottle = pgTable(
  "survey_throttle",
  {
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => surveys.id, { onDelete: "cascade" }),
    /** start | submit */
    kind: text("kind").notNull(),
    addressHash: text("address_hash").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.surveyId, table.kind, table.addressHash, table.windowStart] }),
    index("survey_throttle_window_idx").on(table.windowStart),
  ],
);

/** One random salt per day, shared by every node through the database. */
export const surveyThrottleSalts = pgTable("survey_throttle_salts", {
  day: date("day", { mode: "string" }).primaryKey(),
  salt: text("salt").notNull(),
});
