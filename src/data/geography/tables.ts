import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * Every statistical area by GSS code. Integer ids keep the observations table compact
 * (~20 M rows); the code is the public identifier.
 */
export const areas = pgTable(
  "areas",
  {
    id: serial("id").primaryKey(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    /** One of areaTypes (area-types.ts). */
    type: text("type").notNull(),
    /** england | scotland | wales | northern-ireland; null for UK/GB-wide areas. */
    nation: text("nation"),
    /** Unitary and county councils are upper tier; unitary and district councils lower tier. */
    upperTier: boolean("upper_tier").notNull().default(false),
    lowerTier: boolean("lower_tier").notNull().default(false),
    startYear: smallint("start_year"),
    endYear: smallint("end_year"),
    /**
     * Small areas and wards: the editions of the geography that publish this code (LSOA 2011
     * and/or 2021, data zone 2011 or 2022, ward 2019 …). An unchanged LSOA keeps its code and is
     * in both; a 2021-only code is never taken for a 2011 area. Empty for areas whose vintage is
     * told by start and end years (authorities and above).
     */
    vintages: smallint("vintages").array().notNull().default(sql`'{}'::smallint[]`),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("areas_code_unique").on(table.code),
    index("areas_type_idx").on(table.type, table.nation),
    index("areas_name_idx").on(sql`lower(${table.name})`),
  ],
);

/** An area can have parents of several types (ward, local authority, health board, region …). */
export const areaParents = pgTable(
  "area_parents",
  {
    childId: integer("child_id")
      .notNull()
      .references(() => areas.id, { onDelete: "cascade" }),
    parentId: integer("parent_id")
      .notNull()
      .references(() => areas.id, { onDelete: "cascade" }),
    /** The parent's type, so "all LSOAs in this authority" is one index range. */
    relation: text("relation").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.childId, table.relation, table.parentId] }),
    index("area_parents_parent_idx").on(table.parentId, table.relation),
  ],
);

/** Code changes since 2014: merger (many → one), new_code (same area), new_geo, termination. */
export const areaCodeChanges = pgTable(
  "area_code_changes",
  {
    id: serial("id").primaryKey(),
    oldCode: text("old_code").notNull(),
    oldName: text("old_name").notNull(),
    newCode: text("new_code"),
    newName: text("new_name"),
    changeType: text("change_type").notNull(),
    startYear: smallint("start_year").notNull(),
  },
  (table) => [
    uniqueIndex("area_code_changes_unique").on(table.oldCode, sql`coalesce(${table.newCode}, '')`, table.startYear),
    index("area_code_changes_new_idx").on(table.newCode),
  ],
);

/**
 * TopoJSON per area. layer "self" is the area's own outline; other layers hold the area's
 * children (e.g. "lsoa" on a local authority, "ltla" on the UK) for choropleth maps.
 */
export const areaBoundaries = pgTable(
  "area_boundaries",
  {
    areaId: integer("area_id")
      .notNull()
      .references(() => areas.id, { onDelete: "cascade" }),
    layer: text("layer").notNull(),
    /** TopoJSON text: served as is, never queried inside, so not jsonb (no parse cost on import). */
    topology: text("topology").notNull(),
    source: text("source").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.areaId, table.layer] })],
);

/** Other spellings of an area's name (Stat-Xplore labels, former names), remembered across imports. */
export const areaNameAliases = pgTable(
  "area_name_aliases",
  {
    id: serial("id").primaryKey(),
    normalisedName: text("normalised_name").notNull(),
    name: text("name").notNull(),
    areaId: integer("area_id")
      .notNull()
      .references(() => areas.id, { onDelete: "cascade" }),
    source: text("source").notNull(),
    /** A former official name (name history): the last year the area carried it. */
    untilYear: smallint("until_year"),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("area_name_aliases_unique").on(table.normalisedName, table.areaId)],
);

/**
 * How the small areas of one edition became those of the next (ONS LSOA 2011 → 2021 change
 * file): U unchanged, S split (one old, several new), M merged (several old, one new), X
 * redrawn. Values are compared across editions only through this stated best fit.
 */
export const smallAreaChanges = pgTable(
  "small_area_changes",
  {
    oldAreaId: integer("old_area_id")
      .notNull()
      .references(() => areas.id, { onDelete: "cascade" }),
    newAreaId: integer("new_area_id")
      .notNull()
      .references(() => areas.id, { onDelete: "cascade" }),
    /** U, S, M or X, as the ONS change indicator (CHGIND). */
    change: text("change").notNull(),
    fromVintage: smallint("from_vintage").notNull(),
    toVintage: smallint("to_vintage").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.oldAreaId, table.newAreaId] }),
    index("small_area_changes_new_idx").on(table.newAreaId),
  ],
);

/** Geographic neighbours: "border" (longest shared border first) then "nearby". */
export const areaNeighbours = pgTable(
  "area_neighbours",
  {
    areaId: integer("area_id")
      .notNull()
      .references(() => areas.id, { onDelete: "cascade" }),
    neighbourId: integer("neighbour_id")
      .notNull()
      .references(() => areas.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    rank: smallint("rank").notNull(),
  },
  (table) => [primaryKey({ columns: [table.areaId, table.kind, table.neighbourId] })],
);

/** A named set of authorities (CIPFA list, statistical neighbours, user-defined). */
export const comparisonGroups = pgTable(
  "comparison_groups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Null for system-wide groups (national data loaded by an administrator). */
    partnershipId: uuid("partnership_id"),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    /** The authority the group was built for, when there is one (e.g. Trafford's CIPFA list). */
    subjectAreaId: integer("subject_area_id").references(() => areas.id),
    source: text("source").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("comparison_groups_name_unique").on(
      sql`coalesce(${table.partnershipId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      sql`lower(${table.name})`,
    ),
  ],
);

export const comparisonGroupMembers = pgTable(
  "comparison_group_members",
  {
    groupId: uuid("group_id")
      .notNull()
      .references(() => comparisonGroups.id, { onDelete: "cascade" }),
    areaId: integer("area_id")
      .notNull()
      .references(() => areas.id),
    rank: smallint("rank").notNull(),
  },
  (table) => [primaryKey({ columns: [table.groupId, table.areaId] })],
);

/** A partnership's named set of small areas, e.g. a regeneration area. */
export const localities = pgTable(
  "localities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: uuid("partnership_id").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("localities_name_unique").on(table.partnershipId, sql`lower(${table.name})`)],
);

export const localityAreas = pgTable(
  "locality_areas",
  {
    localityId: uuid("locality_id")
      .notNull()
      .references(() => localities.id, { onDelete: "cascade" }),
    areaId: integer("area_id")
      .notNull()
      .references(() => areas.id),
  },
  (table) => [primaryKey({ columns: [table.localityId, table.areaId] })],
);

/**
 * Reference data shipped with the service and loaded by `cpah migrate` (the built-in
 * geography): which version of each is in the database, so a new release loads its update once.
 */
export const referenceDataLoads = pgTable("reference_data_loads", {
  name: text("name").primaryKey(),
  version: text("version").notNull(),
  sha256: text("sha256").notNull(),
  loadedAt: timestamp("loaded_at", { withTimezone: true }).notNull().defaultNow(),
});
