import { sql } from "drizzle-orm";
import { boolean, date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisations } from "../../workspace/organisations/index.ts";
import { partnerships } from "../../workspace/partnerships/index.ts";
import { groupMembers, nationalGroups } from "../partners-group/index.ts";

/**
 * A local partnership's request for support from its nation's national partners group.
 * Life cycle (lifecycle.ts): new → triaged → in-progress → done → closed; or declined, or merged
 * into a duplicate of the same partnership.
 */
export const supportRequests = pgTable(
  "support_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => nationalGroups.id, { onDelete: "cascade" }),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    requestedBy: uuid("requested_by"),
    requesterName: text("requester_name").notNull(),
    /** A code of the support offer's eleven support types. */
    supportType: text("support_type").notNull(),
    topic: text("topic").notNull(),
    /** Driver / building block codes of the partnership's nation (actions' vocabulary). */
    drivers: text("drivers").array().notNull().default(sql`'{}'::text[]`),
    /** routine | soon | urgent: sets dueBy. */
    urgency: text("urgency").notNull(),
    /** A member body the partnership would like, or null for any. */
    preferredMemberId: uuid("preferred_member_id").references(() => groupMembers.id, { onDelete: "set null" }),
    details: text("details").notNull().default(""),
    status: text("status").notNull().default("new"),
    /** The body answering it (a member of the group when assigned). */
    assignedOrganisationId: uuid("assigned_organisation_id").references(() => organisations.id),
    declineReason: text("decline_reason"),
    mergedIntoId: uuid("merged_into_id"),
    dueBy: date("due_by", { mode: "string" }).notNull(),
    triagedAt: timestamp("triaged_at", { withTimezone: true }),
    /** The first message from the hub side the partnership can read: "time to first response". */
    firstResponseAt: timestamp("first_response_at", { withTimezone: true }),
    doneAt: timestamp("done_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** 1 (not at all helpful) to 5 (very helpful), given when the partnership closes it. */
    rating: integer("rating"),
    feedback: text("feedback"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("support_requests_group_idx").on(table.groupId, table.status),
    index("support_requests_partnership_idx").on(table.partnershipId, table.createdAt),
    index("support_requests_assigned_idx").on(table.assignedOrganisationId),
  ],
);

/**
 * The request's thread: messages both sides read, private notes for the hub side (the
 * coordinator and the assigned body), and events (assigned, declined, status changes).
 */
export const supportRequestMessages = pgTable(
  "support_request_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => supportRequests.id, { onDelete: "cascade" }),
    /** message | note (private) | event */
    kind: text("kind").notNull(),
    /** local (the partnership) | hub (coordinator or national partner) */
    side: text("side").notNull(),
    authorUserId: uuid("author_user_id"),
    authorName: text("author_name").notNull(),
    authorOrganisation: text("author_organisation").notNull().default(""),
    body: text("body").notNull(),
    /** The status the request moved to with this entry, if any. */
    statusChange: text("status_change"),
    isPrivate: boolean("is_private").notNull().default(false),
    /** Order of writing: entries written in one transaction share created_at. */
    sequence: integer("sequence").generatedAlwaysAsIdentity(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("support_request_messages_request_idx").on(table.requestId, table.sequence)],
);
