import { sql } from "drizzle-orm";
import {
  check,
  date,
  doublePrecision,
  index,
  integer,
  json,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/** The indicator catalogue. Created on first import, editable afterwards. */
export const indicators = pgTable(
  "indicators",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull(),
    /** Null for national/official data; a partnership's id for its own local data (private to it). */
    partnershipId: uuid("partnership_id"),
    title: text("title").notNull(),
    definition: text("definition").notNull().default(""),
    publisher: text("publisher").notNull().default(""),
    dataset: text("dataset").notNull().default(""),
    sourceUrl: text("source_url").notNull().default(""),
    licence: text("licence").notNull().default("Open Government Licence v3.0"),
    /** count | percentage | rate | score | rank | decile | currency */
    unit: text("unit").notNull(),
    /** For rates: per how many (e.g. 1000). */
    ratePer: integer("rate_per"),
    /** higher-is-worse | higher-is-better | neither */
    polarity: text("polarity").notNull().default("neither"),
    /** { drivers: [], subDrivers: [], buildingBlocks: [], familyTypes: [], topics: [] } */
    tags: jsonb("tags").notNull().default({}),
    /** none (published official statistics) | small-count (locally held data) */
    disclosureRule: text("disclosure_rule").notNull().default("none"),
    /**
     * public | partnership | restricted (access.ts). Null: not set, so it follows from owner and
     * rule as it always has (open official statistics public, everything else partnership).
     */
    accessTier: text("access_tier"),
    releaseDate: date("release_date"),
    nextReleaseDate: date("next_release_date"),
    /** Kept up to date by every import, so the catalogue never scans observations. */
    areaTypes: text("area_types").array().notNull().default([]),
    periodCodes: text("period_codes").array().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("indicators_slug_unique").on(table.slug),
    index("indicators_partnership_idx").on(table.partnershipId),
  ],
);

/** Financial year, calendar year, quarter, month or range, with a sort key. */
export const periods = pgTable(
  "periods",
  {
    id: serial("id").primaryKey(),
    code: text("code").notNull(),
    kind: text("kind").notNull(),
    label: text("label").notNull(),
    startDate: date("start_date").notNull(),
    endDate: date("end_date").notNull(),
    sortKey: integer("sort_key").notNull(),
  },
  (table) => [uniqueIndex("periods_code_unique").on(table.code), index("periods_sort_idx").on(table.sortKey)],
);

/** Breakdown 0 is "all" (no breakdown) and has no row here. */
export const breakdowns = pgTable(
  "breakdowns",
  {
    id: serial("id").primaryKey(),
    dimension: text("dimension").notNull(),
    value: text("value").notNull(),
    label: text("label").notNull(),
  },
  (table) => [uniqueIndex("breakdowns_unique").on(table.dimension, table.value)],
);

export const importBatches = pgTable(
  "import_batches",
  {
    id: serial("id").primaryKey(),
    kind: text("kind").notNull(),
    fileName: text("file_name").notNull(),
    sha256: text("sha256").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    actorUserId: uuid("actor_user_id"),
    actorLabel: text("actor_label").notNull(),
    partnershipId: uuid("partnership_id"),
    rowsRead: integer("rows_read").notNull().default(0),
    valuesWritten: integer("values_written").notNull().default(0),
    valuesReplaced: integer("values_replaced").notNull().default(0),
    report: jsonb("report").notNull().default({}),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    /** The release time: before it, no output shows this batch's values (a condition on now(), see embargo.ts). */
    embargoUntil: timestamp("embargo_until", { withTimezone: true }),
  },
  (table) => [
    index("import_batches_sha_idx").on(table.sha256),
    index("import_batches_embargo_idx").on(table.embargoUntil).where(sql`embargo_until is not null`),
  ],
);

/**
 * The (indicator, period) pairs of breakdown "all" each import wrote: which stored peer ranks a
 * batch under embargo affects (peer-ranks.ts), found without reading observations.
 */
export const importBatchPairs = pgTable(
  "import_batch_pairs",
  {
    batchId: integer("batch_id").notNull(),
    indicatorId: integer("indicator_id").notNull(),
    periodId: integer("period_id").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.batchId, table.indicatorId, table.periodId] }),
    index("import_batch_pairs_pair_idx").on(table.indicatorId, table.periodId),
  ],
);

const observationColumns = {
  indicatorId: integer("indicator_id").notNull(),
  periodId: integer("period_id").notNull(),
  breakdownId: integer("breakdown_id").notNull().default(0),
  areaId: integer("area_id").notNull(),
  /** NULL when missing or suppressed (see flags); never zero-filled. */
  value: doublePrecision("value"),
  numerator: doublePrecision("numerator"),
  denominator: doublePrecision("denominator"),
  ciLower: doublePrecision("ci_lower"),
  ciUpper: doublePrecision("ci_upper"),
  /** Bit flags: 1 provisional, 2 suppressed, 4 estimated, 8 revised, 16 missing. */
  flags: smallint("flags").notNull().default(0),
  batchId: integer("batch_id").notNull(),
};

/**
 * One row per value. The primary key serves "one indicator, one period, every area"; the
 * second index serves "every indicator for one area" (profiles). Foreign keys are left out
 * on purpose: they would double the cost of bulk loads; importers resolve every id first.
 */
export const observations = pgTable("observations", observationColumns, (table) => [
  primaryKey({ columns: [table.indicatorId, table.periodId, table.breakdownId, table.areaId] }),
  index("observations_area_idx").on(table.areaId, table.indicatorId),
]);

/** Values replaced by a later release: the row as it was, and which batch replaced it. */
export const observationHistory = pgTable(
  "observation_history",
  {
    ...observationColumns,
    supersededByBatchId: integer("superseded_by_batch_id").notNull(),
    supersededAt: timestamp("superseded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("observation_history_key_idx").on(table.indicatorId, table.areaId, table.periodId)],
);

/**
 * Where each area's value stands among the areas of its type in its nation, per indicator and
 * period (breakdown "all" only): written at import for exactly the pairs the import touched
 * (see peer-ranks.ts), so a profile reads one row per indicator instead of every peer's value.
 * Stored without polarity (how many peers are below and tied), so editing an indicator's
 * polarity in the catalogue needs no re-ranking. Areas without a value have no row; small areas
 * (ward, MSOA, LSOA / data zone) and areas without a nation are not ranked here.
 */
export const peerRanks = pgTable(
  "peer_ranks",
  {
    indicatorId: integer("indicator_id").notNull(),
    periodId: integer("period_id").notNull(),
    areaId: integer("area_id").notNull(),
    /** Peers with a value strictly lower than this area's. */
    below: integer("below").notNull(),
    /** Peers with exactly this value, the area itself included. */
    tied: integer("tied").notNull(),
    /** Peers with a value (the area itself included): the "of" of the rank. */
    ranked: integer("ranked").notNull(),
    /** Peers holding a row with no value (missing or suppressed): left out of the ranking. */
    unranked: integer("unranked").notNull(),
  },
  (table) => [primaryKey({ columns: [table.indicatorId, table.periodId, table.areaId] })],
);

/**
 * Derived, for reading: each value of an area of a ranked type (peer-ranks.ts RANKED_AREA_TYPES,
 * the areas profiles are asked for and compared with) laid out as one row per (area, indicator),
 * so a profile reads ~40 rows from a few pages instead of ~480 rows from ~480 heap pages.
 * Rebuilt from observations inside the import's transaction for every indicator it wrote
 * (area-series.ts), wherever peer ranks are; never written otherwise. What is under embargo is
 * not decided here: `batch_ids` lets a read see that a row holds a batch still held back, and
 * read the released values instead.
 */
export const areaSeries = pgTable(
  "area_series",
  {
    areaId: integer("area_id").notNull(),
    indicatorId: integer("indicator_id").notNull(),
    /** The latest period (by sort key) with a value, breakdown "all": the one a profile compares. */
    latestPeriodId: integer("latest_period_id"),
    /** The periods of the breakdown-"all" values, by sort key: where a period's value sits in `points`. */
    periodIds: integer("period_ids").array().notNull(),
    /**
     * The breakdown-"all" values as in `series`, one array element each, in `period_ids`' order: a
     * compared area's value in one period is `points[array_position(period_ids, period)]`, taken
     * without parsing any JSON (parsing it cost the embedded database ~3 ms a profile).
     */
    points: json("points").array().notNull(),
    /** Every batch whose values the row holds. */
    batchIds: integer("batch_ids").array().notNull(),
    /**
     * [period_id, breakdown_id, value, numerator, denominator, ci_lower, ci_upper, flags, batch_id]
     * per value, by breakdown then period: JSON text, which the database sends as stored and the
     * driver decodes natively (jsonb would be printed number by number on every read, and a
     * float8[] per column is parsed element by element in JavaScript).
     */
    series: json("series").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.areaId, table.indicatorId] }),
    index("area_series_indicator_idx").on(table.indicatorId),
  ],
);

/**
 * Who may read an indicator whose tier is "restricted": a named person (userId) or everyone of a
 * named organisation (organisationId). `agreementId` names the data-sharing agreement the grant
 * rests on; it has no foreign key here, as the agreements register is its own domain.
 */
export const indicatorReaders = pgTable(
  "indicator_readers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    indicatorId: integer("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    userId: uuid("user_id"),
    organisationId: uuid("organisation_id"),
    agreementId: uuid("agreement_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("indicator_readers_indicator_idx").on(table.indicatorId),
    uniqueIndex("indicator_readers_user_unique").on(table.indicatorId, table.userId),
    uniqueIndex("indicator_readers_org_unique").on(table.indicatorId, table.organisationId),
    check("indicator_readers_one_reader", sql`(user_id is null) <> (organisation_id is null)`),
  ],
);
