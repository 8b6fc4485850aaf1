import { type Actor, authorize, can, type Nation } from "../../kernel/auth/policy.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { partnershipFor, type PartnershipRow } from "../../workspace/partnerships/index.ts";
import { type ActionRow, findAction } from "./repository.ts";

export function actionTarget(partnership: PartnershipRow, leadOrganisationId: string) {
  return { partnershipId: partnership.id, nation: partnership.nation as Nation, leadOrganisationId };
}

/** May the actor change (or report on) an action led by this organisation? Asks the policy. */
export function canUpdateAction(actor: Actor | null, partnership: PartnershipRow, leadOrganisationId: string): boolean {
  return can(actor, "action:update", actionTarget(partnership, leadOrganisationId));
}

/**
 * Loads an action of a partnership the actor can read (404 otherwise, including ids from
 * another partnership) and, for "update", checks the policy (403 when readable but not theirs).
 * Routes pass the partnership their `needs` already loaded and authorized to read (not loaded
 * again); services pass its id.
 */
export async function actionFor(
  db: Executor,
  actor: Actor | null,
  partnershipOrId: PartnershipRow | string,
  actionId: string,
  intent: "read" | "update",
): Promise<{ partnership: PartnershipRow; action: ActionRow }> {
  const partnership =
    typeof partnershipOrId === "string"
      ? await partnershipFor(db, actor, partnershipOrId, "partnership:read")
      : partnershipOrId;
  const action = await findAction(db, partnership.id, actionId);
  if (!action) throw AppError.notFound();
  if (intent === "update") authorize(actor, "action:update", actionTarget(partnership, action.leadOrganisationId));
  return { partnership, action };
}
