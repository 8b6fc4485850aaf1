import type { Actor } from "../../kernel/auth/policy.ts";
import { meetingPaths } from "./paths.ts";
import type { Executor } from "../../kernel/db/database.ts";
import type { ActionMention } from "../actions/index.ts";
import { canSeeMinutes } from "./meeting-page.ts";
import { actionsArisingFor } from "./repository.ts";
import { actionStatusLabels } from "./schemas.ts";

/** The actions arising linked to a strategy action, for its page; minutes' sharing rule applies. */
export async function meetingMentions(
  db: Executor,
  actor: Actor | null,
  partnershipId: string,
  actionId: string,
): Promise<ActionMention[]> {
  const rows = await actionsArisingFor(db, partnershipId, actionId);
  return rows
    .filter((row) => canSeeMinutes(actor, partnershipId, row.sharedWithNational))
    .map((row) => ({
      kind: "Action arising",
      text: `${row.description} (${row.meetingTitle}, ${row.meetingDate}; ${actionStatusLabels[row.status as keyof typeof actionStatusLabels] ?? row.status})`,
      href: `${meetingPaths.meeting(partnershipId, row.meetingId)}#actions`,
    }));
}
