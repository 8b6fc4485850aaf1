import { recordAudit } from "../../kernel/audit/audit.ts";
import { verifyPassword } from "../../kernel/auth/passwords.ts";
import { createSession, destroySession } from "../../kernel/auth/sessions.ts";
import { releaseAttempt, reserveAttempt, throttleKeys, waitText } from "../../kernel/auth/throttle.ts";
import type { Db } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { refuseIfSsoRequired } from "./oidc-policy.ts";
import { findUserByEmail, updateUser } from "./repository.ts";

export interface SignInMeta {
  ip: string;
  userAgent?: string;
  requestId: string;
}

// One message for every bad combination, so the form never reveals which emails exist.
export const BAD_CREDENTIALS = "Enter a correct email address and password";
export const lockedOut = (seconds: number) =>
  `There have been too many attempts to sign in. Wait ${waitText(seconds)} and try again`;

/**
 * Checks the password, throttled per account and address and per address (kernel/auth/throttle.ts):
 * the attempt is counted before the password is checked, so parallel guesses cannot outrun the
 * count; returns a new session token.
 */
export async function signIn(
  db: Db,
  email: string,
  password: string,
  idleMinutes: number,
  meta: SignInMeta,
): Promise<string> {
  const keys = throttleKeys(email, meta.ip);
  const reservation = await reserveAttempt(db, keys);
  if (!reservation.allowed) {
    const message = lockedOut(reservation.retryAfterSeconds);
    throw new AppError("RATE_LIMITED", message, {
      fieldErrors: [{ field: "email", message }],
      retryAfterSeconds: reservation.retryAfterSeconds,
    });
  }
  const user = await findUserByEmail(db, email.trim());
  const usable = user && user.status === "active" ? user : undefined;
  const valid = await verifyPassword(usable?.passwordHash ?? null, password);
  if (!usable || !valid) {
    // The attempt was counted as a failure when it was reserved.
    await db.transaction(async (tx) => {
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
  // Single sign-on: an organisation may require it (oidc-policy.ts).
  await refuseIfSsoRequired(db, usable, meta);
  return db.transaction(async (tx) => {
    await releaseAttempt(tx, keys);
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
