import { type AuditContext, recordAudit } from "../../kernel/audit/audit.ts";
import type { Config } from "../../kernel/config/config.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { sendMail } from "../../kernel/mail/mailer.ts";
import { formatDateTime } from "../../kernel/time.ts";
import { invitationUrl } from "./invitation-service.ts";
import { ssoRequiredFor } from "./oidc-repository.ts";
import { findUserById } from "./repository.ts";

export interface InvitationDelivery {
  title: string;
  link: string;
  expiresAt: Date;
  /** "not-configured": no SMTP, the link is shown to pass on, as before. */
  email: "sent" | "failed" | "not-configured";
  reason?: string;
  /** The person's organisation must use single sign-on: they set no password, they sign in with its account. */
  sso: boolean;
}

/**
 * Emails a new invitation's one-time link when SMTP is configured. The invitation already exists
 * (created in its own transaction), so a failed send loses nothing: the page says so and shows
 * the link to pass on by hand. Each attempt is audited, without the link. Used by the users
 * pages and by `cpah user add`.
 */
export async function deliverInvitation(
  db: Executor,
  config: Config,
  caller: { audit: AuditContext; warn: (details: object, message: string) => void },
  baseUrl: string,
  user: { id: string; name: string; email: string },
  invitation: { token: string; expiresAt: Date },
): Promise<InvitationDelivery> {
  const link = invitationUrl(baseUrl, invitation.token);
  // People of an organisation that must use single sign-on set no password: the link leads there,
  // and the email or the page that shows the link says so.
  const organisationId = (await findUserById(db, user.id))?.organisationId;
  const sso = organisationId ? await ssoRequiredFor(db, organisationId) : false;
  const base = { link, expiresAt: invitation.expiresAt, sso };
  if (!config.mail) return { ...base, title: "Invitation link created", email: "not-configured" };
  const use = sso
    ? "Your organisation signs in with single sign-on: open this link once and sign in with your organisation account"
    : "Use this link once to set your password and sign in";
  const result = await sendMail(config.mail, {
    to: user.email,
    subject: "Your invitation to Child Poverty Action Hub",
    text:
      `Hello ${user.name},\n\nYou have been invited to Child Poverty Action Hub. ${use}:\n\n${link}\n\n` +
      `The link works until ${formatDateTime(invitation.expiresAt)} (UK time). If you were not expecting this email, you can ignore it.\n`,
  });
  await recordAudit(db, caller.audit, {
    action: result.sent ? "invitation.emailed" : "invitation.email-failed",
    entityType: "user",
    entityId: user.id,
    after: result.sent ? { to: user.email } : { to: user.email, reason: result.reason },
  });
  if (result.sent) return { ...base, title: "Invitation emailed", email: "sent" };
  caller.warn({ userId: user.id, reason: result.reason }, "invitation email failed");
  return { ...base, title: "Invitation created, but the email was not sent", email: "failed", reason: result.reason };
}
