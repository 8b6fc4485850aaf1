import { type AuditContext, recordAudit } from "../../kernel/audit/audit.ts";
import { accessPaths as paths } from "./paths.ts";
import { hashPassword } from "../../kernel/auth/passwords.ts";
import { destroyUserSessions, hashToken, newToken } from "../../kernel/auth/sessions.ts";
import { reserveAttempt, throttleKeys } from "../../kernel/auth/throttle.ts";
import type { Config } from "../../kernel/config/config.ts";
import type { Db } from "../../kernel/db/database.ts";
import { sendMail } from "../../kernel/mail/mailer.ts";
import { formatDateTime } from "../../kernel/time.ts";
import { dropPendingForUser, findResetByHash, markResetUsed, replaceReset } from "./password-reset-repository.ts";
import { findUserByEmail, updateUser } from "./repository.ts";

export const RESET_MINUTES = 60;

export const resetUrl = (base: string, token: string) => `${base.replace(/\/$/, "")}${paths.resetLink(token)}`;

export type ResetRequest =
  | { kind: "accepted"; deliver?: () => Promise<void> }
  | { kind: "throttled"; retryAfterSeconds: number };

/**
 * A reset request. The answer is the same whether or not the email has an account, and so is
 * the work before it (one throttle row, one transaction, one audit row); the email itself is
 * sent after the response (`deliver`), so the time SMTP takes cannot tell the two apart.
 * Requests are throttled per email and address like sign-ins, which also limits mail bombing.
 */
export async function requestPasswordReset(
  db: Db,
  config: Config,
  email: string,
  base: string,
  audit: AuditContext & { ip: string },
): Promise<ResetRequest> {
  const reservation = await reserveAttempt(db, throttleKeys(`reset:${email}`, audit.ip));
  if (!reservation.allowed) return { kind: "throttled", retryAfterSeconds: reservation.retryAfterSeconds };
  const user = await findUserByEmail(db, email);
  const token = newToken();
  const expiresAt = new Date(Date.now() + RESET_MINUTES * 60_000);
  const usable = user && user.status === "active" ? user : undefined;
  await db.transaction(async (tx) => {
    if (usable) await replaceReset(tx, usable.id, hashToken(token), expiresAt);
    await recordAudit(
      tx,
      { ...audit, actorLabel: email.toLowerCase().slice(0, 200) },
      {
        action: usable ? "password.reset_requested" : "password.reset_requested_unknown",
        entityType: "user",
        entityId: usable?.id,
      },
    );
  });
  if (!usable || !config.mail) return { kind: "accepted" };
  const mail = config.mail;
  const deliver = async () => {
    const result = await sendMail(mail, {
      to: usable.email,
      subject: "Reset your password for Child Poverty Action Hub",
      text:
        `Hello ${usable.name},\n\nSomeone (we hope you) asked to reset your password for Child Poverty Action Hub. Use this link once to choose a new password:\n\n${resetUrl(base, token)}\n\n` +
        `The link works until ${formatDateTime(expiresAt)} (UK time). If you did not ask, you can ignore this email: your password has not changed.\n`,
    });
    await recordAudit(
      db,
      { ...audit, actorUserId: null },
      {
        action: result.sent ? "password.reset_emailed" : "password.reset_email_failed",
        entityType: "user",
        entityId: usable.id,
        after: result.sent ? undefined : { reason: result.reason },
      },
    );
  };
  return { kind: "accepted", deliver };
}

export type ResetLink =
  | { state: "usable"; id: string; userId: string; email: string }
  | { state: "used" | "expired" | "unknown" };

export async function findResetLink(db: Db, token: string): Promise<ResetLink> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { state: "unknown" };
  const row = await findResetByHash(db, hashToken(token));
  if (row?.status !== "active") return { state: "unknown" };
  if (row.usedAt) return { state: "used" };
  if (row.expired) return { state: "expired" };
  return { state: "usable", id: row.id, userId: row.userId, email: row.email };
}

/**
 * Sets the new password (already checked) through a usable link: the link is spent first,
 * atomically, then the password changes, every session of the person ends and it is audited.
 */
export async function completePasswordReset(
  db: Db,
  link: Extract<ResetLink, { state: "usable" }>,
  password: string,
  audit: Omit<AuditContext, "actorUserId" | "actorLabel">,
): Promise<boolean> {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    if (!(await markResetUsed(tx, link.id))) return false;
    await updateUser(tx, link.userId, { passwordHash });
    await destroyUserSessions(tx, link.userId);
    await dropPendingForUser(tx, link.userId);
    await recordAudit(
      tx,
      { ...audit, actorUserId: link.userId, actorLabel: link.email },
      {
        action: "password.reset",
        entityType: "user",
        entityId: link.userId,
      },
    );
    return true;
  });
}
