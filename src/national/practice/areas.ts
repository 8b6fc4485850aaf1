import type { Actor } from "../../kernel/auth/policy.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { type LatestUpdates, type RagStatus, ragLabels } from "../../cycle/actions/index.ts";
import { citingActions } from "./repository.ts";

export interface AreaDoingThis {
  partnershipId: string;
  partnershipName: string;
  areaName: string;
  isFictional: boolean;
  actionId: string;
  actionLabel: string;
  /** The action's latest reported RAG status, or "No progress reported yet". */
  ragStatus: RagStatus | null;
  ragLabel: string;
  period: string | null;
  /** Whether the reader may open the action (a member of that partnership, its coordinator, an admin). */
  canOpen: boolean;
}

/**
 * "Areas doing this": the local actions that cite an entry, each with its latest RAG status
 * from monitoring. Citing an entry is how a partnership shares that it is doing this work:
 * signed-in readers see the partnership, the action's title and status; the action itself
 * opens only for those who may read the partnership.
 */
export async function areasDoingThis(
  db: Executor,
  entryId: string,
  actor: Actor | null,
  latestUpdates: LatestUpdates,
): Promise<AreaDoingThis[]> {
  const rows = await citingActions(db, entryId);
  const byPartnership = new Map<string, Awaited<ReturnType<LatestUpdates>>>();
  for (const partnershipId of new Set(rows.map((row) => row.partnershipId))) {
    byPartnership.set(partnershipId, await latestUpdates(db, partnershipId));
  }
  return rows.map((row) => {
    const latest = byPartnership.get(row.partnershipId)?.get(row.actionId);
    return {
      partnershipId: row.partnershipId,
      partnershipName: row.partnershipName,
      areaName: row.areaName,
      isFictional: row.isFictional,
      actionId: row.actionId,
      actionLabel: row.actionLabel,
      ragStatus: latest?.status ?? null,
      ragLabel: latest ? ragLabels[latest.status as RagStatus] : "No progress reported yet",
      period: latest?.period ?? null,
      canOpen:
        !!actor &&
        (actor.isPlatformAdmin ||
          actor.partnershipRoles.has(row.partnershipId) ||
          actor.coordinatorNations.includes(row.nation as Actor["coordinatorNations"][number])),
    };
  });
}
