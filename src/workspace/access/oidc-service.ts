import { type AuditContext, recordAudit } from "../../kernel/audit/audit.ts";
import { createSession, destroySession, hashToken } from "../../kernel/auth/sessions.ts";
import type { OidcConfig } from "../../kernel/config/config.ts";
import type { Db } from "../../kernel/db/database.ts";
import { authorizationRequest, callbackClaims, protocolFailure } from "./oidc-client.ts";
import { insertLoginTransaction, purgeExpiredLoginTransactions, takeLoginTransaction } from "./oidc-repository.ts";
import { findUserByEmail, markInvitationAccepted, pendingInvitationFor, updateUser } from "./repository.ts";
import { emailField } from "./schemas.ts";
import type { SignInMeta } from "./sign-in-service.ts";

/** How long a person has at the provider before the started sign-in lapses. */
export const OIDC_TRANSACTION_MINUTES = 10;

/**
 * Why nobody was signed in; each has its own page (oidc-refused.njk):
 * - expired: no matching started sign-in (lapsed, already used, or another browser's);
 * - refused: the provider said no, or its answer failed a check (signature, audience, nonce…);
 * - unavailable: the provider could not be reached;
 * - no-email: no verified email address in the ID token;
 * - no-account: no active account (or pending invitation) for that address.
 */
export type OidcRefusalReason = "expired" | "refused" | "unavailable" | "no-email" | "no-account";

export class OidcRefusal extends Error {
  constructor(
    readonly reason: OidcRefusalReason,
    readonly detail: string,
    readonly email?: string,
  ) {
    super(`single sign-on refused: ${reason} (${detail})`);
  }
}

/** Records a started sign-in and returns where to send the browser, and the state for its cookie. */
export async function beginOidcSignIn(
  db: Db,
  oidc: OidcConfig,
  returnTo: string,
): Promise<{ url: string; state: string }> {
  let request: Awaited<ReturnType<typeof authorizationRequest>>;
  try {
    request = await authorizationRequest(oidc);
  } catch (error) {
    throw new OidcRefusal("unavailable", protocolFailure(error).code);
  }
  await purgeExpiredLoginTransactions(db);
  await insertLoginTransaction(db, {
    stateHash: hashToken(request.state),
    nonce: request.nonce,
    codeVerifier: request.codeVerifier,
    returnTo,
    expiresAt: new Date(Date.now() + OIDC_TRANSACTION_MINUTES * 60_000),
  });
  return { url: request.url.href, state: request.state };
}

/**
 * Finishes a sign-in: the callback's `state` must match the browser's cookie and a started
 * sign-in, which is used up before the code is exchanged (a replayed callback finds nothing).
 * Returns a session token and where to go; throws OidcRefusal (audited) otherwise.
 */
export async function completeOidcSignIn(
  db: Db,
  oidc: OidcConfig,
  callback: {
    search: string;
    state: string | undefined;
    cookieState: string | undefined;
    /** A session this browser already had: replaced, so no two live side by side. */
    previousSession: string | undefined;
  },
  idleMinutes: number,
  meta: SignInMeta,
): Promise<{ token: string; returnTo: string }> {
  try {
    const { state, cookieState } = callback;
    if (!state || !cookieState || state !== cookieState) throw new OidcRefusal("expired", "state does not match");
    const started = await takeLoginTransaction(db, hashToken(state));
    if (!started || started.expiresAt.getTime() <= Date.now()) {
      throw new OidcRefusal("expired", "no started sign-in");
    }
    let claims: Record<string, unknown>;
    try {
      claims = await callbackClaims(oidc, callback.search, { ...started, state });
    } catch (error) {
      const failure = protocolFailure(error);
      throw new OidcRefusal(failure.kind, failure.code);
    }
    const email = verifiedEmail(claims, oidc.emailClaim);
    const token = await signInByEmail(db, email, idleMinutes, meta, oidc.issuer, callback.previousSession);
    return { token, returnTo: started.returnTo };
  } catch (error) {
    if (error instanceof OidcRefusal) await auditRefusal(db, error, meta);
    throw error;
  }
}

function verifiedEmail(claims: Record<string, unknown>, claim: string): string {
  const parsed = emailField.safeParse(claims[claim]);
  if (!parsed.success) throw new OidcRefusal("no-email", `claim ${claim} is not an email address`);
  // Providers that say whether they checked the address must have checked it.
  const verified = claims.email_verified;
  if (verified !== undefined && verified !== true && verified !== "true") {
    throw new OidcRefusal("no-email", "email_verified is not true", parsed.data);
  }
  return parsed.data;
}

async function signInByEmail(
  db: Db,
  email: string,
  idleMinutes: number,
  meta: SignInMeta,
  issuer: string,
  previousSession: string | undefined,
): Promise<string> {
  return db.transaction(async (tx) => {
    const user = await findUserByEmail(tx, email);
    const invitation = user?.status === "invited" ? await pendingInvitationFor(tx, user.id) : undefined;
    if (!user || !(user.status === "active" || invitation)) {
      throw new OidcRefusal("no-account", user ? `account ${user.status}` : "no account", email);
    }
    const context: AuditContext = {
      actorUserId: user.id,
      actorLabel: user.email,
      requestId: meta.requestId,
      ip: meta.ip,
    };
    if (invitation) {
      // The provider has proved the address the invitation was sent to: that accepts it.
      await markInvitationAccepted(tx, invitation.id);
      await recordAudit(tx, context, {
        action: "invitation.accepted",
        entityType: "user",
        entityId: user.id,
        before: { status: user.status },
        after: { status: "active", method: "single sign-on" },
      });
    }
    if (previousSession) await destroySession(tx, previousSession);
    await updateUser(tx, user.id, { status: "active", lastSignInAt: new Date() });
    const token = await createSession(tx, user.id, idleMinutes, meta, "single-sign-on");
    await recordAudit(tx, context, {
      action: "session.sign_in",
      entityType: "user",
      entityId: user.id,
      after: { method: "single sign-on", issuer },
    });
    return token;
  });
}

async function auditRefusal(db: Db, refusal: OidcRefusal, meta: SignInMeta): Promise<void> {
  await recordAudit(
    db,
    {
      actorUserId: null,
      actorLabel: (refusal.email ?? "single sign-on").toLowerCase().slice(0, 200),
      requestId: meta.requestId,
      ip: meta.ip,
    },
    {
      action: "session.sso_refused",
      entityType: "session",
      after: { reason: refusal.reason, detail: refusal.detail.slice(0, 200) },
    },
  );
}
