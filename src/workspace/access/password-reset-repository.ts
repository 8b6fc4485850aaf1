import { and, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import { mfaChallenges } from "./mfa-tables.ts";
import { passwordResets } from "./password-reset-tables.ts";
import { users } from "./tables.ts";

/** A new link replaces any unused one: only the latest email works. */
export async function replaceReset(db: Executor, userId: string, tokenHash: string, expiresAt: Date): Promise<void> {
  await db.delete(passwordResets).where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
  await db.insert(passwordResets).values({ userId, tokenHash, expiresAt });
}

export async function findResetByHash(db: Executor, tokenHash: string) {
  const [row] = await db
    .select({
      id: passwordResets.id,
      userId: passwordResets.userId,
      usedAt: passwordResets.usedAt,
      expired: sql<boolean>`${passwordResets.expiresAt} <= now()`,
      email: users.email,
      status: users.status,
    })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(eq(passwordResets.tokenHash, tokenHash))
    .limit(1);
  return row;
}

/** Marks the link used, atomically: false if it was used (or expired) meanwhile. */
export async function markResetUsed(db: Executor, id: string): Promise<boolean> {
  const rows = await db
    .update(passwordResets)
    .set({ usedAt: sql`now()` })
    .where(and(eq(passwordResets.id, id), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, sql`now()`)))
    .returning({ id: passwordResets.id });
  return rows.length === 1;
}

/** After a reset: the person's other links and half-done sign-ins (made with the old password) go. */
export async function dropPendingForUser(db: Executor, userId: string): Promise<void> {
  await db.delete(passwordResets).where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
  await db.delete(mfaChallenges).where(eq(mfaChallenges.userId, userId));
}

/** Links expired or used more than a day ago. */
export async function purgeOldResets(db: Executor): Promise<number> {
  const rows = await db
    .delete(passwordResets)
    .where(
      or(
        lt(passwordResets.expiresAt, sql`now() - interval '1 day'`),
        lt(passwordResets.usedAt, sql`now() - interval '1 day'`),
      ),
    )
    .returning({ id: passwordResets.id });
  return rows.length;
}
