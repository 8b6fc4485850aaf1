import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { bytea } from "../../kernel/db/column-types.ts";
import { organisations } from "../../workspace/organisations/index.ts";
import { partnerships } from "../../workspace/partnerships/index.ts";

const partnershipRef = () =>
  uuid("partnership_id")
    .notNull()
    .references(() => partnerships.id, { onDelete: "cascade" });
const meetingRef = () =>
  uuid("meeting_id")
    .notNull()
    .references(() => meetings.id, { onDelete: "cascade" });

export const meetings = pgTable(
  "meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: partnershipRef(),
    title: text("title").notNull(),
    meetingDate: date("meeting_date", { mode: "string" }).notNull(),
    startTime: text("start_time").notNull().default(""),
    location: text("location").notNull().default(""),
    /** Sanitised HTML; null until minutes are recorded. */
    minutes: text("minutes"),
    minutesRecordedAt: timestamp("minutes_recorded_at", { withTimezone: true }),
    sharedWithNational: boolean("shared_with_national").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("meetings_partnership_date_unique").on(table.partnershipId, table.meetingDate)],
);

export const meetingAgendaItems = pgTable(
  "meeting_agenda_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: meetingRef(),
    partnershipId: partnershipRef(),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    presenter: text("presenter").notNull().default(""),
  },
  (table) => [index("meeting_agenda_items_meeting_idx").on(table.meetingId)],
);

export const meetingPapers = pgTable(
  "meeting_papers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: meetingRef(),
    partnershipId: partnershipRef(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    uploadedBy: uuid("uploaded_by"),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("meeting_papers_meeting_idx").on(table.meetingId)],
);

export const meetingAttendance = pgTable(
  "meeting_attendance",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: meetingRef(),
    partnershipId: partnershipRef(),
    organisationId: uuid("organisation_id").references(() => organisations.id),
    personName: text("person_name").notNull().default(""),
    /** present | apologies */
    status: text("status").notNull(),
  },
  (table) => [index("meeting_attendance_meeting_idx").on(table.meetingId)],
);

export const meetingDecisions = pgTable(
  "meeting_decisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: meetingRef(),
    partnershipId: partnershipRef(),
    position: integer("position").notNull(),
    text: text("text").notNull(),
  },
  (table) => [index("meeting_decisions_meeting_idx").on(table.meetingId)],
);

export const meetingActions = pgTable(
  "meeting_actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: meetingRef(),
    partnershipId: partnershipRef(),
    description: text("description").notNull(),
    owner: text("owner").notNull(),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    /** open | in-progress | done */
    status: text("status").notNull().default("open"),
    /** A strategy action this arises from or feeds (strategy domain); no FK across domains yet. */
    strategyActionId: uuid("strategy_action_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("meeting_actions_partnership_idx").on(table.partnershipId, table.status)],
);
