import { type AuditContext, recordAudit } from "../../kernel/audit/audit.ts";
import { destroySessionsOf } from "../../kernel/auth/sessions.ts";
import type { Db } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { findOrganisation } from "../organisations/index.ts";
import { ssoRequiredFor, upsertSignInPolicy, userIdsOfOrganisation } from "./oidc-repository.ts";
import type { UserRow } from "./repository.ts";
import type { SignInMeta } from "./sign-in-service.ts";

export const SSO_REQUIRED_MESSAGE =
  "Your organisation signs in with single sign-on: use the button below to sign in with your organisation account";

/**
 * Called by password sign-in once the password is right (so the message reveals nothing to
 * someone without it): people of an organisation that must use single sign-on are refused.
 */
export async function refuseIfSsoRequired(db: Db, user: UserRow, meta: SignInMeta): Promise<void> {
  if (!(await ssoRequiredFor(db, user.organisationId))) return;
  await recordAudit(
    db,
    { actorUserId: user.id, actorLabel: user.email, requestId: meta.requestId, ip: meta.ip },
    { action: "session.password_refused_sso", entityType: "user", entityId: user.id },
  );
  throw AppError.validation([{ field: "email", message: SSO_REQUIRED_MESSAGE }], SSO_REQUIRED_MESSAGE);
}

/** An administrator sets whether an organisation's people must sign in by single sign-on. */
export async function setSsoRequired(
  db: Db,
  context: AuditContext,
  organisationId: string,
  required: boolean,
  ssoConfigured: boolean,
): Promise<{ signedOut: number }> {
  const organisation = await findOrganisation(db, organisationId);
  if (!organisation) throw AppError.notFound();
  if (required && !ssoConfigured) {
    // Otherwise the organisation's people could not sign in at all.
    throw AppError.validation([
      { field: `org-${organisationId}`, message: "Single sign-on is not set up on this service (see OIDC_ISSUER)" },
    ]);
  }
  return db.transaction(async (tx) => {
    const before = await ssoRequiredFor(tx, organisationId);
    if (before === required) return { signedOut: 0 };
    await upsertSignInPolicy(tx, organisationId, required, context.actorUserId);
    // A password stops working, so must a session it opened (with or without a second factor):
    // those people sign in again by single sign-on. Sessions single sign-on opened go on, and the
    // administrator making the change keeps their own session.
    const signedOut = required
      ? await destroySessionsOf(tx, await userIdsOfOrganisation(tx, organisationId), context.actorUserId, [
          "password",
          "password+second-factor",
        ])
      : 0;
    await recordAudit(tx, context, {
      action: "organisation.sign_in_policy_changed",
      entityType: "organisation",
      entityId: organisationId,
      before: { organisation: organisation.name, ssoRequired: before },
      after: { organisation: organisation.name, ssoRequired: required, sessionsEnded: signedOut },
    });
    return { signedOut };
  });
}
