import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { partnerships } from "../../workspace/partnerships/index.ts";

const partnershipRef = () =>
  uuid("partnership_id")
    .notNull()
    .references(() => partnerships.id, { onDelete: "cascade" });

/**
 * A partnership's report for one reporting year (financial year "2025/26"). `generated` holds the
 * data sections drafted from recorded work; narrative lives in report_narratives so that
 * regenerating the data never touches what people wrote.
 */
export const reports = pgTable(
  "reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: partnershipRef(),
    reportingYear: text("reporting_year").notNull(),
    /** lcpar | progress | strategic | annual-update */
    type: text("type").notNull(),
    /** draft | signed-off | published */
    status: text("status").notNull().default("draft"),
    generated: jsonb("generated").notNull(),
    generatedAt: timestamp("generated_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("reports_partnership_year_type_unique").on(table.partnershipId, table.reportingYear, table.type),
  ],
);

const reportRef = () =>
  uuid("report_id")
    .notNull()
    .references(() => reports.id, { onDelete: "cascade" });

/** Editable narrative for one section of a report (sanitised HTML). */
export const reportNarratives = pgTable(
  "report_narratives",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: partnershipRef(),
    reportId: reportRef(),
    sectionKey: text("section_key").notNull(),
    html: text("html").notNull().default(""),
    updatedByLabel: text("updated_by_label").notNull().default(""),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("report_narratives_section_unique").on(table.reportId, table.sectionKey)],
);

/** Who signed off the report. A later change to the content supersedes the sign-off. */
export const reportSignOffs = pgTable(
  "report_sign_offs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: partnershipRef(),
    reportId: reportRef(),
    name: text("name").notNull(),
    role: text("role").notNull(),
    signedOn: date("signed_on", { mode: "string" }).notNull(),
    supersededAt: timestamp("superseded_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("report_sign_offs_report_idx").on(table.partnershipId, table.reportId)],
);

/** A published version: the frozen document (figures included) readable by anyone. */
export const reportPublications = pgTable(
  "report_publications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: partnershipRef(),
    reportId: reportRef(),
    version: integer("version").notNull(),
    snapshot: jsonb("snapshot").notNull(),
    publishedByLabel: text("published_by_label").notNull().default(""),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("report_publications_version_unique").on(table.reportId, table.version),
    index("report_publications_published_idx").on(table.publishedAt),
  ],
);
