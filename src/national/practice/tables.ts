import { sql } from "drizzle-orm";
import { customType, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { partnerships } from "../../workspace/partnerships/index.ts";
import { actions } from "../../cycle/actions/index.ts";

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  toDriver: (value) => value,
  fromDriver: (value) => Buffer.from(value),
});
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * An entry in the effective practice library. `search` is kept by PostgreSQL from the title
 * (weight A), summary (B) and body (C; HTML tags are not indexed by the default parser), in
 * English, so the same query works on PGlite and on a server.
 */
export const practiceEntries = pgTable(
  "practice_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    /** Sanitised HTML. */
    body: text("body").notNull().default(""),
    /** Who produced it, e.g. the council or the evaluator. */
    source: text("source").notNull().default(""),
    sourceUrl: text("source_url").notNull().default(""),
    /** 1–5 (vocabulary.ts evidenceLevels); null until rated (a case study before review). */
    evidenceLevel: integer("evidence_level"),
    costBand: text("cost_band").notNull().default("unknown"),
    /** The nation the practice comes from; its coordinators keep the entry. */
    nation: text("nation").notNull(),
    drivers: text("drivers").array().notNull().default(sql`'{}'::text[]`),
    buildingBlocks: text("building_blocks").array().notNull().default(sql`'{}'::text[]`),
    familyTypes: text("family_types").array().notNull().default(sql`'{}'::text[]`),
    supportTypes: text("support_types").array().notNull().default(sql`'{}'::text[]`),
    settings: text("settings").array().notNull().default(sql`'{}'::text[]`),
    visibility: text("visibility").notNull().default("signed-in"),
    status: text("status").notNull().default("draft"),
    /** A case study proposed by a partnership from one of its actions. */
    partnershipId: uuid("partnership_id").references(() => partnerships.id, { onDelete: "set null" }),
    sourceActionId: uuid("source_action_id").references(() => actions.id, { onDelete: "set null" }),
    proposedBy: uuid("proposed_by"),
    proposerName: text("proposer_name"),
    /** The coordinator's note when returning or declining a proposal. */
    reviewNote: text("review_note"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    search: tsvector("search").generatedAlwaysAs(
      sql`setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(summary, '')), 'B') || setweight(to_tsvector('english'::regconfig, coalesce(body, '')), 'C')`,
    ),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // Written straight into the index (no pending list): PGlite has no autovacuum to merge a
    // pending list, so every search read up to 4 MB of recent entries' words one by one.
    index("practice_entries_search_idx").using("gin", table.search).with({ fastupdate: false }),
    index("practice_entries_status_idx").on(table.status, table.publishedAt),
    // The coordinator's review queue (drafts, proposals… of their nations), counted on every library page.
    index("practice_entries_nation_status_idx").on(table.nation, table.status),
    index("practice_entries_partnership_idx").on(table.partnershipId),
  ],
);

export const practiceAttachments = pgTable(
  "practice_attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    entryId: uuid("entry_id")
      .notNull()
      .references(() => practiceEntries.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    uploadedBy: uuid("uploaded_by"),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("practice_attachments_entry_idx").on(table.entryId)],
);

/** A local action citing a library entry: the entry's "areas doing this". */
export const actionPracticeCitations = pgTable(
  "action_practice_citations",
  {
    actionId: uuid("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    entryId: uuid("entry_id")
      .notNull()
      .references(() => practiceEntries.id, { onDelete: "cascade" }),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    citedBy: uuid("cited_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.actionId, table.entryId] }),
    index("action_practice_citations_entry_idx").on(table.entryId),
    index("action_practice_citations_partnership_idx").on(table.partnershipId),
  ],
);
