import { bigint, pgTable, smallint, timestamp } from "drizzle-orm/pg-core";

/**
 * Row 1: the version of the data that profiles, panels and public pages are built from (the
 * indicator store and geography). Statement triggers on those tables set it to the writing
 * transaction's id (migration 0016_data_version_triggers, custom SQL), so it changes exactly when such
 * data does and becomes visible with it at commit; a rolled-back change leaves no version
 * behind. Caches key on it (data-version.ts), so every node invalidates alike.
 * Row 2 is the access version, moved the same way by writes to people, their grants,
 * partnerships' nations and API tokens (migration 0028_access_version): callers cached by an
 * API token key on it. Row 3 is the content version, moved by edits to what a partnership writes
 * about its own work (needs assessment, strategy, actions and updates, consultation results,
 * members; migration 0030_content_version): pages whose whole view model is kept key on it.
 */
export const dataVersion = pgTable("data_version", {
  id: smallint("id").primaryKey().default(1),
  version: bigint("version", { mode: "number" }).notNull(),
  changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
});
