import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import { priorityCriteria, priorityDecisions, priorityOptions, priorityRounds, priorityScores } from "./tables.ts";

export type RoundRow = typeof priorityRounds.$inferSelect;
export type OptionRow = typeof priorityOptions.$inferSelect;
export type CriterionRow = typeof priorityCriteria.$inferSelect;
export type ScoreRow = typeof priorityScores.$inferSelect;
export type DecisionRow = typeof priorityDecisions.$inferSelect;

export function listRounds(db: Executor, partnershipId: string): Promise<RoundRow[]> {
  return db
    .select()
    .from(priorityRounds)
    .where(eq(priorityRounds.partnershipId, partnershipId))
    .orderBy(desc(priorityRounds.createdAt));
}

export async function findRound(db: Executor, partnershipId: string, roundId: string): Promise<RoundRow | undefined> {
  const [row] = await db
    .select()
    .from(priorityRounds)
    .where(and(eq(priorityRounds.id, roundId), eq(priorityRounds.partnershipId, partnershipId)))
    .limit(1);
  return row;
}

/** Locks the round's row for the rest of the transaction, so two changes of status cannot interleave. */
export async function lockRound(db: Executor, partnershipId: string, roundId: string): Promise<RoundRow | undefined> {
  const [row] = await db
    .select()
    .from(priorityRounds)
    .where(and(eq(priorityRounds.id, roundId), eq(priorityRounds.partnershipId, partnershipId)))
    .for("update");
  return row;
}

export async function insertRound(db: Executor, values: typeof priorityRounds.$inferInsert): Promise<RoundRow> {
  const [row] = await db.insert(priorityRounds).values(values).returning();
  return row!;
}

export async function updateRound(
  db: Executor,
  partnershipId: string,
  roundId: string,
  values: Partial<typeof priorityRounds.$inferInsert>,
): Promise<RoundRow> {
  const [row] = await db
    .update(priorityRounds)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(priorityRounds.id, roundId), eq(priorityRounds.partnershipId, partnershipId)))
    .returning();
  return row!;
}

export function listOptions(db: Executor, partnershipId: string, roundId: string): Promise<OptionRow[]> {
  return db
    .select()
    .from(priorityOptions)
    .where(and(eq(priorityOptions.partnershipId, partnershipId), eq(priorityOptions.roundId, roundId)))
    .orderBy(asc(priorityOptions.createdAt), asc(priorityOptions.title));
}

export async function findOption(
  db: Executor,
  partnershipId: string,
  roundId: string,
  optionId: string,
): Promise<OptionRow | undefined> {
  const [row] = await db
    .select()
    .from(priorityOptions)
    .where(
      and(
        eq(priorityOptions.id, optionId),
        eq(priorityOptions.roundId, roundId),
        eq(priorityOptions.partnershipId, partnershipId),
      ),
    )
    .limit(1);
  return row;
}

export async function insertOption(db: Executor, values: typeof priorityOptions.$inferInsert): Promise<OptionRow> {
  const [row] = await db.insert(priorityOptions).values(values).returning();
  return row!;
}

export async function updateOption(
  db: Executor,
  partnershipId: string,
  optionId: string,
  values: Partial<typeof priorityOptions.$inferInsert>,
): Promise<OptionRow> {
  const [row] = await db
    .update(priorityOptions)
    .set(values)
    .where(and(eq(priorityOptions.id, optionId), eq(priorityOptions.partnershipId, partnershipId)))
    .returning();
  return row!;
}

export async function deleteOption(db: Executor, partnershipId: string, optionId: string): Promise<void> {
  await db
    .delete(priorityOptions)
    .where(and(eq(priorityOptions.id, optionId), eq(priorityOptions.partnershipId, partnershipId)));
}

export function listCriteria(db: Executor, partnershipId: string, roundId: string): Promise<CriterionRow[]> {
  return db
    .select()
    .from(priorityCriteria)
    .where(and(eq(priorityCriteria.partnershipId, partnershipId), eq(priorityCriteria.roundId, roundId)))
    .orderBy(asc(priorityCriteria.position), asc(priorityCriteria.name));
}

export async function findCriterion(
  db: Executor,
  partnershipId: string,
  roundId: string,
  criterionId: string,
): Promise<CriterionRow | undefined> {
  const [row] = await db
    .select()
    .from(priorityCriteria)
    .where(
      and(
        eq(priorityCriteria.id, criterionId),
        eq(priorityCriteria.roundId, roundId),
        eq(priorityCriteria.partnershipId, partnershipId),
      ),
    )
    .limit(1);
  return row;
}

export async function insertCriteria(
  db: Executor,
  values: (typeof priorityCriteria.$inferInsert)[],
): Promise<CriterionRow[]> {
  return values.length ? db.insert(priorityCriteria).values(values).returning() : [];
}

export async function updateCriterion(
  db: Executor,
  partnershipId: string,
  criterionId: string,
  values: Partial<typeof priorityCriteria.$inferInsert>,
): Promise<CriterionRow> {
  const [row] = await db
    .update(priorityCriteria)
    .set(values)
    .where(and(eq(priorityCriteria.id, criterionId), eq(priorityCriteria.partnershipId, partnershipId)))
    .returning();
  return row!;
}

/** Every score of a round: for results only, once scoring has closed (lifecycle.resultsVisible). */
export function listScores(db: Executor, partnershipId: string, roundId: string): Promise<ScoreRow[]> {
  return db
    .select()
    .from(priorityScores)
    .where(and(eq(priorityScores.partnershipId, partnershipId), eq(priorityScores.roundId, roundId)));
}

/** One organisation's own score card (what its representatives see while scoring is open). */
export function listOrganisationScores(
  db: Executor,
  partnershipId: string,
  roundId: string,
  organisationId: string,
): Promise<ScoreRow[]> {
  return db
    .select()
    .from(priorityScores)
    .where(
      and(
        eq(priorityScores.partnershipId, partnershipId),
        eq(priorityScores.roundId, roundId),
        eq(priorityScores.organisationId, organisationId),
      ),
    );
}

/** How many organisations have scored, and how many scores each, without any score's value. */
export function scoringProgress(
  db: Executor,
  partnershipId: string,
  roundId: string,
): Promise<{ organisationId: string; scores: number }[]> {
  return db
    .select({ organisationId: priorityScores.organisationId, scores: count().mapWith(Number) })
    .from(priorityScores)
    .where(and(eq(priorityScores.partnershipId, partnershipId), eq(priorityScores.roundId, roundId)))
    .groupBy(priorityScores.organisationId);
}

/** Replaces an organisation's scores of the given options (withdrawn options' scores stay in the record). */
export async function replaceOrganisationScores(
  db: Executor,
  partnershipId: string,
  roundId: string,
  organisationId: string,
  optionIds: string[],
  cells: Omit<typeof priorityScores.$inferInsert, "partnershipId" | "roundId" | "organisationId">[],
): Promise<void> {
  await db
    .delete(priorityScores)
    .where(
      and(
        eq(priorityScores.partnershipId, partnershipId),
        eq(priorityScores.roundId, roundId),
        eq(priorityScores.organisationId, organisationId),
        inArray(priorityScores.optionId, optionIds),
      ),
    );
  if (cells.length)
    await db.insert(priorityScores).values(cells.map((cell) => ({ ...cell, partnershipId, roundId, organisationId })));
}

export async function findDecision(
  db: Executor,
  partnershipId: string,
  roundId: string,
): Promise<DecisionRow | undefined> {
  const [row] = await db
    .select()
    .from(priorityDecisions)
    .where(and(eq(priorityDecisions.partnershipId, partnershipId), eq(priorityDecisions.roundId, roundId)))
    .limit(1);
  return row;
}

export async function insertDecision(
  db: Executor,
  values: typeof priorityDecisions.$inferInsert,
): Promise<DecisionRow> {
  const [row] = await db.insert(priorityDecisions).values(values).returning();
  return row!;
}

/** Marks the chosen options (and the actions they became). */
export async function markChosen(db: Executor, partnershipId: string, optionId: string, actionId: string | null) {
  await db
    .update(priorityOptions)
    .set({ chosen: true, actionId: actionId ?? sql`${priorityOptions.actionId}` })
    .where(and(eq(priorityOptions.id, optionId), eq(priorityOptions.partnershipId, partnershipId)));
}
