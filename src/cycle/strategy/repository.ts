import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import {
  evidenceLinks,
  relatedStrategies,
  strategicChoices,
  strategies,
  strategyPriorities,
  strategySignOffs,
} from "./tables.ts";

export type StrategyRow = typeof strategies.$inferSelect;
export type PriorityRow = typeof strategyPriorities.$inferSelect;
export type ChoiceRow = typeof strategicChoices.$inferSelect;
export type RelatedRow = typeof relatedStrategies.$inferSelect;
export type SignOffRow = typeof strategySignOffs.$inferSelect;
export type EvidenceRow = typeof evidenceLinks.$inferSelect;

export async function findStrategy(db: Executor, partnershipId: string): Promise<StrategyRow | undefined> {
  const [row] = await db.select().from(strategies).where(eq(strategies.partnershipId, partnershipId)).limit(1);
  return row;
}

export async function insertStrategy(db: Executor, values: typeof strategies.$inferInsert): Promise<StrategyRow> {
  const [row] = await db.insert(strategies).values(values).returning();
  return row!;
}

export async function updateStrategy(
  db: Executor,
  partnershipId: string,
  values: Partial<typeof strategies.$inferInsert>,
) {
  const [row] = await db
    .update(strategies)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(strategies.partnershipId, partnershipId))
    .returning();
  return row!;
}

export function listPriorities(db: Executor, partnershipId: string): Promise<PriorityRow[]> {
  return db
    .select()
    .from(strategyPriorities)
    .where(eq(strategyPriorities.partnershipId, partnershipId))
    .orderBy(asc(strategyPriorities.position), asc(strategyPriorities.title));
}

export async function findPriority(db: Executor, partnershipId: string, id: string): Promise<PriorityRow | undefined> {
  const [row] = await db
    .select()
    .from(strategyPriorities)
    .where(and(eq(strategyPriorities.id, id), eq(strategyPriorities.partnershipId, partnershipId)))
    .limit(1);
  return row;
}

export async function insertPriority(
  db: Executor,
  values: typeof strategyPriorities.$inferInsert,
): Promise<PriorityRow> {
  const [row] = await db.insert(strategyPriorities).values(values).returning();
  return row!;
}

export async function updatePriority(
  db: Executor,
  partnershipId: string,
  id: string,
  values: Partial<typeof strategyPriorities.$inferInsert>,
) {
  const [row] = await db
    .update(strategyPriorities)
    .set(values)
    .where(and(eq(strategyPriorities.id, id), eq(strategyPriorities.partnershipId, partnershipId)))
    .returning();
  return row;
}

export async function deletePriority(
  db: Executor,
  partnershipId: string,
  id: string,
): Promise<PriorityRow | undefined> {
  const [row] = await db
    .delete(strategyPriorities)
    .where(and(eq(strategyPriorities.id, id), eq(strategyPriorities.partnershipId, partnershipId)))
    .returning();
  if (row) await deleteEvidenceFor(db, partnershipId, "priority", [id]);
  return row;
}

export function listChoices(db: Executor, partnershipId: string): Promise<ChoiceRow[]> {
  return db
    .select()
    .from(strategicChoices)
    .where(eq(strategicChoices.partnershipId, partnershipId))
    .orderBy(asc(strategicChoices.option));
}

export async function insertChoice(db: Executor, values: typeof strategicChoices.$inferInsert): Promise<ChoiceRow> {
  const [row] = await db.insert(strategicChoices).values(values).returning();
  return row!;
}

export function listRelated(db: Executor, partnershipId: string): Promise<RelatedRow[]> {
  return db
    .select()
    .from(relatedStrategies)
    .where(eq(relatedStrategies.partnershipId, partnershipId))
    .orderBy(asc(relatedStrategies.name));
}

export async function insertRelated(db: Executor, values: typeof relatedStrategies.$inferInsert): Promise<RelatedRow> {
  const [row] = await db.insert(relatedStrategies).values(values).returning();
  return row!;
}

export function listSignOffs(db: Executor, partnershipId: string): Promise<SignOffRow[]> {
  return db
    .select()
    .from(strategySignOffs)
    .where(eq(strategySignOffs.partnershipId, partnershipId))
    .orderBy(asc(strategySignOffs.signedOn));
}

export async function insertSignOff(db: Executor, values: typeof strategySignOffs.$inferInsert): Promise<SignOffRow> {
  const [row] = await db.insert(strategySignOffs).values(values).returning();
  return row!;
}

const childTables = { choice: strategicChoices, related: relatedStrategies, "sign-off": strategySignOffs } as const;
export type StrategyChild = keyof typeof childTables;

/** A choice, related strategy or sign-off of this partnership, with the words that name it; undefined if not found. */
export async function findChild(db: Executor, kind: StrategyChild, partnershipId: string, id: string) {
  const table = childTables[kind];
  const [row] = await db
    .select()
    .from(table)
    .where(and(eq(table.id, id), eq(table.partnershipId, partnershipId)))
    .limit(1);
  if (!row) return undefined;
  return { id: row.id, name: "option" in row ? row.option : row.name };
}

/** Deletes a choice, related strategy or sign-off of this partnership; undefined if not found. */
export async function deleteChild(db: Executor, kind: StrategyChild, partnershipId: string, id: string) {
  const table = childTables[kind];
  const [row] = await db
    .delete(table)
    .where(and(eq(table.id, id), eq(table.partnershipId, partnershipId)))
    .returning();
  return row as Record<string, unknown> | undefined;
}

export function listEvidence(
  db: Executor,
  partnershipId: string,
  subjectType?: "priority" | "action",
): Promise<EvidenceRow[]> {
  const where = subjectType
    ? and(eq(evidenceLinks.partnershipId, partnershipId), eq(evidenceLinks.subjectType, subjectType))
    : eq(evidenceLinks.partnershipId, partnershipId);
  return db.select().from(evidenceLinks).where(where).orderBy(asc(evidenceLinks.createdAt));
}

export function listEvidenceFor(
  db: Executor,
  partnershipId: string,
  subjectType: "priority" | "action",
  subjectId: string,
) {
  return db
    .select()
    .from(evidenceLinks)
    .where(
      and(
        eq(evidenceLinks.partnershipId, partnershipId),
        eq(evidenceLinks.subjectType, subjectType),
        eq(evidenceLinks.subjectId, subjectId),
      ),
    )
    .orderBy(asc(evidenceLinks.createdAt));
}

export async function insertEvidence(db: Executor, values: typeof evidenceLinks.$inferInsert): Promise<EvidenceRow> {
  const [row] = await db.insert(evidenceLinks).values(values).returning();
  return row!;
}

/** An evidence link of this partnership on the given priority or action; undefined if not found. */
export async function findEvidenceLink(
  db: Executor,
  partnershipId: string,
  subject: { type: string; id: string },
  id: string,
): Promise<EvidenceRow | undefined> {
  const [row] = await db
    .select()
    .from(evidenceLinks)
    .where(
      and(
        eq(evidenceLinks.id, id),
        eq(evidenceLinks.partnershipId, partnershipId),
        eq(evidenceLinks.subjectType, subject.type),
        eq(evidenceLinks.subjectId, subject.id),
      ),
    )
    .limit(1);
  return row;
}

export async function deleteEvidence(
  db: Executor,
  partnershipId: string,
  id: string,
): Promise<EvidenceRow | undefined> {
  const [row] = await db
    .delete(evidenceLinks)
    .where(and(eq(evidenceLinks.id, id), eq(evidenceLinks.partnershipId, partnershipId)))
    .returning();
  return row;
}

export async function deleteEvidenceFor(
  db: Executor,
  partnershipId: string,
  subjectType: string,
  subjectIds: string[],
) {
  if (subjectIds.length === 0) return;
  await db
    .delete(evidenceLinks)
    .where(
      and(
        eq(evidenceLinks.partnershipId, partnershipId),
        eq(evidenceLinks.subjectType, subjectType),
        inArray(evidenceLinks.subjectId, subjectIds),
      ),
    );
}
