import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { partnerships } from "../../workspace/partnerships/index.ts";

const partnershipRef = () =>
  uuid("partnership_id")
    .notNull()
    .references(() => partnerships.id, { onDelete: "cascade" });

/** A partnership's child poverty needs assessment: one living draft per partnership. */
export const needsAssessments = pgTable(
  "needs_assessments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: partnershipRef(),
    reviewDate: date("review_date", { mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("needs_assessments_partnership_unique").on(table.partnershipId)],
);

const assessmentRef = () =>
  uuid("assessment_id")
    .notNull()
    .references(() => needsAssessments.id, { onDelete: "cascade" });

/** Narrative of one section: "context" or a driver / building-block code. */
export const needsSectionNarratives = pgTable(
  "needs_section_narratives",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: partnershipRef(),
    assessmentId: assessmentRef(),
    sectionCode: text("section_code").notNull(),
    /** Sanitised HTML. */
    narrative: text("narrative").notNull().default(""),
  },
  (table) => [uniqueIndex("needs_section_narratives_unique").on(table.assessmentId, table.sectionCode)],
);

/** An indicator chosen for a section, shown for one area with chart, table and drafted sentence. */
export const needsPanels = pgTable(
  "needs_panels",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: partnershipRef(),
    assessmentId: assessmentRef(),
    sectionCode: text("section_code").notNull(),
    indicatorSlug: text("indicator_slug").notNull(),
    /** The indicator's title when chosen: shown while its data is not (or no longer) in the store. */
    indicatorTitle: text("indicator_title").notNull(),
    areaCode: text("area_code").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("needs_panels_assessment_idx").on(table.partnershipId, table.sectionCode)],
);

/** A short statement of need; strategy evidence links of kind "finding" refer to its id. */
export const needsFindings = pgTable(
  "needs_findings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: partnershipRef(),
    assessmentId: assessmentRef(),
    sectionCode: text("section_code").notNull(),
    statement: text("statement").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("needs_findings_assessment_idx").on(table.partnershipId, table.sectionCode)],
);

/** Qualitative evidence (e.g. from children and families); evidence links of kind "qualitative" refer to its id. */
export const needsQualitative = pgTable(
  "needs_qualitative_evidence",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: partnershipRef(),
    assessmentId: assessmentRef(),
    sectionCode: text("section_code").notNull(),
    source: text("source").notNull(),
    method: text("method").notNull(),
    summary: text("summary").notNull(),
    /** One quote a line. */
    quotes: text("quotes").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("needs_qualitative_assessment_idx").on(table.partnershipId, table.sectionCode)],
);

/** Whole-document entries: local service provision, SWOT items and links to other assessments. */
export const needsServices = pgTable(
  "needs_services",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: partnershipRef(),
    assessmentId: assessmentRef(),
    name: text("name").notNull(),
    provider: text("provider").notNull().default(""),
    description: text("description").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("needs_services_partnership_idx").on(table.partnershipId)],
);

export const needsSwotItems = pgTable(
  "needs_swot_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: partnershipRef(),
    assessmentId: assessmentRef(),
    /** strength | weakness | opportunity | threat */
    category: text("category").notNull(),
    text: text("text").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("needs_swot_partnership_idx").on(table.partnershipId)],
);

export const needsOtherAssessments = pgTable(
  "needs_other_assessments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: partnershipRef(),
    assessmentId: assessmentRef(),
    title: text("title").notNull(),
    owner: text("owner").notNull().default(""),
    url: text("url"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("needs_other_assessments_partnership_idx").on(table.partnershipId)],
);

/**
 * A numbered, frozen publication: the whole view model as it was shown (values after disclosure
 * control, chart inputs to re-render the charts), so later drafting or data never changes it.
 */
export const needsPublications = pgTable(
  "needs_publications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: partnershipRef(),
    assessmentId: assessmentRef(),
    number: integer("number").notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
    publishedBy: uuid("published_by"),
    publishedByName: text("published_by_name").notNull(),
    snapshot: jsonb("snapshot").notNull(),
  },
  (table) => [uniqueIndex("needs_publications_number_unique").on(table.assessmentId, table.number)],
);
