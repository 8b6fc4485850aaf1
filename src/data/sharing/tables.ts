import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../../workspace/access/index.ts";
import { partnerships } from "../../workspace/partnerships/index.ts";
import type { RiskReason, SharingCriteria } from "./risk.ts";
import type {
  Article9Condition,
  DataLevel,
  DpiaStatus,
  Frequency,
  LawfulBasis,
  RiskLevel,
  Schedule1Condition,
  StoredStatus,
  Volume,
} from "./vocabulary.ts";

/** A nation's principles on data sharing and risk levels: every save is a new version, none is changed. */
export const sharingPrinciples = pgTable(
  "sharing_principles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    nation: text("nation").notNull(),
    version: integer("version").notNull(),
    criteria: jsonb("criteria").$type<SharingCriteria>().notNull(),
    /** What changed in this version and why. */
    note: text("note").notNull().default(""),
    savedBy: uuid("saved_by").references(() => users.id, { onDelete: "set null" }),
    savedByName: text("saved_by_name").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("sharing_principles_version_idx").on(table.nation, table.version)],
);

/** The fields an agreement and a template share (a template prefills a new agreement). */
const agreementTerms = {
  purpose: text("purpose").notNull(),
  lawfulBasis: text("lawful_basis").$type<LawfulBasis>().notNull(),
  specialCategory: boolean("special_category").notNull().default(false),
  article9Condition: text("article9_condition").$type<Article9Condition>(),
  schedule1Condition: text("schedule1_condition").$type<Schedule1Condition>(),
  dataItems: text("data_items").notNull(),
  level: text("level").$type<DataLevel>().notNull(),
  frequency: text("frequency").$type<Frequency>().notNull(),
  childrenData: boolean("children_data").notNull().default(false),
  volume: text("volume").$type<Volume>().notNull(),
  onwardSharing: boolean("onward_sharing").notNull().default(false),
  securityMeasures: text("security_measures").notNull().default(""),
};

/** The national library of agreement templates, per nation, kept by its coordinators. */
export const sharingTemplates = pgTable(
  "sharing_templates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    nation: text("nation").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    ...agreementTerms,
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("sharing_templates_nation_idx").on(table.nation, table.title)],
);

export interface Signatory {
  id: string;
  name: string;
  role: string;
  organisation: string;
  signedOn: string;
}
export interface AgreementDocument {
  id: string;
  title: string;
  url: string;
}

/** A partnership's data-sharing agreement, with the risk it was assessed at and under which principles. */
export const sharingAgreements = pgTable(
  "sharing_agreements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    /** Member organisations of the partnership that are parties (ids), and others named in full. */
    partyOrganisationIds: jsonb("party_organisation_ids").$type<string[]>().notNull(),
    externalParties: jsonb("external_parties").$type<string[]>().notNull(),
    ...agreementTerms,
    dpiaStatus: text("dpia_status").$type<DpiaStatus>().notNull(),
    dpiaReference: text("dpia_reference").notNull().default(""),
    startDate: date("start_date", { mode: "string" }).notNull(),
    reviewDate: date("review_date", { mode: "string" }).notNull(),
    endDate: date("end_date", { mode: "string" }),
    status: text("status").$type<StoredStatus>().notNull().default("draft"),
    signatories: jsonb("signatories").$type<Signatory[]>().notNull().default([]),
    documents: jsonb("documents").$type<AgreementDocument[]>().notNull().default([]),
    riskLevel: text("risk_level").$type<RiskLevel>().notNull(),
    riskTotal: integer("risk_total").notNull(),
    riskReasons: jsonb("risk_reasons").$type<RiskReason[]>().notNull(),
    riskRule: text("risk_rule").notNull(),
    /** The version of the nation's principles the risk was assessed under. */
    principlesVersion: integer("principles_version").notNull(),
    templateId: uuid("template_id").references(() => sharingTemplates.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("sharing_agreements_partnership_idx").on(table.partnershipId, table.reviewDate)],
);
