import { sql } from "drizzle-orm";
import { date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { groupMembers, nationalGroups } from "../partners-group/index.ts";
import { supportRequests } from "../support-requests/index.ts";

/** An activity in the group's joint plan of support. */
export const planActivities = pgTable(
  "plan_activities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => nationalGroups.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    leadMemberId: uuid("lead_member_id").references(() => groupMembers.id, { onDelete: "set null" }),
    supportType: text("support_type").notNull(),
    startDate: date("start_date", { mode: "string" }),
    endDate: date("end_date", { mode: "string" }),
    /** planned | in-progress | complete | paused */
    status: text("status").notNull().default("planned"),
    /** Feedback from local leads and themes from report reviews that the activity answers. */
    themes: text("themes").array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("plan_activities_group_idx").on(table.groupId, table.status)],
);

export const planActivityRequests = pgTable(
  "plan_activity_requests",
  {
    activityId: uuid("activity_id")
      .notNull()
      .references(() => planActivities.id, { onDelete: "cascade" }),
    requestId: uuid("request_id")
      .notNull()
      .references(() => supportRequests.id, { onDelete: "cascade" }),
  },
  (table) => [
    primaryKey({ columns: [table.activityId, table.requestId] }),
    index("plan_activity_requests_request_idx").on(table.requestId),
  ],
);

export const planActivityUpdates = pgTable(
  "plan_activity_updates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    activityId: uuid("activity_id")
      .notNull()
      .references(() => planActivities.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    /** The activity's status after this update. */
    status: text("status").notNull(),
    authorUserId: uuid("author_user_id"),
    authorName: text("author_name").notNull(),
    sequence: integer("sequence").generatedAlwaysAsIdentity(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("plan_activity_updates_activity_idx").on(table.activityId, table.sequence)],
);
