import type { ParsedRequest } from "../../kernel/http/pipeline.ts";
import { type Actor, can, type Nation, nationLabels } from "../../kernel/auth/policy.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { listPartnershipsWhere, type PartnershipRow } from "../../workspace/partnerships/index.ts";
import { hubBase } from "./paths.ts";
import { findGroup, type GroupRow } from "./repository.ts";

/** What every hub page needs: the nation, its group, and what the reader may do there. */
export interface HubView {
  nation: Nation;
  nationLabel: string;
  base: string;
  group: GroupRow;
  /** Coordinators and national partners (requests, figures, private group papers). */
  canRead: boolean;
  /** Coordinators (triage, the offer, the plan, the group). */
  canManage: boolean;
}

export function hubView(actor: Actor | null, nation: Nation, group: GroupRow): HubView {
  return {
    nation,
    nationLabel: nationLabels[nation],
    base: hubBase(nation),
    group,
    canRead: can(actor, "hub:read", { nation }),
    canManage: can(actor, "hub:manage", { nation }),
  };
}

/** The hub of the nation in the path; a nation without a group has no hub pages (404). */
export async function hubFor(db: Executor, request: ParsedRequest<{ nation: Nation }>): Promise<HubView> {
  const { nation } = request.params;
  const group = await findGroup(db, nation);
  if (!group) throw AppError.notFound(`${nationLabels[nation]} has no national partners group in this service yet`);
  return hubView(request.actor, nation, group);
}

/** For the group's own records: throws 403 unless the reader may read the hub. */
export function requireHubReader(hub: HubView): void {
  if (!hub.canRead) throw AppError.forbidden("This is for national coordinators and national partners");
}

/** The partnerships the actor leads (for requesting support and reading the group's published minutes). */
export async function ledPartnerships(db: Executor, actor: Actor | null): Promise<PartnershipRow[]> {
  if (!actor) return [];
  const ids = [...actor.partnershipRoles].filter(([, role]) => role === "lead").map(([id]) => id);
  return ids.length === 0 ? [] : listPartnershipsWhere(db, { ids });
}
