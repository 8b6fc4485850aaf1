import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import { areas, comparisonGroupMembers, comparisonGroups, localities, localityAreas } from "./tables.ts";

export type ComparisonGroupRow = typeof comparisonGroups.$inferSelect;
export type LocalityRow = typeof localities.$inferSelect;

function ownedBy(partnershipId: string | null) {
  return partnershipId === null
    ? isNull(comparisonGroups.partnershipId)
    : eq(comparisonGroups.partnershipId, partnershipId);
}

export async function findGroupByName(
  db: Executor,
  partnershipId: string | null,
  name: string,
): Promise<ComparisonGroupRow | undefined> {
  const [row] = await db
    .select()
    .from(comparisonGroups)
    .where(and(ownedBy(partnershipId), sql`lower(${comparisonGroups.name}) = lower(${name})`))
    .limit(1);
  return row;
}

/** A group visible to a partnership: its own, or a system-wide one. */
export async function findGroup(
  db: Executor,
  id: string,
  partnershipId: string | null,
): Promise<ComparisonGroupRow | undefined> {
  const visible =
    partnershipId === null
      ? isNull(comparisonGroups.partnershipId)
      : sql`(${comparisonGroups.partnershipId} = ${partnershipId} or ${comparisonGroups.partnershipId} is null)`;
  const [row] = await db
    .select()
    .from(comparisonGroups)
    .where(and(eq(comparisonGroups.id, id), visible))
    .limit(1);
  return row;
}

export function listGroups(db: Executor, partnershipId: string | null): Promise<ComparisonGroupRow[]> {
  const visible =
    partnershipId === null
      ? isNull(comparisonGroups.partnershipId)
      : sql`(${comparisonGroups.partnershipId} = ${partnershipId} or ${comparisonGroups.partnershipId} is null)`;
  return db.select().from(comparisonGroups).where(visible).orderBy(asc(comparisonGroups.name));
}

export async function insertGroup(
  db: Executor,
  values: typeof comparisonGroups.$inferInsert,
): Promise<ComparisonGroupRow> {
  const [row] = await db.insert(comparisonGroups).values(values).returning();
  return row!;
}

export async function updateGroup(
  db: Executor,
  id: string,
  values: Partial<typeof comparisonGroups.$inferInsert>,
): Promise<void> {
  await db
    .update(comparisonGroups)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(comparisonGroups.id, id));
}

export async function replaceGroupMembers(db: Executor, groupId: string, areaIds: readonly number[]): Promise<void> {
  await db.delete(comparisonGroupMembers).where(eq(comparisonGroupMembers.groupId, groupId));
  if (areaIds.length > 0)
    await db
      .insert(comparisonGroupMembers)
      .values(areaIds.map((areaId, index) => ({ groupId, areaId, rank: index + 1 })));
}

export function groupMembers(db: Executor, groupId: string) {
  return db
    .select({ rank: comparisonGroupMembers.rank, area: areas })
    .from(comparisonGroupMembers)
    .innerJoin(areas, eq(areas.id, comparisonGroupMembers.areaId))
    .where(eq(comparisonGroupMembers.groupId, groupId))
    .orderBy(asc(comparisonGroupMembers.rank));
}

export async function insertLocality(db: Executor, values: typeof localities.$inferInsert): Promise<LocalityRow> {
  const [row] = await db.insert(localities).values(values).returning();
  return row!;
}

export async function findLocality(db: Executor, id: string, partnershipId: string): Promise<LocalityRow | undefined> {
  const [row] = await db
    .select()
    .from(localities)
    .where(and(eq(localities.id, id), eq(localities.partnershipId, partnershipId)))
    .limit(1);
  return row;
}

export function listLocalities(db: Executor, partnershipId: string): Promise<LocalityRow[]> {
  return db.select().from(localities).where(eq(localities.partnershipId, partnershipId)).orderBy(asc(localities.name));
}

export async function replaceLocalityAreas(
  db: Executor,
  localityId: string,
  areaIds: readonly number[],
): Promise<void> {
  await db.delete(localityAreas).where(eq(localityAreas.localityId, localityId));
  if (areaIds.length > 0) await db.insert(localityAreas).values(areaIds.map((areaId) => ({ localityId, areaId })));
}

export async function deleteLocality(db: Executor, id: string, partnershipId: string): Promise<boolean> {
  const removed = await db
    .delete(localities)
    .where(and(eq(localities.id, id), eq(localities.partnershipId, partnershipId)))
    .returning({ id: localities.id });
  return removed.length > 0;
}

export function localityMembers(db: Executor, localityId: string) {
  return db
    .select({ area: areas })
    .from(localityAreas)
    .innerJoin(areas, eq(areas.id, localityAreas.areaId))
    .where(eq(localityAreas.localityId, localityId))
    .orderBy(asc(areas.code));
}
