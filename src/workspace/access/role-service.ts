import { type AuditContext, recordAudit } from "../../kernel/audit/audit.ts";
import { type Nation, nationLabels, type PartnershipRole } from "../../kernel/auth/policy.ts";
import type { Db } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { lockPartnership } from "../partnerships/index.ts";
import {
  addCoordinatorNation,
  countLeads,
  deleteRole,
  findRole,
  findUserById,
  listCoordinatorNations,
  removeCoordinatorNation,
  upsertRole,
} from "./repository.ts";

export const LAST_LEAD = "A partnership must keep at least one lead. Make someone else a lead first";

/** Whether a change to one person's role would leave the partnership without a lead. */
export function removesLastLead(
  current: PartnershipRole | undefined,
  next: PartnershipRole | null,
  leadCount: number,
): boolean {
  return current === "lead" && next !== "lead" && leadCount <= 1;
}

/**
 * Grants, changes or (with role null) removes a person's role in a partnership. The field
 * named in errors is `field` so each form can point at its own input.
 */
export async function setPartnershipRole(
  db: Db,
  context: AuditContext,
  change: { userId: string; partnershipId: string; role: PartnershipRole | null },
  field = "role",
): Promise<{ changed: boolean }> {
  return db.transaction(async (tx) => {
    const partnership = await lockPartnership(tx, change.partnershipId);
    const user = await findUserById(tx, change.userId);
    if (!user || !partnership) throw AppError.notFound();
    const current = await findRole(tx, user.id, partnership.id);
    if ((current ?? null) === change.role) return { changed: false };
    if (removesLastLead(current, change.role, await countLeads(tx, partnership.id))) {
      throw AppError.validation([{ field, message: LAST_LEAD }]);
    }
    if (change.role) await upsertRole(tx, user.id, partnership.id, change.role);
    else await deleteRole(tx, user.id, partnership.id);
    const action = !current
      ? "partnership_role.granted"
      : change.role
        ? "partnership_role.changed"
        : "partnership_role.removed";
    await recordAudit(tx, context, {
      action,
      entityType: "user",
      entityId: user.id,
      partnershipId: partnership.id,
      before: current ? { person: user.email, role: current } : null,
      after: change.role ? { person: user.email, role: change.role } : null,
    });
    return { changed: true };
  });
}

export async function setCoordinatorNation(
  db: Db,
  context: AuditContext,
  change: { userId: string; nation: Nation; coordinator: boolean },
): Promise<{ changed: boolean }> {
  return db.transaction(async (tx) => {
    const user = await findUserById(tx, change.userId);
    if (!user) throw AppError.notFound();
    const before = await listCoordinatorNations(tx, user.id);
    const has = before.includes(change.nation);
    if (has === change.coordinator) return { changed: false };
    if (change.coordinator) await addCoordinatorNation(tx, user.id, change.nation);
    else await removeCoordinatorNation(tx, user.id, change.nation);
    const after = await listCoordinatorNations(tx, user.id);
    await recordAudit(tx, context, {
      action: change.coordinator ? "coordinator.added" : "coordinator.removed",
      entityType: "user",
      entityId: user.id,
      before: { person: user.email, coordinatorFor: before.map((nation) => nationLabels[nation]).sort() },
      after: { person: user.email, coordinatorFor: after.map((nation) => nationLabels[nation]).sort() },
    });
    return { changed: true };
  });
}
