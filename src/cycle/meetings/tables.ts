import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { bytea } from "../../kernel/db/column-types.ts";
import { organisations } from "../../workspace/organisations/index.ts";
import { partnerships } from "../../workspace/partnerships/index.ts";

/**
 * A meeting belongs to a partnership or to a nation's national partners group (issue 14), and
 * so does every record of it: exactly one of partnership_id and group_id is set. group_id
 * names a group of the national layer, which this domain may not import: no foreign key.
 */
const partnershipRef = () => uuid("partnership_id").references(() => partnerships.id, { onDelete: "cascade" });
const groupRef = () => uuid("group_id");
const oneOwner = (name: string) => check(`${name}_one_owner`, sql`num_nonnulls(partnership_id, group_id) = 1`);
const meetingRef = () =>
  uuid("meeting_id")
    .notNull()
    .references(() => meetings.id, { onDelete: "cascade" });

export const meetings = pgTable(
  "meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: partnershipRef(),
    groupId: groupRef(),
    title: text("title").notNull(),
    meetingDate: date("meeting_date", { mode: "string" }).notNull(),
    startTime: text("start_time").notNull().default(""),
    location: text("location").notNull().default(""),
    /** Sanitised HTML; null until minutes are recorded. */
    minutes: text("minutes"),
    minutesRecordedAt: timestamp("minutes_recorded_at", { withTimezone: true }),
    /** A partnership's minutes: shared with national partners. A group's: published to the nation's local leads. */
    sharedWithNational: boolean("shared_with_national").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("meetings_partnership_date_unique").on(table.partnershipId, table.meetingDate),
    uniqueIndex("meetings_group_date_unique").on(table.groupId, table.meetingDate),
    oneOwner("meetings"),
  ],
);

export const meetingAgendaItems = pgTable(
  "meeting_agenda_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: meetingRef(),
    partnershipId: partnershipRef(),
    groupId: groupRef(),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    presenter: text("presenter").notNull().default(""),
  },
  (table) => [index("meeting_agenda_items_meeting_idx").on(table.meetingId), oneOwner("meeting_agenda_items")],
);

export const meetingPapers = pgTable(
  "meeting_papers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: meetingRef(),
    partnershipId: partnershipRef(),
    groupId: groupRef(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    uploadedBy: uuid("uploaded_by"),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("meeting_papers_meeting_idx").on(table.meetingId), oneOwner("meeting_papers")],
);

export const meetingAttendance = pgTable(
  "meeting_attendance",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: meetingRef(),
    partnershipId: partnershipRef(),
    groupId: groupRef(),
    organisationId: uuid("organisation_id").references(() => organisations.id),
    personName: text("person_name").notNull().default(""),
    /** present | apologies */
    status: text("status").notNull(),
  },
  (table) => [index("meeting_attendance_meeting_idx").on(table.meetingId), oneOwner("meeting_attendance")],
);

export const meetingDecisions = pgTable(
  "meeting_decisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: meetingRef(),
    partnershipId: partnershipRef(),
    groupId: groupRef(),
    position: integer("position").notNull(),
    text: text("text").notNull(),
  },
  (table) => [index("meeting_decisions_meeting_idx").on(table.meetingId), oneOwner("meeting_decisions")],
);

export const meetingActions = pgTable(
  "meeting_actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: meetingRef(),
    partnershipId: partnershipRef(),
    groupId: groupRef(),
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
  (table) => [
    index("meeting_actions_partnership_idx").on(table.partnershipId, table.status),
    index("meeting_actions_group_idx").on(table.groupId, table.status),
    oneOwner("meeting_actions"),
  ],
);
