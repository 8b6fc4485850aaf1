import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import { areas, comparisonGroupMembers, comparisonGroups, localities, localityAreas } from "../geography/index.ts";

/** Localities of a partnership with how many small areas each holds. */
export async function localitiesWithCounts(db: Executor, partnershipId: string) {
  const rows = await db
    .select({
      id: localities.id,
      name: localities.name,
      description: localities.description,
      areaCount: sql<number>`count(${localityAreas.areaId})::int`,
    })
    .from(localities)
    .leftJoin(localityAreas, eq(localityAreas.localityId, localities.id))
    .where(eq(localities.partnershipId, partnershipId))
    .groupBy(localities.id)
    .orderBy(asc(localities.name));
  return rows.map((row) => ({ ...row, areaCount: Number(row.areaCount) }));
}

/** Comparison groups a partnership can use (its own and system-wide ones), with member counts. */
export async function groupsWithCounts(db: Executor, partnershipId: string) {
  const rows = await db
    .select({
      id: comparisonGroups.id,
      name: comparisonGroups.name,
      kind: comparisonGroups.kind,
      partnershipId: comparisonGroups.partnershipId,
      source: comparisonGroups.source,
      memberCount: sql<number>`count(${comparisonGroupMembers.areaId})::int`,
    })
    .from(comparisonGroups)
    .leftJoin(comparisonGroupMembers, eq(comparisonGroupMembers.groupId, comparisonGroups.id))
    .where(sql`(${comparisonGroups.partnershipId} = ${partnershipId} or ${comparisonGroups.partnershipId} is null)`)
    .groupBy(comparisonGroups.id)
    .orderBy(asc(comparisonGroups.name));
  return rows.map((row) => ({ ...row, memberCount: Number(row.memberCount) }));
}

export async function updateLocalityRecord(
  db: Executor,
  id: string,
  partnershipId: string,
  values: { name: string; description: string },
): Promise<void> {
  await db
    .update(localities)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(localities.id, id), eq(localities.partnershipId, partnershipId)));
}

export async function findLocalityByName(db: Executor, partnershipId: string, name: string) {
  const [row] = await db
    .select({ id: localities.id })
    .from(localities)
    .where(and(eq(localities.partnershipId, partnershipId), sql`lower(${localities.name}) = lower(${name})`))
    .limit(1);
  return row;
}

/** Only the partnership's own groups can be deleted: system-wide ones belong to the administrators. */
export async function deleteOwnGroup(db: Executor, id: string, partnershipId: string): Promise<boolean> {
  const removed = await db
    .delete(comparisonGroups)
    .where(and(eq(comparisonGroups.id, id), eq(comparisonGroups.partnershipId, partnershipId)))
    .returning({ id: comparisonGroups.id });
  return removed.length > 0;
}

export async function areasByIds(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(areas)
    .where(inArray(areas.id, [...ids]));
}
