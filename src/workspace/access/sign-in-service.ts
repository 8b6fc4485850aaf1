import { recordAudit } from "../../kernel/audit/audit.ts";
import { verifyPassword } from "../../kernel/auth/passwords.ts";
import { createSession, destroySession } from "../../kernel/auth/sessions.ts";
import { releaseAttempt, reserveAttempt, throttleKeys, waitText } from "../../kernel/auth/throttle.ts";
import type { Db } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { refuseIfSsoRequired } from "./oidc-policy.ts";
import { type SecondStep, secondStepFor, startChallenge } from "./mfa-service.ts";
import { findUserByEmail, updateUser } from "./repository.ts";

export interface SignInMeta {
  ip: string;
  userAgent?: string;
  requestId: string;
  /** Where to go once fully signed in (kept with a half-done sign-in that needs a second factor). */
  returnTo?: string;
}

/** A session, or (MFA, issue 11) a half-done sign-in whose second step comes next. */
export type SignInResult = { session: string } | { secondStep: { purpose: SecondStep; token: string } };

// One message for every bad combination, so the form never reveals which emails exist.
export const BAD_CREDENTIALS = "Enter a correct email address and password";
export const lockedOut = (seconds: number) =>
  `There have been too many attempts to sign in. Wait ${waitText(seconds)} and try again`;

/**
 * Checks the password, throttled per account and address and per address (kernel/auth/throttle.ts):
 * the attempt is counted before the password is checked, so parallel guesses cannot outrun the
 * count; returns a new session token, or a challenge token when a second factor must follow.
 */
export async function signIn(
  db: Db,
  email: string,
  password: string,
  idleMinutes: number,
  meta: SignInMeta,
): Promise<SignInResult> {
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
  const secondStep = await secondStepFor(db, usable);
  return db.transaction(async (tx) => {
    await releaseAttempt(tx, keys);
    if (secondStep) {
      // Not signed in yet: the session starts only after the code (mfa-service.ts).
      const token = await startChallenge(tx, usable.id, secondStep, meta.returnTo ?? "/dashboard");
      await recordAudit(
        tx,
        { actorUserId: usable.id, actorLabel: usable.email, requestId: meta.requestId, ip: meta.ip },
        { action: "session.password_accepted", entityType: "user", entityId: usable.id, after: { next: secondStep } },
      );
      return { secondStep: { purpose: secondStep, token } };
    }
    await updateUser(tx, usable.id, { lastSignInAt: new Date() });
    const token = await createSession(tx, usable.id, idleMinutes, meta, "password");
    await recordAudit(
      tx,
      { actorUserId: usable.id, actorLabel: usable.email, requestId: meta.requestId, ip: meta.ip },
      { action: "session.sign_in", entityType: "user", entityId: usable.id },
    );
    return { session: token };
  });
}

export async function signOut(db: Db, token: string, context: Parameters<typeof recordAudit>[1]): Promise<void> {
  await db.transaction(async (tx) => {
    await destroySession(tx, token);
    await recordAudit(tx, context, { action: "session.sign_out", entityType: "user", entityId: context.actorUserId });
  });
}
