import { createHash } from "node:crypto";
import { inArray, lt, sql } from "drizzle-orm";
import type { Db, Executor } from "../db/database.ts";
import { loginThrottle } from "./tables.ts";

/**
 * Sign-in throttling, in the database so it holds across app nodes (ADR 0005). Failures count
 * per account *and address* — so a stranger's wrong passwords never lock someone out who signs
 * in from elsewhere — and per address across accounts (password spraying). Past the free
 * attempts each further failure doubles the wait before the next attempt is checked.
 */
export const throttle = {
  /**
   * Failures are forgotten this long after the last wait ended with no new attempt (counted from
   * the end of the wait, so waiting out the longest delay never wipes the slate).
   */
  forgetMinutes: 60,
  /** Attempts for one account from one address before waits begin. */
  freePerAccount: 5,
  /** Attempts from one address, whichever accounts, before waits begin. */
  freePerAddress: 50,
  firstDelaySeconds: 30,
  maxDelaySeconds: 15 * 60,
};

/** Seconds to wait after `failures` failures when `free` are allowed without waiting. */
export function delayAfter(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(throttle.firstDelaySeconds * 2 ** (failures - free), throttle.maxDelaySeconds);
}

const hashed = (text: string) => createHash("sha256").update(text).digest("base64url");

/** The rows an attempt counts against; hashed, so the table holds no email or address in clear. */
export function throttleKeys(email: string, address: string): { account: string; address: string } {
  return {
    account: hashed(`account:${email.trim().toLowerCase()}|address:${address}`),
    address: hashed(`address:${address}`),
  };
}

export type Reservation = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts an attempt before its password is checked, atomically: both rows are locked, and the
 * attempt goes ahead (counted as a failure until it succeeds) only if neither is waiting. Thirty
 * parallel guesses thus get `freePerAccount` checks, not thirty, on one node or many.
 */
export async function reserveAttempt(db: Db, keys: { account: string; address: string }): Promise<Reservation> {
  const limits = new Map([
    [keys.account, throttle.freePerAccount],
    [keys.address, throttle.freePerAddress],
  ]);
  return db.transaction(async (tx) => {
    await tx
      .insert(loginThrottle)
      .values([...limits.keys()].map((key) => ({ key })))
      .onConflictDoNothing();
    const rows = await tx
      .select({
        key: loginThrottle.key,
        failures: loginThrottle.failures,
        // Database time, the same clock on every node: the clock now, not the transaction's start
        // (now()), or an attempt whose transaction began before another's zero wait was written
        // would read that wait as still running and be refused.
        waitSeconds: sql<number>`greatest(0, ceil(extract(epoch from ${loginThrottle.nextAttemptAt} - clock_timestamp())))::int`,
        stale: sql<boolean>`${loginThrottle.nextAttemptAt} < clock_timestamp() - make_interval(mins => ${throttle.forgetMinutes})`,
      })
      .from(loginThrottle)
      .where(inArray(loginThrottle.key, [...limits.keys()]))
      .orderBy(loginThrottle.key)
      .for("update");
    const wait = Math.max(0, ...rows.filter((row) => !row.stale).map((row) => Number(row.waitSeconds)));
    if (wait > 0) return { allowed: false, retryAfterSeconds: wait };
    for (const row of rows) {
      const failures = (row.stale ? 0 : row.failures) + 1;
      await tx
        .update(loginThrottle)
        .set({
          failures,
          nextAttemptAt: sql`clock_timestamp() + make_interval(secs => ${delayAfter(failures, limits.get(row.key)!)})`,
          updatedAt: sql`now()`,
        })
        .where(sql`${loginThrottle.key} = ${row.key}`);
    }
    return { allowed: true };
  });
}

/** A correct password: the account's count from this address starts again; the address's loses this attempt. */
export async function releaseAttempt(tx: Executor, keys: { account: string; address: string }): Promise<void> {
  await tx.delete(loginThrottle).where(sql`${loginThrottle.key} = ${keys.account}`);
  await tx
    .update(loginThrottle)
    .set({
      failures: sql`greatest(${loginThrottle.failures} - 1, 0)`,
      nextAttemptAt: sql`case when ${loginThrottle.failures} - 1 < ${throttle.freePerAddress} then clock_timestamp() else ${loginThrottle.nextAttemptAt} end`,
    })
    .where(sql`${loginThrottle.key} = ${keys.address}`);
}

/** Rows whose failures are forgotten anyway: nothing left to remember. */
export async function purgeStaleThrottle(db: Executor): Promise<number> {
  const removed = await db
    .delete(loginThrottle)
    .where(lt(loginThrottle.nextAttemptAt, sql`now() - make_interval(mins => ${throttle.forgetMinutes})`))
    .returning({ key: loginThrottle.key });
  return removed.length;
}

/**
 * "1 minute", "4 minutes": how long the sign-in page asks someone to wait, in whole minutes so
 * the page reads the same for a few seconds either way (and for an email with no account).
 */
export function waitText(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
