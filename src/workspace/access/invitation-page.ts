import type { FastifyRequest } from "fastify";
import type { Config } from "../../kernel/config/config.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { deliverInvitation } from "./invitation-delivery.ts";

/** Where invitation links point: PUBLIC_URL when set, else the address this request came to. */
export function baseUrl(config: Config, request: FastifyRequest): string {
  return config.publicUrl ?? `${request.protocol}://${request.host}`;
}

/**
 * A new invitation delivered (emailed when SMTP is configured) and its one-time link shown: what
 * adding an invited user and sending a new invitation both end with (a form route's page after saving).
 * The link is on this page only, never in a redirect or a flash message.
 */
export async function invitationPage(
  db: Executor,
  config: Config,
  request: FastifyRequest,
  user: { id: string; name: string; email: string },
  invitation: { token: string; expiresAt: Date },
) {
  const delivery = await deliverInvitation(
    db,
    config,
    { audit: request.auditContext(), warn: (details, message) => request.log.warn(details, message) },
    baseUrl(config, request),
    user,
    invitation,
  );
  return { template: "access/views/invitation-link.njk", view: { ...delivery, user } };
}
