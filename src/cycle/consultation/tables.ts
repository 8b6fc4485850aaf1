import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { bytea } from "../../kernel/db/column-types.ts";
import { actions } from "../actions/index.ts";
import { needsFindings } from "../needs-assessment/index.ts";
import { organisations } from "../../workspace/organisations/index.ts";
import { partnerships } from "../../workspace/partnerships/index.ts";
import type { AnswerValue, OptionDef, QuestionSettings, Wording } from "./survey-model.ts";

const partnershipRef = () =>
  uuid("partnership_id")
    .notNull()
    .references(() => partnerships.id, { onDelete: "cascade" });
const activityRef = () =>
  uuid("activity_id")
    .notNull()
    .references(() => engagementActivities.id, { onDelete: "cascade" });
const surveyRef = () =>
  uuid("survey_id")
    .notNull()
    .references(() => surveys.id, { onDelete: "cascade" });

/**
 * The engagement register: one row per consultation or engagement activity (an online survey,
 * a focus group, a school session…), what it informs, who took part and what came of it.
 */
export const engagementActivities = pgTable(
  "engagement_activities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: partnershipRef(),
    title: text("title").notNull(),
    purpose: text("purpose").notNull().default(""),
    /** needs-assessment | strategy | report */
    informs: text("informs").array().notNull().default([]),
    /** The report year it informs ("2024/25"), when `informs` has "report". */
    reportYear: text("report_year"),
    audiences: text("audiences").array().notNull().default([]),
    methods: text("methods").array().notNull().default([]),
    methodOther: text("method_other").notNull().default(""),
    startsOn: date("starts_on", { mode: "string" }),
    endsOn: date("ends_on", { mode: "string" }),
    /** When the partnership promises to tell people what it did (Lundy: influence). */
    feedbackBy: date("feedback_by", { mode: "string" }),
    leadOrganisationId: uuid("lead_organisation_id").references(() => organisations.id, { onDelete: "set null" }),
    accessibility: text("accessibility").notNull().default(""),
    safeguarding: text("safeguarding").notNull().default(""),
    costPence: bigint("cost_pence", { mode: "number" }),
    /** planned | open | closed (reported back is `publishedAt`); an online survey's comes from its dates. */
    status: text("status").notNull().default("planned"),
    /** For offline activities: what was heard, in plain words (shown publicly once published). */
    summary: text("summary").notNull().default(""),
    /** The "we did" overview shown on the public page. */
    weDid: text("we_did").notNull().default(""),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("engagement_activities_partnership_idx").on(table.partnershipId, table.startsOn)],
);

export const engagementPartners = pgTable(
  "engagement_partners",
  {
    activityId: activityRef(),
    partnershipId: partnershipRef(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
  },
  (table) => [primaryKey({ columns: [table.activityId, table.organisationId] })],
);

/** Particular actions an activity informs. */
export const engagementActions = pgTable(
  "engagement_actions",
  {
    activityId: activityRef(),
    partnershipId: partnershipRef(),
    actionId: uuid("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
  },
  (table) => [primaryKey({ columns: [table.activityId, table.actionId] })],
);

/** People who took part other than through the online survey (whose responses are counted apart). */
export const engagementParticipants = pgTable(
  "engagement_participants",
  {
    activityId: activityRef(),
    partnershipId: partnershipRef(),
    audience: text("audience").notNull(),
    count: integer("count").notNull(),
  },
  (table) => [primaryKey({ columns: [table.activityId, table.audience] })],
);

/** Notes or a summary of an offline activity (same checks as meeting papers). */
export const engagementFiles = pgTable(
  "engagement_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    activityId: activityRef(),
    partnershipId: partnershipRef(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    uploadedBy: uuid("uploaded_by"),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("engagement_files_activity_idx").on(table.activityId)],
);

/** An activity's online survey: public, no account, open between two dates. */
export const surveys = pgTable(
  "surveys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: partnershipRef(),
    activityId: activityRef(),
    opensOn: date("opens_on", { mode: "string" }).notNull(),
    closesOn: date("closes_on", { mode: "string" }).notNull(),
    /** Welsh alongside English. */
    welsh: boolean("welsh").notNull().default(false),
    /** Offer an optional contact-details page (standard version only), with explicit consent. */
    offerContact: boolean("offer_contact").notNull().default(false),
    /** Ask the optional "Who are you answering as?" question first (answers in `survey_responses.audience`). */
    askAudience: boolean("ask_audience").notNull().default(false),
    /** Submissions allowed from one address in ten minutes (a school session shares one address). */
    burstLimit: integer("burst_limit").notNull().default(30),
    /** After this date contact details are deleted and free text not approved as a quote is erased. */
    retainUntil: date("retain_until", { mode: "string" }).notNull(),
    purgedAt: timestamp("purged_at", { withTimezone: true }),
    /** Introduction by variant ("standard-en", "young-en", "standard-cy", "young-cy"). */
    intro: jsonb("intro").$type<Partial<Record<string, string>>>().notNull().default({}),
    /** Local help to add to the "where to get help now" panel. */
    localHelp: text("local_help").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("surveys_activity_unique").on(table.activityId)],
);

export const surveyQuestions = pgTable(
  "survey_questions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    surveyId: surveyRef(),
    partnershipId: partnershipRef(),
    /** Stable short code ("q3"): the column heading in exports and paper imports. */
    code: text("code").notNull(),
    position: integer("position").notNull(),
    page: integer("page").notNull().default(1),
    kind: text("kind").notNull(),
    required: boolean("required").notNull().default(false),
    /** A question with answers is hidden, never deleted, so analysis keeps working. */
    hidden: boolean("hidden").notNull().default(false),
    wording: jsonb("wording").$type<Wording>().notNull(),
    options: jsonb("options").$type<OptionDef[]>().notNull().default([]),
    settings: jsonb("settings").$type<QuestionSettings>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("survey_questions_code_unique").on(table.surveyId, table.code),
    index("survey_questions_survey_idx").on(table.surveyId, table.position),
  ],
);

/**
 * One anonymous response. No address, browser or time of day: the day is enough for counts.
 * Closed answers are kept here by question id; free text apart, so it can be coded and purged.
 */
export const surveyResponses = pgTable(
  "survey_responses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    surveyId: surveyRef(),
    partnershipId: partnershipRef(),
    /** standard | young */
    version: text("version").notNull(),
    /** en | cy */
    language: text("language").notNull(),
    /** online | paper */
    source: text("source").notNull(),
    submittedOn: date("submitted_on", { mode: "string" }).notNull(),
    /**
     * Who they answered as, in their own words: an audience code or "prefer-not-to-say". Null when
     * the survey did not ask or they left it blank; never inferred (from the version or anything else).
     */
    audience: text("audience"),
    answers: jsonb("answers").$type<Record<string, AnswerValue>>().notNull(),
  },
  (table) => [index("survey_responses_survey_idx").on(table.surveyId, table.submittedOn)],
);

export const surveyTextAnswers = pgTable(
  "survey_text_answers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    responseId: uuid("response_id")
      .notNull()
      .references(() => surveyResponses.id, { onDelete: "cascade" }),
    questionId: uuid("question_id")
      .notNull()
      .references(() => surveyQuestions.id, { onDelete: "cascade" }),
    surveyId: surveyRef(),
    partnershipId: partnershipRef(),
    /** Null once erased at the retention date. */
    text: text("text"),
    version: text("version").notNull(),
    submittedOn: date("submitted_on", { mode: "string" }).notNull(),
  },
  (table) => [
    index("survey_text_answers_question_idx").on(table.questionId, table.submittedOn, table.id),
    index("survey_text_answers_response_idx").on(table.responseId),
  ],
);

/** Running counts of closed answers, kept in the submission's transaction: analysis never scans responses. */
export const surveyTallies = pgTable(
  "survey_tallies",
  {
    surveyId: surveyRef(),
    questionId: uuid("question_id")
      .notNull()
      .references(() => surveyQuestions.id, { onDelete: "cascade" }),
    version: text("version").notNull(),
    /** The option value, rating, number or district; "" counts everyone who answered the question. */
    value: text("value").notNull(),
    count: integer("count").notNull(),
  },
  (table) => [primaryKey({ columns: [table.questionId, table.version, table.value] })],
);

export const surveyDailyCounts = pgTable(
  "survey_daily_counts",
  {
    surveyId: surveyRef(),
    day: date("day", { mode: "string" }).notNull(),
    version: text("version").notNull(),
    language: text("language").notNull(),
    source: text("source").notNull(),
    /** As on the response: null is "not asked or not said" (every row from before the question existed). */
    audience: text("audience"),
    count: integer("count").notNull(),
  },
  // A key with a nullable column: NULLS NOT DISTINCT keeps one row per key, so ON CONFLICT adds to it.
  (table) => [
    unique("survey_daily_counts_key")
      .on(table.surveyId, table.day, table.version, table.language, table.source, table.audience)
      .nullsNotDistinct(),
  ],
);

/** Contact details given with explicit consent: never linked to a response, deleted after the survey's `retainUntil`. */
export const surveyContacts = pgTable(
  "survey_contacts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    surveyId: surveyRef(),
    partnershipId: partnershipRef(),
    name: text("name").notNull().default(""),
    contact: text("contact").notNull(),
    consentText: text("consent_text").notNull(),
    givenOn: date("given_on", { mode: "string" }).notNull(),
  },
  (table) => [index("survey_contacts_survey_idx").on(table.surveyId)],
);

/** The code frame: themes editors apply to free-text answers, with the partnership's response. */
export const consultationThemes = pgTable(
  "consultation_themes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: partnershipRef(),
    activityId: activityRef(),
    name: text("name").notNull(),
    /** What counts as this theme, for coders. */
    description: text("description").notNull().default(""),
    /** "We did": the response in plain words. */
    response: text("response").notNull().default(""),
    /** Mentions recorded from notes of offline sessions, added to coded answers. */
    otherMentions: integer("other_mentions").notNull().default(0),
    position: integer("position").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("consultation_themes_activity_idx").on(table.activityId, table.position)],
);

export const answerThemes = pgTable(
  "consultation_answer_themes",
  {
    answerId: uuid("answer_id")
      .notNull()
      .references(() => surveyTextAnswers.id, { onDelete: "cascade" }),
    themeId: uuid("theme_id")
      .notNull()
      .references(() => consultationThemes.id, { onDelete: "cascade" }),
    responseId: uuid("response_id").notNull(),
    activityId: activityRef(),
    partnershipId: partnershipRef(),
  },
  (table) => [
    primaryKey({ columns: [table.answerId, table.themeId] }),
    index("consultation_answer_themes_theme_idx").on(table.themeId, table.responseId),
  ],
);

/** Theme → needs-assessment finding (priorities and actions link through strategy's evidence links). */
export const themeFindings = pgTable(
  "consultation_theme_findings",
  {
    themeId: uuid("theme_id")
      .notNull()
      .references(() => consultationThemes.id, { onDelete: "cascade" }),
    findingId: uuid("finding_id")
      .notNull()
      .references(() => needsFindings.id, { onDelete: "cascade" }),
    partnershipId: partnershipRef(),
  },
  (table) => [primaryKey({ columns: [table.themeId, table.findingId] })],
);

/** A quote proposed from an answer (or typed from notes); published only once approved. */
export const consultationQuotes = pgTable(
  "consultation_quotes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: partnershipRef(),
    activityId: activityRef(),
    themeId: uuid("theme_id").references(() => consultationThemes.id, { onDelete: "set null" }),
    answerId: uuid("answer_id").references(() => surveyTextAnswers.id, { onDelete: "set null" }),
    text: text("text").notNull(),
    /** proposed | approved */
    status: text("status").notNull().default("proposed"),
    /** What the personal-data check found when it was last saved. */
    flags: jsonb("flags").$type<string[]>().notNull().default([]),
    personalDataConfirmed: boolean("personal_data_confirmed").notNull().default(false),
    proposedBy: uuid("proposed_by"),
    reviewedBy: uuid("reviewed_by"),
    reviewedByName: text("reviewed_by_name"),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("consultation_quotes_activity_idx").on(table.activityId, table.status)],
);
