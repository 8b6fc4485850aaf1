import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, inArray, lt, ne, type Placeholder, sql } from "drizzle-orm";
import type { Executor } from "../db/database.ts";
import { sessions } from "./tables.ts";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** How a session was opened: a password alone, a password and a second factor, or single sign-on. */
export const sessionMethods = ["password", "password+second-factor", "single-sign-on"] as const;
export type SessionMethod = (typeof sessionMethods)[number];

export async function createSession(
  db: Executor,
  userId: string,
  idleMinutes: number,
  meta: { ip?: string; userAgent?: string },
  method: SessionMethod,
): Promise<string> {
  const token = newToken();
  await db.insert(sessions).values({
    idHash: hashToken(token),
    userId,
    method,
    expiresAt: new Date(Date.now() + idleMinutes * 60_000),
    ip: meta.ip ?? null,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return token;
}

const TOUCH_AFTER_MS = 60_000;

/**
 * The live (unexpired) session with this token hash, as a subquery named "session" (its user id
 * and when it was last seen), for the actor loader to join to the person and their grants: the
 * session is checked on every request, and on the embedded database each statement costs more
 * than its work, so the check and the person are read in one. `idHash` may be a placeholder of a
 * prepared statement.
 */
export function liveSession(db: Executor, idHash: string | Placeholder) {
  return db
    .select({ userId: sessions.userId, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, sql`now()`)))
    .as("session");
}

/** Slides a live session's idle expiry, at most once a minute (lastSeenAt as read with it). */
export async function touchSession(db: Executor, idHash: string, lastSeenAt: Date, idleMinutes: number): Promise<void> {
  if (Date.now() - lastSeenAt.getTime() <= TOUCH_AFTER_MS) return;
  await db
    .update(sessions)
    .set({ lastSeenAt: new Date(), expiresAt: new Date(Date.now() + idleMinutes * 60_000) })
    .where(eq(sessions.idHash, idHash));
}

export async function destroySession(db: Executor, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, hashToken(token)));
}

export async function destroyUserSessions(db: Executor, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/**
 * Ends the sessions of these people except one's (the caller's own, so it keeps working), all
 * of them or only those opened in the given ways; returns how many ended.
 */
export async function destroySessionsOf(
  db: Executor,
  userIds: string[],
  keepUserId?: string | null,
  methods?: readonly SessionMethod[],
): Promise<number> {
  if (userIds.length === 0) return 0;
  const rows = await db
    .delete(sessions)
    .where(
      and(
        inArray(sessions.userId, userIds),
        keepUserId ? ne(sessions.userId, keepUserId) : undefined,
        methods ? inArray(sessions.method, [...methods]) : undefined,
      ),
    )
    .returning({ idHash: sessions.idHash });
  return rows.length;
}

/** Deletes sessions past their expiry; returns how many went. */
export async function purgeExpiredSessions(db: Executor): Promise<number> {
  const removed = await db
    .delete(sessions)
    .where(lt(sessions.expiresAt, sql`now()`))
    .returning({ idHash: sessions.idHash });
  return removed.length;
}
