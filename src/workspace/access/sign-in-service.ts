import { recordAudit } from "../../kernel/audit/audit.ts";
import { verifyPassword } from "../../kernel/auth/passwords.ts";
import {
  clearFailures,
  createSession,
  destroySession,
  recentFailures,
  recordFailure,
  throttle,
} from "../../kernel/auth/sessions.ts";
import type { Db } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { findUserByEmail, updateUser } from "./repository.ts";

export interface SignInMeta {
  ip: string;
  userAgent?: string;
  requestId: string;
}

// One message for every bad combination, so the form never reveals which emails exist.
export const BAD_CREDENTIALS = "Enter a correct email address and password";
export const LOCKED_OUT = `There have been too many attempts to sign in. Wait ${throttle.windowMinutes} minutes and try again`;

/** Checks the password with throttling by email and by IP; returns a new session token. */
export async function signIn(
  db: Db,
  email: string,
  password: string,
  idleMinutes: number,
  meta: SignInMeta,
): Promise<string> {
  const emailKey = `email:${email.trim().toLowerCase()}`;
  const ipKey = `ip:${meta.ip}`;
  const [emailFailures, ipFailures] = await Promise.all([recentFailures(db, emailKey), recentFailures(db, ipKey)]);
  if (emailFailures >= throttle.maxPerEmail || ipFailures >= throttle.maxPerIp) {
    throw new AppError("RATE_LIMITED", LOCKED_OUT, {
      fieldErrors: [{ field: "email", message: LOCKED_OUT }],
      retryAfterSeconds: throttle.windowMinutes * 60,
    });
  }
  const user = await findUserByEmail(db, email.trim());
  const usable = user && user.status === "active" ? user : undefined;
  const valid = await verifyPassword(usable?.passwordHash ?? null, password);
  if (!usable || !valid) {
    await db.transaction(async (tx) => {
      await recordFailure(tx, [emailKey, ipKey]);
      await recordAudit(
        tx,
        {
          actorUserId: null,
          actorLabel: email.trim().toLowerCase().slice(0, 200),
          requestId: meta.requestId,
          ip: meta.ip,
        },
        { action: "session.sign_in_failed", entityType: "session" },
      );
    });
    throw AppError.validation([{ field: "email", message: BAD_CREDENTIALS }], BAD_CREDENTIALS);
  }
  return db.transaction(async (tx) => {
    await clearFailures(tx, emailKey);
    await updateUser(tx, usable.id, { lastSignInAt: new Date() });
    const token = await createSession(tx, usable.id, idleMinutes, meta);
    await recordAudit(
      tx,
      { actorUserId: usable.id, actorLabel: usable.email, requestId: meta.requestId, ip: meta.ip },
      { action: "session.sign_in", entityType: "user", entityId: usable.id },
    );
    return token;
  });
}

export async function signOut(db: Db, token: string, context: Parameters<typeof recordAudit>[1]): Promise<void> {
  await db.transaction(async (tx) => {
    await destroySession(tx, token);
    await recordAudit(tx, context, { action: "session.sign_out", entityType: "user", entityId: context.actorUserId });
  });
}
