import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, inArray, lt, ne, sql } from "drizzle-orm";
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

/** Returns the session's user if the token is live; slides the idle expiry at most once a minute. */
export async function resolveSession(
  db: Executor,
  token: string,
  idleMinutes: number,
): Promise<{ userId: string; idHash: string } | null> {
  const idHash = hashToken(token);
  const [row] = await db
    .select({ userId: sessions.userId, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, sql`now()`)))
    .limit(1);
  if (!row) return null;
  if (Date.now() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(), expiresAt: new Date(Date.now() + idleMinutes * 60_000) })
      .where(eq(sessions.idHash, idHash));
  }
  return { userId: row.userId, idHash };
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
