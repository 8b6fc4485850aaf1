import { type AuditContext, recordAudit } from "../../kernel/audit/audit.ts";
import { createSession, destroyUserSessions, hashToken, newToken } from "../../kernel/auth/sessions.ts";
import { releaseAttempt, reserveAttempt, throttleKeys, waitText } from "../../kernel/auth/throttle.ts";
import type { Db, Executor } from "../../kernel/db/database.ts";
import {
  claimStep,
  countUnusedRecoveryCodes,
  countChallengeFailure,
  deleteChallenge,
  enableMfa,
  findLiveChallenge,
  findMfa,
  insertChallenge,
  markReset,
  replaceRecoveryCodes,
  resealSecret,
  savePendingSecret,
  useRecoveryCode,
} from "./mfa-repository.ts";
import {
  enrolmentQr,
  hashRecoveryCode,
  matchTotp,
  newRecoveryCodes,
  newTotpSecret,
  openTotpSecret,
  sealTotpSecret,
  type TotpKeys,
} from "./mfa-totp.ts";
import { findUserById, listCoordinatorNations, updateUser, type UserRow } from "./repository.ts";

/** How long the half-signed state lasts between the password and the code. */
export const CHALLENGE_MINUTES = 10;
/** Wrong codes against one challenge before the password is asked for again. */
export const CHALLENGE_MAX_FAILURES = 5;
/** A pending (unconfirmed) secret is shown again for this long, so a page refresh keeps the same QR code. */
const PENDING_MINUTES = 30;

export type SecondStep = "verify" | "enrol";
export interface RequestMeta {
  ip: string;
  userAgent?: string;
  requestId: string;
}

/** Administrators and national coordinators must use a second factor. */
export async function roleRequiresMfa(db: Executor, user: Pick<UserRow, "id" | "isPlatformAdmin">): Promise<boolean> {
  return user.isPlatformAdmin || (await listCoordinatorNations(db, user.id)).length > 0;
}

/** What must follow a correct password: a code, an enrolment, or nothing. */
export async function secondStepFor(
  db: Executor,
  user: Pick<UserRow, "id" | "isPlatformAdmin">,
): Promise<SecondStep | null> {
  const mfa = await findMfa(db, user.id);
  if (mfa?.enabledAt) return "verify";
  if (mfa?.resetAt || (await roleRequiresMfa(db, user))) return "enrol";
  return null;
}

/** Records the half-signed state server-side; returns the random token for the browser's cookie. */
export async function startChallenge(
  tx: Executor,
  userId: string,
  purpose: SecondStep,
  returnTo: string,
): Promise<string> {
  const token = newToken();
  await insertChallenge(tx, {
    tokenHash: hashToken(token),
    userId,
    purpose,
    returnTo,
    expiresAt: new Date(Date.now() + CHALLENGE_MINUTES * 60_000),
  });
  return token;
}

export async function loadChallenge(db: Executor, token: string | undefined) {
  if (!token) return undefined;
  const challenge = await findLiveChallenge(db, hashToken(token));
  if (!challenge) return undefined;
  const user = await findUserById(db, challenge.userId);
  return user && user.status === "active" ? { ...challenge, user } : undefined;
}

export type Challenge = NonNullable<Awaited<ReturnType<typeof loadChallenge>>>;

export type SecondStepResult =
  | { kind: "signed-in"; session: string; userId: string; returnTo: string; recoveryCodes?: string[] }
  | { kind: "start-again"; message: string }
  | { kind: "refused"; message: string; retryAfterSeconds?: number };

const WRONG_CODE = "Enter a correct code from your authenticator app, or one of your recovery codes";
const REUSED_CODE = "That code has already been used. Wait for your app to show a new code and enter that";
const WRONG_ENROL_CODE = "Enter the 6-digit code your authenticator app shows now";

const auditOf = (user: UserRow, meta: RequestMeta): AuditContext => ({
  actorUserId: user.id,
  actorLabel: user.email,
  requestId: meta.requestId,
  ip: meta.ip,
});

/**
 * Checks a code against a "verify" challenge: throttled like passwords (per account and
 * address), a used step refused, a recovery code spent; success ends the challenge and
 * starts the session.
 */
export async function verifyChallenge(
  db: Db,
  keys: TotpKeys,
  challenge: Challenge,
  code: string,
  idleMinutes: number,
  meta: RequestMeta,
): Promise<SecondStepResult> {
  const throttle = throttleKeys(`mfa:${challenge.userId}`, meta.ip);
  const reservation = await reserveAttempt(db, throttle);
  if (!reservation.allowed) {
    return {
      kind: "refused",
      message: `There have been too many attempts. Wait ${waitText(reservation.retryAfterSeconds)} and try again`,
      retryAfterSeconds: reservation.retryAfterSeconds,
    };
  }
  const mfa = await findMfa(db, challenge.userId);
  const opened = mfa?.enabledAt && mfa.secretEncrypted ? openTotpSecret(keys, mfa.secretEncrypted) : null;
  const entered = code.replace(/\s/g, "");
  let method: "totp" | "recovery-code" | undefined;
  let message = WRONG_CODE;
  if (/^\d{6}$/.test(entered)) {
    const step = opened ? matchTotp(opened.secret, entered) : null;
    if (step !== null) {
      if (await claimStep(db, challenge.userId, step)) method = "totp";
      else message = REUSED_CODE;
    }
    if (method && opened?.stale) await resealTotp(db, keys, challenge.userId, mfa!.secretEncrypted!, opened.secret);
  } else if (entered && (await useRecoveryCode(db, challenge.userId, hashRecoveryCode(entered)))) {
    method = "recovery-code";
  }
  if (!method) {
    const failures = await countChallengeFailure(db, challenge.tokenHash);
    await recordAudit(db, auditOf(challenge.user, meta), {
      action: "session.mfa_failed",
      entityType: "user",
      entityId: challenge.userId,
      after: { reason: message === REUSED_CODE ? "reused" : "wrong" },
    });
    if (failures >= CHALLENGE_MAX_FAILURES) {
      await deleteChallenge(db, challenge.tokenHash);
      return { kind: "start-again", message: "Too many wrong codes. Enter your email address and password again" };
    }
    return { kind: "refused", message };
  }
  return finishSignIn(db, challenge, idleMinutes, meta, throttle, { method });
}

/**
 * A secret sealed under SESSION_SECRET before MFA_ENCRYPTION_KEY was set is sealed again under
 * it once a correct code shows it is intact, so a later change of SESSION_SECRET leaves the
 * enrolment working. (Left as it was, every enrolment would stay tied to SESSION_SECRET until
 * people enrolled again, which is what the separate key is for.)
 */
export async function resealTotp(db: Executor, keys: TotpKeys, userId: string, sealed: string, secret: string) {
  await resealSecret(db, userId, sealed, sealTotpSecret(keys, secret));
}

async function finishSignIn(
  db: Db,
  challenge: Challenge,
  idleMinutes: number,
  meta: RequestMeta,
  keys: { account: string; address: string } | undefined,
  extra: { method: string; recoveryCodes?: string[] },
): Promise<SecondStepResult> {
  return db.transaction(async (tx) => {
    // Deleting the challenge is what makes it one-time: two requests racing on one cookie get one session.
    if (!(await deleteChallenge(tx, challenge.tokenHash))) {
      return {
        kind: "start-again",
        message: "Your sign-in has timed out. Enter your email address and password again",
      };
    }
    if (keys) await releaseAttempt(tx, keys);
    await updateUser(tx, challenge.userId, { lastSignInAt: new Date() });
    const session = await createSession(tx, challenge.userId, idleMinutes, meta, "password+second-factor");
    await recordAudit(tx, auditOf(challenge.user, meta), {
      action: "session.sign_in",
      entityType: "user",
      entityId: challenge.userId,
      after: { secondFactor: extra.method },
    });
    if (extra.method === "recovery-code") {
      await recordAudit(tx, auditOf(challenge.user, meta), {
        action: "mfa.recovery_code_used",
        entityType: "user",
        entityId: challenge.userId,
      });
    }
    return {
      kind: "signed-in",
      session,
      userId: challenge.userId,
      returnTo: challenge.returnTo,
      recoveryCodes: extra.recoveryCodes,
    };
  });
}

/**
 * The authenticator to scan: a pending secret (kept a while so a refresh shows the same one),
 * or undefined if the person is already enrolled — an enrolled secret is never shown again.
 */
export async function beginEnrolment(db: Executor, keys: TotpKeys, user: Pick<UserRow, "id" | "email">) {
  const mfa = await findMfa(db, user.id);
  if (mfa?.enabledAt) return undefined;
  const fresh = mfa?.secretEncrypted && Date.now() - mfa.createdAt.getTime() < PENDING_MINUTES * 60_000;
  let secret = fresh ? (openTotpSecret(keys, mfa.secretEncrypted!)?.secret ?? null) : null;
  if (!secret) {
    secret = newTotpSecret();
    await savePendingSecret(db, user.id, sealTotpSecret(keys, secret));
  }
  return { secret, ...(await enrolmentQr(secret, user.email)) };
}

/** Confirms the pending secret with a code from it; within the caller's transaction. */
async function confirmEnrolment(
  tx: Executor,
  keys: TotpKeys,
  userId: string,
  code: string,
  audit: AuditContext,
): Promise<{ ok: true; recoveryCodes: string[] } | { ok: false; message: string }> {
  const mfa = await findMfa(tx, userId);
  if (mfa?.enabledAt) return { ok: false, message: "Two-factor authentication is already set up" };
  const secret = mfa?.secretEncrypted ? (openTotpSecret(keys, mfa.secretEncrypted)?.secret ?? null) : null;
  const step = secret ? matchTotp(secret, code.replace(/\s/g, "")) : null;
  if (step === null || !(await enableMfa(tx, userId, step))) return { ok: false, message: WRONG_ENROL_CODE };
  const recoveryCodes = newRecoveryCodes();
  await replaceRecoveryCodes(tx, userId, recoveryCodes.map(hashRecoveryCode));
  await recordAudit(tx, audit, { action: "mfa.enrolled", entityType: "user", entityId: userId });
  return { ok: true, recoveryCodes };
}

/** Enrolment from the account page (signed in already). */
export async function enrolSignedIn(db: Db, keys: TotpKeys, userId: string, code: string, audit: AuditContext) {
  return db.transaction((tx) => confirmEnrolment(tx, keys, userId, code, audit));
}

/** Enrolment the sign-in requires: on a correct code, enrolled and signed in at once. */
export async function enrolAndSignIn(
  db: Db,
  keys: TotpKeys,
  challenge: Challenge,
  code: string,
  idleMinutes: number,
  meta: RequestMeta,
): Promise<SecondStepResult> {
  const enrolled = await db.transaction(async (tx) =>
    confirmEnrolment(tx, keys, challenge.userId, code, auditOf(challenge.user, meta)),
  );
  if (!enrolled.ok) return { kind: "refused", message: enrolled.message };
  return finishSignIn(db, challenge, idleMinutes, meta, undefined, {
    method: "totp-enrolment",
    recoveryCodes: enrolled.recoveryCodes,
  });
}

/**
 * An administrator resets a person's second factor after a lost device: the secret and recovery
 * codes go, the person's sessions end, and they must enrol again at their next sign-in.
 */
export async function resetMfa(db: Db, userId: string, audit: AuditContext): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await findMfa(tx, userId);
    await markReset(tx, userId);
    await destroyUserSessions(tx, userId);
    await recordAudit(tx, audit, {
      action: "mfa.reset",
      entityType: "user",
      entityId: userId,
      before: { enabled: Boolean(before?.enabledAt) },
    });
  });
}

/** What the account and user pages say about a person's second factor. */
export async function mfaStatus(db: Executor, userId: string) {
  const mfa = await findMfa(db, userId);
  if (!mfa?.enabledAt) return { enabled: false as const, resetAt: mfa?.resetAt ?? null };
  return {
    enabled: true as const,
    enabledAt: mfa.enabledAt,
    recoveryCodesLeft: await countUnusedRecoveryCodes(db, userId),
  };
}
