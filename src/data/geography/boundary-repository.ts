/** Boundaries (TopoJSON by layer), name aliases and neighbours of areas. */
import { and, asc, eq, inArray } from "drizzle-orm";
import { chunks } from "../../kernel/db/arrays.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { areaBoundaries, areaNameAliases, areaNeighbours, areas } from "./tables.ts";

export async function upsertBoundary(
  db: Executor,
  areaId: number,
  layer: string,
  value: unknown,
  source: string,
): Promise<void> {
  const topology = typeof value === "string" ? value : JSON.stringify(value);
  await db
    .insert(areaBoundaries)
    .values({ areaId, layer, topology, source })
    .onConflictDoUpdate({
      target: [areaBoundaries.areaId, areaBoundaries.layer],
      set: { topology, source, updatedAt: new Date() },
    });
}

/** The stored TopoJSON text (send it as is, or JSON.parse it to draw). */
export async function findBoundary(db: Executor, areaId: number, layer: string): Promise<string | undefined> {
  const [row] = await db
    .select({ topology: areaBoundaries.topology })
    .from(areaBoundaries)
    .where(and(eq(areaBoundaries.areaId, areaId), eq(areaBoundaries.layer, layer)));
  return row?.topology;
}

/** Where a stored boundary came from (a file name, or "merged from …"), without reading the topology. */
export async function findBoundarySource(db: Executor, areaId: number, layer: string): Promise<string | undefined> {
  const [row] = await db
    .select({ source: areaBoundaries.source })
    .from(areaBoundaries)
    .where(and(eq(areaBoundaries.areaId, areaId), eq(areaBoundaries.layer, layer)));
  return row?.source;
}

export async function insertAliases(
  db: Executor,
  aliases: readonly (typeof areaNameAliases.$inferInsert)[],
): Promise<number> {
  if (aliases.length === 0) return 0;
  const inserted = await db
    .insert(areaNameAliases)
    .values([...aliases])
    .onConflictDoNothing()
    .returning({ id: areaNameAliases.id });
  return inserted.length;
}

export function listAliases(db: Executor) {
  return db
    .select({
      normalisedName: areaNameAliases.normalisedName,
      areaId: areaNameAliases.areaId,
      untilYear: areaNameAliases.untilYear,
    })
    .from(areaNameAliases);
}

export async function replaceNeighbours(
  db: Executor,
  areaIds: readonly number[],
  links: readonly (typeof areaNeighbours.$inferInsert)[],
): Promise<number> {
  if (areaIds.length > 0) await db.delete(areaNeighbours).where(inArray(areaNeighbours.areaId, [...areaIds]));
  let written = 0;
  for (const part of chunks(links, 2000)) {
    written += (
      await db.insert(areaNeighbours).values(part).onConflictDoNothing().returning({ id: areaNeighbours.areaId })
    ).length;
  }
  return written;
}

export async function neighboursOf(db: Executor, areaId: number, kind?: string) {
  const where = kind
    ? and(eq(areaNeighbours.areaId, areaId), eq(areaNeighbours.kind, kind))
    : eq(areaNeighbours.areaId, areaId);
  return db
    .select({ kind: areaNeighbours.kind, rank: areaNeighbours.rank, area: areas })
    .from(areaNeighbours)
    .innerJoin(areas, eq(areas.id, areaNeighbours.neighbourId))
    .where(where)
    .orderBy(asc(areaNeighbours.kind), asc(areaNeighbours.rank));
}
