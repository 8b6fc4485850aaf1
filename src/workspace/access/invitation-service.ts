import { type AuditContext, recordAudit } from "../../kernel/audit/audit.ts";
import { accessPaths } from "./paths.ts";
import { hashPassword } from "../../kernel/auth/passwords.ts";
import { createSession, destroyUserSessions, hashToken, newToken } from "../../kernel/auth/sessions.ts";
import type { Db, Executor } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { secondStepFor, startChallenge } from "./mfa-service.ts";
import { ssoRequiredFor } from "./oidc-repository.ts";
import type { SignInResult } from "./sign-in-service.ts";
import {
  deletePendingInvitations,
  findInvitationByHash,
  findUserById,
  insertInvitation,
  markInvitationAccepted,
  updateUser,
} from "./repository.ts";

export const INVITATION_DAYS = 7;

/** Why a link cannot be used; the page says which, since holding the token proves it was sent. */
/** "sso": the person's organisation must use single sign-on, so the link sets no password. */
export type InvitationProblem = "unknown" | "expired" | "used" | "disabled" | "sso";

/**
 * Creates a one-time link for a user, replacing any unused earlier link. Only the token's
 * SHA-256 is stored, so the link can be shown once and never recovered. Call inside a transaction.
 */
export async function createInvitation(
  tx: Executor,
  context: AuditContext,
  userId: string,
): Promise<{ token: string; expiresAt: Date }> {
  const user = await findUserById(tx, userId);
  if (!user) throw AppError.notFound();
  if (user.status === "disabled") {
    throw AppError.validation([
      { field: "invitation", message: "Enable this account before sending a new invitation" },
    ]);
  }
  const replaced = await deletePendingInvitations(tx, userId);
  const token = newToken();
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60_000);
  await insertInvitation(tx, { userId, tokenHash: hashToken(token), invitedBy: context.actorUserId, expiresAt });
  await recordAudit(tx, context, {
    action: "invitation.created",
    entityType: "user",
    entityId: userId,
    after: { person: user.email, expiresAt, replacedUnusedLinks: replaced },
  });
  return { token, expiresAt };
}

export async function issueInvitation(db: Db, context: AuditContext, userId: string) {
  return db.transaction((tx) => createInvitation(tx, context, userId));
}

export function invitationUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, "")}${accessPaths.invitationLink(token)}`;
}

export async function checkInvitation(
  db: Executor,
  token: string,
): Promise<{ ok: true; name: string; email: string } | { ok: false; problem: InvitationProblem }> {
  const found = await findInvitationByHash(db, hashToken(token));
  if (!found) return { ok: false, problem: "unknown" };
  if (found.invitation.acceptedAt) return { ok: false, problem: "used" };
  if (found.invitation.expiresAt.getTime() <= Date.now()) return { ok: false, problem: "expired" };
  if (found.user.status === "disabled") return { ok: false, problem: "disabled" };
  // A password would be refused at sign-in anyway; signing in by single sign-on accepts the invitation.
  if (await ssoRequiredFor(db, found.user.organisationId)) return { ok: false, problem: "sso" };
  return { ok: true, name: found.user.name, email: found.user.email };
}

export class InvitationUnusable extends Error {
  constructor(readonly problem: InvitationProblem) {
    super(`invitation ${problem}`);
  }
}

/** Sets the password, activates the account, uses up the link and signs the person in. */
export async function acceptInvitation(
  db: Db,
  token: string,
  password: string,
  meta: { ip: string; userAgent?: string; requestId: string; idleMinutes: number },
): Promise<SignInResult> {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    // Checked again inside the transaction so a link cannot be used twice at once.
    const state = await checkInvitation(tx, token);
    if (!state.ok) throw new InvitationUnusable(state.problem);
    const found = (await findInvitationByHash(tx, hashToken(token)))!;
    const user = found.user;
    await markInvitationAccepted(tx, found.invitation.id);
    await destroyUserSessions(tx, user.id);
    await updateUser(tx, user.id, { passwordHash, status: "active", lastSignInAt: new Date() });
    // Setting a password through a link is a sign-in too: an enrolled person (or one whose role
    // requires it) still gives the second factor, so a link never bypasses it (issue 11).
    const secondStep = await secondStepFor(tx, user);
    const result: SignInResult = secondStep
      ? { secondStep: { purpose: secondStep, token: await startChallenge(tx, user.id, secondStep, "/dashboard") } }
      : { session: await createSession(tx, user.id, meta.idleMinutes, meta, "password") };
    await recordAudit(
      tx,
      { actorUserId: user.id, actorLabel: user.email, requestId: meta.requestId, ip: meta.ip },
      {
        action: "invitation.accepted",
        entityType: "user",
        entityId: user.id,
        before: { status: user.status },
        after: { status: "active" },
      },
    );
    return result;
  });
}
