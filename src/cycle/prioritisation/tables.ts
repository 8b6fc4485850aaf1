import {
  bigint,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { actions } from "../actions/index.ts";
import { meetings } from "../meetings/index.ts";
import { organisations } from "../../workspace/organisations/index.ts";
import { partnerships } from "../../workspace/partnerships/index.ts";
import { users } from "../../workspace/access/index.ts";

const partnershipRef = () =>
  uuid("partnership_id")
    .notNull()
    .references(() => partnerships.id, { onDelete: "cascade" });
const roundRef = () =>
  uuid("round_id")
    .notNull()
    .references(() => priorityRounds.id, { onDelete: "cascade" });

/** A collective prioritisation exercise: partners score funding options against agreed criteria. */
export const priorityRounds = pgTable(
  "priority_rounds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: partnershipRef(),
    title: text("title").notNull(),
    /** Money available, in integer pence. */
    budgetPence: bigint("budget_pence", { mode: "number" }).notNull(),
    /** "2026/27": the financial year the chosen options' budget lines are for. */
    financialYear: text("financial_year").notNull(),
    /** draft | open | closed | decided (lifecycle.ts) */
    status: text("status").notNull().default("draft"),
    /** points | swing */
    weightMethod: text("weight_method").notNull().default("points"),
    /** The k of "probability of staying in the top k" in the sensitivity analysis. */
    topK: integer("top_k").notNull().default(3),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("priority_rounds_partnership_idx").on(table.partnershipId)],
);

/** What may be funded: a new bid, or one of the partnership's existing actions. */
export const priorityOptions = pgTable(
  "priority_options",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: partnershipRef(),
    roundId: roundRef(),
    /** bid | action */
    kind: text("kind").notNull(),
    /** The existing action this option is (kind "action"), or the action the decision made of a bid. */
    actionId: uuid("action_id").references(() => actions.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    costPence: bigint("cost_pence", { mode: "number" }).notNull(),
    leadOrganisationId: uuid("lead_organisation_id")
      .notNull()
      .references(() => organisations.id),
    /** Set when removed after scoring opened: the option and its scores stay in the record. */
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    /** Set by the decision: chosen for funding. */
    chosen: boolean("chosen").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("priority_options_round_idx").on(table.partnershipId, table.roundId)],
);

/** A criterion with its scale and direction, and the weight the partnership agreed. */
export const priorityCriteria = pgTable(
  "priority_criteria",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: partnershipRef(),
    roundId: roundRef(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    scaleMin: integer("scale_min").notNull(),
    scaleMax: integer("scale_max").notNull(),
    /** higher (a higher score is better) | lower (e.g. cost: a lower score is better) */
    direction: text("direction").notNull().default("higher"),
    /** Points (points method) or swing points (swing method, 0–100, the top-ranked 100). */
    weightPoints: doublePrecision("weight_points").notNull().default(0),
    /** The swing method's rank, 1 = the swing that matters most. */
    swingRank: integer("swing_rank"),
    position: integer("position").notNull().default(0),
  },
  (table) => [index("priority_criteria_round_idx").on(table.partnershipId, table.roundId)],
);

/** One organisation's score of one option on one criterion, with its comment. */
export const priorityScores = pgTable(
  "priority_scores",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: partnershipRef(),
    roundId: roundRef(),
    optionId: uuid("option_id")
      .notNull()
      .references(() => priorityOptions.id, { onDelete: "cascade" }),
    criterionId: uuid("criterion_id")
      .notNull()
      .references(() => priorityCriteria.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    /** The representative who last saved the organisation's score card. */
    scorerUserId: uuid("scorer_user_id").references(() => users.id, { onDelete: "set null" }),
    score: integer("score").notNull(),
    comment: text("comment").notNull().default(""),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("priority_scores_unique").on(table.optionId, table.criterionId, table.organisationId),
    index("priority_scores_round_idx").on(table.partnershipId, table.roundId),
  ],
);

/** The decision: who decided, when, why, at which meeting, and which options were chosen. */
export const priorityDecisions = pgTable(
  "priority_decisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: partnershipRef(),
    roundId: roundRef(),
    decidedBy: text("decided_by").notNull(),
    decidedOn: date("decided_on", { mode: "string" }).notNull(),
    rationale: text("rationale").notNull(),
    meetingId: uuid("meeting_id").references(() => meetings.id, { onDelete: "set null" }),
    recordedByUserId: uuid("recorded_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("priority_decisions_round_unique").on(table.roundId)],
);
