import { and, asc, eq, gt, inArray, type SQL, sql } from "drizzle-orm";
import { distinctInSlices, inTimedChunks, pgArray, timeSlicer, yieldToEventLoop } from "../../kernel/db/arrays.ts";
import { driverOf } from "../../kernel/db/copy.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { areaParents, areas } from "./tables.ts";

export type AreaRow = typeof areas.$inferSelect;

export interface AreaInput {
  code: string;
  name: string;
  type: string;
  nation: string | null;
  upperTier: boolean;
  lowerTier: boolean;
  startYear: number | null;
  endYear: number | null;
  /** Editions of the geography that publish the code (small areas, wards); merged with those stored. */
  vintages?: readonly number[] | undefined;
}

function rows<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** Rows a statement inserted, updated or deleted (node-postgres's rowCount: both databases go through it). */
function affectedRows(result: unknown): number {
  return (result as { rowCount?: number | null }).rowCount ?? 0;
}

/** Inserts areas in timed chunks through unnest; `onConflict` decides what happens to known codes. */
async function writeAreas(
  db: Executor,
  input: readonly AreaInput[],
  onConflict: SQL,
  countInsertedOnly = false,
): Promise<number> {
  let written = 0;
  await inTimedChunks(
    input.length,
    async (start, end) => {
      const part = input.slice(start, end);
      const result = await db.execute(sql`
      insert into areas (code, name, type, nation, upper_tier, lower_tier, start_year, end_year, vintages)
      select code, name, type, nation, upper_tier, lower_tier, start_year, end_year, vintages::smallint[]
      from unnest(${pgArray(part.map((a) => a.code))}::text[], ${pgArray(part.map((a) => a.name))}::text[],
        ${pgArray(part.map((a) => a.type))}::text[], ${pgArray(part.map((a) => a.nation))}::text[],
        ${pgArray(part.map((a) => a.upperTier))}::bool[], ${pgArray(part.map((a) => a.lowerTier))}::bool[],
        ${pgArray(part.map((a) => a.startYear))}::smallint[], ${pgArray(part.map((a) => a.endYear))}::smallint[],
        ${pgArray(part.map((a) => `{${(a.vintages ?? []).join(",")}}`))}::text[])
        t(code, name, type, nation, upper_tier, lower_tier, start_year, end_year, vintages)
      ${onConflict}`);
      // Counted by the driver unless only inserts count (then `onConflict` returns which rows were).
      written += countInsertedOnly
        ? rows<{ inserted: boolean }>(result).filter((r) => r.inserted).length
        : affectedRows(result);
    },
    { ownThread: driverOf(db) !== "postgres" },
  );
  return written;
}

/** Inserts or updates areas by code; tier flags only ever get added (a unitary is both). */
export function upsertAreas(db: Executor, input: readonly AreaInput[]): Promise<number> {
  return writeAreas(
    db,
    input,
    sql`on conflict (code) do update set name = excluded.name, type = excluded.type, nation = excluded.nation,
        upper_tier = areas.upper_tier or excluded.upper_tier, lower_tier = areas.lower_tier or excluded.lower_tier,
        start_year = coalesce(excluded.start_year, areas.start_year), end_year = coalesce(excluded.end_year, areas.end_year),
        vintages = ${MERGE_VINTAGES}, updated_at = now()`,
  );
}

/**
 * Adds areas only where the code is not known yet (lookups must not rename areas); a known
 * code only gains the vintages the file states. Returns the number of areas added.
 */
export async function insertMissingAreas(db: Executor, input: readonly AreaInput[]): Promise<number> {
  const dated = input.filter((a) => a.vintages?.length);
  if (dated.length === 0) return writeAreas(db, input, sql`on conflict (code) do nothing`);
  // xmax = 0 only on rows this statement inserted (the others took the update branch).
  return writeAreas(
    db,
    input,
    sql`on conflict (code) do update set vintages = ${MERGE_VINTAGES} where not (areas.vintages @> excluded.vintages)
      returning (xmax = 0) as inserted`,
    true,
  );
}

const MERGE_VINTAGES = sql`array(select distinct v from unnest(areas.vintages || excluded.vintages) v order by v)`;

export interface ParentLink {
  child: string;
  parent: string;
  relation: string;
}

/**
 * Replaces each child's parent of the given relation (a re-import moves areas cleanly). Codes
 * are resolved to ids once, then each chunk is a delete and an insert on ids through unnest:
 * joining areas by code in every statement let the planner keep the plan it chose when
 * area_parents was empty, and a national lookup (35,000 LSOAs × 3 relations) spent 9 of its
 * 13 s of CPU on PGlite in those statements.
 */
export async function linkParents(db: Executor, links: readonly ParentLink[]): Promise<number> {
  if (links.length === 0) return 0;
  // The codes gathered in timed slices: a national lookup has 100,000 links (200,000 codes).
  const codes = new Set<string>();
  const slice = timeSlicer();
  for (let i = 0; i < links.length; i++) {
    codes.add(links[i]!.child);
    codes.add(links[i]!.parent);
    if ((i & 1023) === 1023) await slice();
  }
  const ids = await areaIdsByCode(db, [...codes]);
  let written = 0;
  // Fixed statements (sized by time, PGlite's shrank on a busy host into hundreds of small ones
  // and cost more CPU), a turn between them; rows counted, not returned (5,000 "1"s to decode each).
  for (let start = 0; start < links.length; start += LINK_STATEMENT_ROWS) {
    await yieldToEventLoop();
    // Unknown children have nothing to replace; a link to an unknown parent still clears the old one.
    const known = links.slice(start, start + LINK_STATEMENT_ROWS).filter((link) => ids.has(link.child));
    if (known.length === 0) continue;
    await db.execute(sql`
      delete from area_parents ap using unnest(${pgArray(known.map((l) => ids.get(l.child)!))}::int[],
        ${pgArray(known.map((l) => l.relation))}::text[]) t(child_id, relation)
      where ap.child_id = t.child_id and ap.relation = t.relation`);
    const linked = known.filter((link) => ids.has(link.parent));
    if (linked.length === 0) continue;
    const result = await db.execute(sql`
      insert into area_parents (child_id, parent_id, relation)
      select * from unnest(${pgArray(linked.map((l) => ids.get(l.child)!))}::int[],
        ${pgArray(linked.map((l) => ids.get(l.parent)!))}::int[], ${pgArray(linked.map((l) => l.relation))}::text[])
      on conflict do nothing`);
    written += affectedRows(result);
  }
  return written;
}

const LINK_STATEMENT_ROWS = 5000;

/**
 * Sets the parents of the given children: for each child, every relation it has in `links`
 * (child code, parent code; the relation is the parent's type) is replaced as a whole, so a
 * child may keep several parents of one relation (an authority in three combined authorities
 * over the years). Relations a child has no link of here are left alone.
 */
export async function replaceParentLinks(db: Executor, links: readonly (readonly [string, string])[]): Promise<number> {
  if (links.length === 0) return 0;
  const children = pgArray(links.map((l) => l[0]));
  const parents = pgArray(links.map((l) => l[1]));
  await db.execute(sql`
    with wanted as (
      select distinct c.id as child_id, p.type as relation
      from unnest(${children}::text[], ${parents}::text[]) t(child, parent)
      join areas c on c.code = t.child join areas p on p.code = t.parent
    )
    delete from area_parents ap using wanted w where ap.child_id = w.child_id and ap.relation = w.relation`);
  const result = await db.execute(sql`
    insert into area_parents (child_id, parent_id, relation)
    select c.id, p.id, p.type from unnest(${children}::text[], ${parents}::text[]) t(child, parent)
    join areas c on c.code = t.child join areas p on p.code = t.parent
    on conflict do nothing returning 1`);
  return rows(result).length;
}

/** code → id for the given codes (all areas when codes is omitted). */
export async function areaIdsByCode(db: Executor, codes?: readonly string[]): Promise<Map<string, number>> {
  if (!codes)
    return new Map((await db.select({ id: areas.id, code: areas.code }).from(areas)).map((row) => [row.code, row.id]));
  const found = new Map<string, number>();
  // In timed slices, so a 35,000-code lookup never holds PGlite (and the event loop) for long.
  const unique = await distinctInSlices(codes);
  await inTimedChunks(
    unique.length,
    async (start, end) => {
      const list = await db
        .select({ id: areas.id, code: areas.code })
        .from(areas)
        .where(sql`${areas.code} = any(${pgArray(unique.slice(start, end))}::text[])`);
      for (const row of list) found.set(row.code, row.id);
    },
    // At most 5,000 codes: binding them and mapping the rows is our thread's work whatever the database.
    { initial: 2000, max: 5000, ownThread: driverOf(db) !== "postgres" },
  );
  return found;
}

export async function findAreaByCode(db: Executor, code: string): Promise<AreaRow | undefined> {
  const [row] = await db.select().from(areas).where(eq(areas.code, code)).limit(1);
  return row;
}

export async function findAreaById(db: Executor, id: number): Promise<AreaRow | undefined> {
  const [row] = await db.select().from(areas).where(eq(areas.id, id)).limit(1);
  return row;
}

export function listAreasOfType(db: Executor, type: string, nation?: string): Promise<AreaRow[]> {
  const where = nation ? and(eq(areas.type, type), eq(areas.nation, nation)) : eq(areas.type, type);
  return db.select().from(areas).where(where).orderBy(asc(areas.name));
}

/** Areas of `type` under `parentId`, through any chain of parent links (recursive). */
export async function descendantsOfType(db: Executor, parentId: number, type: string): Promise<AreaRow[]> {
  const result = await db.execute(sql`
    with recursive tree(id) as (
      select ${parentId}::int
      union
      select ap.child_id from area_parents ap join tree on ap.parent_id = tree.id
    )
    select a.id, a.code, a.name, a.type, a.nation, a.upper_tier as "upperTier", a.lower_tier as "lowerTier",
      a.start_year as "startYear", a.end_year as "endYear", a.updated_at as "updatedAt"
    from areas a join tree on tree.id = a.id where a.type = ${type} and a.id <> ${parentId} order by a.name`);
  return rows<AreaRow>(result);
}

export interface ParentOfArea {
  relation: string;
  area: AreaRow;
}

export async function parentsOf(db: Executor, areaId: number): Promise<ParentOfArea[]> {
  const list = await db
    .select({ relation: areaParents.relation, area: areas })
    .from(areaParents)
    .innerJoin(areas, eq(areas.id, areaParents.parentId))
    .where(eq(areaParents.childId, areaId))
    .orderBy(asc(areaParents.relation));
  return list;
}

/** Sets end_year on areas whose code stopped being used, where the geography did not say. */
export async function closeAreas(db: Executor, ends: readonly { code: string; endYear: number }[]): Promise<void> {
  if (ends.length === 0) return;
  await db.execute(sql`
    update areas a set end_year = t.end_year from unnest(${pgArray(ends.map((e) => e.code))}::text[], ${pgArray(ends.map((e) => e.endYear))}::smallint[]) t(code, end_year)
    where a.code = t.code and a.end_year is null`);
}

/** Everything name matching needs, in one read. */
/** Rows per page of areasForMatching. */
const MATCHING_PAGE = 5000;

/**
 * Areas of these types for name matching, read in pages by id with the event loop given a turn
 * between them: every small area read and mapped in one go held it 100+ ms.
 */
export async function areasForMatching(db: Executor, types: readonly string[]) {
  const out = [];
  for (let after = 0; ; ) {
    const page = await db
      .select({
        id: areas.id,
        code: areas.code,
        name: areas.name,
        type: areas.type,
        startYear: areas.startYear,
        endYear: areas.endYear,
      })
      .from(areas)
      .where(and(inArray(areas.type, [...types]), gt(areas.id, after)))
      .orderBy(asc(areas.id))
      .limit(MATCHING_PAGE);
    for (const row of page) out.push(row);
    if (page.length < MATCHING_PAGE) return out;
    after = page[page.length - 1]!.id;
    await yieldToEventLoop();
  }
}

/** area id → the local authorities it lies in (an authority is its own), for the given ids. */
export async function authoritiesOfAreas(db: Executor, ids: readonly number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (ids.length === 0) return out;
  const result = await db.execute(sql`
    select a.id as "areaId", coalesce(ap.parent_id, a.id) as "authorityId"
    from areas a left join area_parents ap on ap.child_id = a.id and ap.relation = 'local-authority'
    where a.id = any(${pgArray([...new Set(ids)])}::int[])`);
  for (const row of rows<{ areaId: number | string; authorityId: number | string }>(result)) {
    const id = Number(row.areaId);
    out.set(id, [...(out.get(id) ?? []), Number(row.authorityId)]);
  }
  return out;
}

/** area id → the editions of the geography its code is published in (empty: not recorded). */
export async function areaVintages(db: Executor, ids: readonly number[]): Promise<Map<number, number[]>> {
  const found = new Map<number, number[]>();
  const unique = await distinctInSlices(ids);
  await inTimedChunks(
    unique.length,
    async (start, end) => {
      const list = await db
        .select({ id: areas.id, vintages: areas.vintages })
        .from(areas)
        .where(sql`${areas.id} = any(${pgArray(unique.slice(start, end))}::int[])`);
      for (const row of list) found.set(row.id, row.vintages.map(Number));
    },
    // At most 5,000 codes: binding them and mapping the rows is our thread's work whatever the database.
    { initial: 2000, max: 5000, ownThread: driverOf(db) !== "postgres" },
  );
  return found;
}

/** area id → type, for the given ids. */
export async function listAreaTypes(db: Executor, ids: readonly number[]): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  const unique = await distinctInSlices(ids);
  await inTimedChunks(
    unique.length,
    async (start, end) => {
      const list = await db
        .select({ id: areas.id, type: areas.type })
        .from(areas)
        .where(sql`${areas.id} = any(${pgArray(unique.slice(start, end))}::int[])`);
      for (const row of list) found.set(row.id, row.type);
    },
    // At most 5,000 codes: binding them and mapping the rows is our thread's work whatever the database.
    { initial: 2000, max: 5000, ownThread: driverOf(db) !== "postgres" },
  );
  return found;
}

/** Codes of the parents (of one relation) shared by every one of the given children. */
export async function commonParentCodes(
  db: Executor,
  childCodes: readonly string[],
  relation: string,
): Promise<string[]> {
  if (childCodes.length === 0) return [];
  const result = await db.execute(sql`
    select p.code from area_parents ap join areas c on c.id = ap.child_id join areas p on p.id = ap.parent_id
    where c.code = any(${pgArray([...childCodes])}::text[]) and ap.relation = ${relation}
    group by p.code having count(*) = ${childCodes.length}`);
  return rows<{ code: string }>(result).map((row) => row.code);
}

/**
 * Areas of `type` linked directly to `parentId` (one index range on area_parents_parent_idx):
 * LSOAs and data zones link straight to their authority, so profiles need no recursive walk.
 */
export async function childrenOfType(
  db: Executor,
  parent: { id: number; type: string },
  type: string,
): Promise<AreaRow[]> {
  return db
    .select({ area: areas })
    .from(areaParents)
    .innerJoin(areas, eq(areas.id, areaParents.childId))
    .where(and(eq(areaParents.parentId, parent.id), eq(areaParents.relation, parent.type), eq(areas.type, type)))
    .orderBy(asc(areas.name))
    .then((rows) => rows.map((row) => row.area));
}
