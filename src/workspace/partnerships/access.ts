import { type Action, type Actor, authorize, type Nation } from "../../kernel/auth/policy.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { findPartnership, listPartnershipsWhere, type PartnershipRow } from "./repository.ts";

/**
 * Loads a partnership and checks the actor may do `action` on it. Unknown ids and
 * partnerships the actor may not read both give NOT_FOUND.
 */
export async function partnershipFor(
  db: Executor,
  actor: Actor | null,
  id: string,
  action: Action,
): Promise<PartnershipRow> {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue");
  const partnership = await findPartnership(db, id);
  if (!partnership) throw AppError.notFound();
  authorize(actor, action, { partnershipId: partnership.id, nation: partnership.nation as Nation });
  return partnership;
}

/** Every partnership the actor can read: their own roles, plus whole nations for coordinators. */
export function visiblePartnerships(db: Executor, actor: Actor): Promise<PartnershipRow[]> {
  return listPartnershipsWhere(db, {
    all: actor.isPlatformAdmin,
    ids: [...actor.partnershipRoles.keys()],
    nations: actor.coordinatorNations,
  });
}
