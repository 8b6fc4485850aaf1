import { and, count, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import { mfaChallenges, mfaRecoveryCodes, userMfa } from "./mfa-tables.ts";

export type MfaRow = typeof userMfa.$inferSelect;

export async function findMfa(db: Executor, userId: string): Promise<MfaRow | undefined> {
  const [row] = await db.select().from(userMfa).where(eq(userMfa.userId, userId)).limit(1);
  return row;
}

/** Stores a new pending secret (not enabled until a code from it is confirmed). */
export async function savePendingSecret(db: Executor, userId: string, secretEncrypted: string): Promise<void> {
  await db
    .insert(userMfa)
    .values({ userId, secretEncrypted })
    .onConflictDoUpdate({
      target: userMfa.userId,
      set: { secretEncrypted, enabledAt: null, lastUsedStep: null, createdAt: sql`now()`, updatedAt: sql`now()` },
    });
}

/** Seals an enrolled secret again (under MFA_ENCRYPTION_KEY), unless it changed meanwhile. */
export async function resealSecret(db: Executor, userId: string, before: string, after: string): Promise<void> {
  await db
    .update(userMfa)
    .set({ secretEncrypted: after, updatedAt: sql`now()` })
    .where(and(eq(userMfa.userId, userId), eq(userMfa.secretEncrypted, before)));
}

/** Enables the pending secret, with the step of the code that confirmed it already used. */
export async function enableMfa(db: Executor, userId: string, step: number): Promise<boolean> {
  const rows = await db
    .update(userMfa)
    .set({ enabledAt: sql`now()`, lastUsedStep: step, resetAt: null, updatedAt: sql`now()` })
    .where(and(eq(userMfa.userId, userId), isNull(userMfa.enabledAt)))
    .returning({ userId: userMfa.userId });
  return rows.length === 1;
}

/**
 * Records a code's step as used, atomically: only a step later than the last one used is
 * accepted, so the same code (or an older one) cannot be played twice, even in parallel.
 */
export async function claimStep(db: Executor, userId: string, step: number): Promise<boolean> {
  const rows = await db
    .update(userMfa)
    .set({ lastUsedStep: step, updatedAt: sql`now()` })
    .where(
      and(
        eq(userMfa.userId, userId),
        sql`${userMfa.enabledAt} is not null`,
        or(isNull(userMfa.lastUsedStep), lt(userMfa.lastUsedStep, step)),
      ),
    )
    .returning({ userId: userMfa.userId });
  return rows.length === 1;
}

/** An administrator's reset: no secret, not enabled, and enrolment required at the next sign-in. */
export async function markReset(db: Executor, userId: string): Promise<void> {
  await db
    .insert(userMfa)
    .values({ userId, resetAt: sql`now()` })
    .onConflictDoUpdate({
      target: userMfa.userId,
      set: { secretEncrypted: null, enabledAt: null, lastUsedStep: null, resetAt: sql`now()`, updatedAt: sql`now()` },
    });
  await db.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
  await db.delete(mfaChallenges).where(eq(mfaChallenges.userId, userId));
}

/** A person turns their own second factor off: the secret, recovery codes and challenges go. */
export async function removeMfa(db: Executor, userId: string): Promise<void> {
  await db.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
  await db.delete(mfaChallenges).where(eq(mfaChallenges.userId, userId));
  await db.delete(userMfa).where(eq(userMfa.userId, userId));
}

export async function replaceRecoveryCodes(db: Executor, userId: string, hashes: string[]): Promise<void> {
  await db.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
  await db.insert(mfaRecoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash })));
}

/** Marks an unused recovery code used; false if there is no such unused code. */
export async function useRecoveryCode(db: Executor, userId: string, codeHash: string): Promise<boolean> {
  const rows = await db
    .update(mfaRecoveryCodes)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(mfaRecoveryCodes.userId, userId),
        eq(mfaRecoveryCodes.codeHash, codeHash),
        isNull(mfaRecoveryCodes.usedAt),
      ),
    )
    .returning({ id: mfaRecoveryCodes.id });
  return rows.length === 1;
}

export async function countUnusedRecoveryCodes(db: Executor, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(mfaRecoveryCodes)
    .where(and(eq(mfaRecoveryCodes.userId, userId), isNull(mfaRecoveryCodes.usedAt)));
  return Number(row?.n ?? 0);
}

export async function insertChallenge(db: Executor, row: typeof mfaChallenges.$inferInsert): Promise<void> {
  await db.insert(mfaChallenges).values(row);
}

export async function findLiveChallenge(db: Executor, tokenHash: string) {
  const [row] = await db
    .select()
    .from(mfaChallenges)
    .where(and(eq(mfaChallenges.tokenHash, tokenHash), gt(mfaChallenges.expiresAt, sql`now()`)))
    .limit(1);
  return row;
}

/** Counts a wrong code against the challenge; returns the failures so far. */
export async function countChallengeFailure(db: Executor, tokenHash: string): Promise<number> {
  const [row] = await db
    .update(mfaChallenges)
    .set({ failures: sql`${mfaChallenges.failures} + 1` })
    .where(eq(mfaChallenges.tokenHash, tokenHash))
    .returning({ failures: mfaChallenges.failures });
  return row?.failures ?? Number.POSITIVE_INFINITY;
}

/** Removes the challenge; false if it was already gone (another request used it). */
export async function deleteChallenge(db: Executor, tokenHash: string): Promise<boolean> {
  const rows = await db
    .delete(mfaChallenges)
    .where(eq(mfaChallenges.tokenHash, tokenHash))
    .returning({ tokenHash: mfaChallenges.tokenHash });
  return rows.length === 1;
}

export async function purgeExpiredChallenges(db: Executor): Promise<number> {
  const rows = await db
    .delete(mfaChallenges)
    .where(lt(mfaChallenges.expiresAt, sql`now()`))
    .returning({ tokenHash: mfaChallenges.tokenHash });
  return rows.length;
}
