import { type AuditContext, recordAudit } from "../../kernel/audit/audit.ts";
import { releaseAttempt, reserveAttempt, throttleKeys, waitText } from "../../kernel/auth/throttle.ts";
import type { Db, Executor } from "../../kernel/db/database.ts";
import { claimStep, findMfa, removeMfa, replaceRecoveryCodes, useRecoveryCode } from "./mfa-repository.ts";
import { resealTotp, roleRequiresMfa } from "./mfa-service.ts";
import { hashRecoveryCode, matchTotp, newRecoveryCodes, openTotpSecret, type TotpKeys } from "./mfa-totp.ts";
import { findUserById } from "./repository.ts";

export type AccountChange<T> = { ok: true; value: T } | { ok: false; message: string; retryAfterSeconds?: number };

const WRONG_CODE = "Enter a correct code from your authenticator app, or one of your recovery codes";
const REUSED_CODE = "That code has already been used. Wait for your app to show a new code and enter that";
export const MFA_REQUIRED_FOR_ROLE =
  "Two-factor authentication is required for service administrators and national coordinators, so it cannot be turned off";

/**
 * A change to one's own second factor asks for a current code first, so a session left open
 * (or stolen) is not enough to weaken it. The code is throttled like the sign-in's second step
 * (per account and address) and spent: a TOTP step is claimed, a recovery code used up.
 */
async function withCurrentCode<T>(
  db: Db,
  keys: TotpKeys,
  userId: string,
  code: string,
  address: string,
  change: (tx: Executor) => Promise<AccountChange<T>>,
): Promise<AccountChange<T>> {
  const throttle = throttleKeys(`mfa:${userId}`, address);
  const reservation = await reserveAttempt(db, throttle);
  if (!reservation.allowed) {
    return {
      ok: false,
      message: `There have been too many attempts. Wait ${waitText(reservation.retryAfterSeconds)} and try again`,
      retryAfterSeconds: reservation.retryAfterSeconds,
    };
  }
  return db.transaction(async (tx) => {
    const mfa = await findMfa(tx, userId);
    if (!mfa?.enabledAt || !mfa.secretEncrypted) {
      return { ok: false, message: "Two-factor authentication is not on" } as const;
    }
    const entered = code.replace(/\s/g, "");
    let accepted = false;
    let message = WRONG_CODE;
    if (/^\d{6}$/.test(entered)) {
      const opened = openTotpSecret(keys, mfa.secretEncrypted);
      const step = opened ? matchTotp(opened.secret, entered) : null;
      if (step !== null) {
        accepted = await claimStep(tx, userId, step);
        if (!accepted) message = REUSED_CODE;
      }
      if (accepted && opened?.stale) await resealTotp(tx, keys, userId, mfa.secretEncrypted, opened.secret);
    } else if (entered) {
      accepted = await useRecoveryCode(tx, userId, hashRecoveryCode(entered));
    }
    if (!accepted) return { ok: false, message } as const;
    await releaseAttempt(tx, throttle);
    return change(tx);
  });
}

/** New recovery codes replace every old one (used or not); shown once by the caller. */
export async function replaceOwnRecoveryCodes(
  db: Db,
  keys: TotpKeys,
  userId: string,
  code: string,
  audit: AuditContext,
): Promise<AccountChange<string[]>> {
  return withCurrentCode(db, keys, userId, code, audit.ip ?? "unknown", async (tx) => {
    const codes = newRecoveryCodes();
    await replaceRecoveryCodes(tx, userId, codes.map(hashRecoveryCode));
    await recordAudit(tx, audit, { action: "mfa.recovery_codes_replaced", entityType: "user", entityId: userId });
    return { ok: true, value: codes };
  });
}

/** Turns one's own second factor off, unless one's role requires it. */
export async function turnOffOwnMfa(
  db: Db,
  keys: TotpKeys,
  userId: string,
  code: string,
  audit: AuditContext,
): Promise<AccountChange<null>> {
  const user = await findUserById(db, userId);
  if (!user) return { ok: false, message: "Sign in to continue" };
  if (await roleRequiresMfa(db, user)) return { ok: false, message: MFA_REQUIRED_FOR_ROLE };
  return withCurrentCode(db, keys, userId, code, audit.ip ?? "unknown", async (tx) => {
    await removeMfa(tx, userId);
    await recordAudit(tx, audit, { action: "mfa.turned_off", entityType: "user", entityId: userId });
    return { ok: true, value: null };
  });
}
