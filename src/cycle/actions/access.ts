import { type Actor, can, type Nation } from "../../kernel/auth/policy.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { type RecordNeed, recordNeed } from "../../kernel/http/pipeline.ts";
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
 * The need of a route that changes an action or adds to it (`needs: { record: updatable }`): the
 * action at `:actionId` of the partnership at `:id` (none is a 404) on which the policy allows
 * "action:update" — the partnership's leads, and editors of its lead organisation (403 when the
 * partnership is readable, 404 when not); the partnership is loaded as `request.partnership`.
 * Read it with `updatable.of(request)`. Services keep their own checks (a changed lead organisation).
 */
export function updatableAction(db: Executor): RecordNeed<{ id: string; actionId: string }, ActionRow> {
  return recordNeed({
    load: ({ id, actionId }: { id: string; actionId: string }) => findAction(db, id, actionId),
    rule: (action: ActionRow) => ({
      partnership: "action:update",
      of: action.partnershipId,
      leadOrganisationId: action.leadOrganisationId,
    }),
  });
}

/**
 * Loads an action of a partnership the actor can read (404 otherwise, including ids from
 * another partnership). Routes pass the partnership their `needs` already loaded and authorized
 * to read (not loaded again); services pass its id. Changing one is `updatableAction`'s need.
 */
export async function actionFor(
  db: Executor,
  actor: Actor | null,
  partnershipOrId: PartnershipRow | string,
  actionId: string,
): Promise<{ partnership: PartnershipRow; action: ActionRow }> {
  const partnership =
    typeof partnershipOrId === "string"
      ? await partnershipFor(db, actor, partnershipOrId, "partnership:read")
      : partnershipOrId;
  const action = await findAction(db, partnership.id, actionId);
  if (!action) throw AppError.notFound();
  return { partnership, action };
}
