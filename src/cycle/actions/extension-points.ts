import type { Executor } from "../../kernel/db/database.ts";
import { extensionPoint } from "../../kernel/domains/extensions.ts";
import type { HistoryEntry, LatestUpdates, MentionSource } from "./action-queries.ts";

/** Hooks the action pages use, filled by the domains that build on actions (which import it). */

/** Each action's latest progress update (filled by monitoring). */
export const actionLatestUpdates = extensionPoint<LatestUpdates>("latest action updates");

/** An action's progress history (filled by monitoring). */
export const actionUpdateHistory =
  extensionPoint<(db: Executor, partnershipId: string, actionId: string) => Promise<HistoryEntry[]>>(
    "action update history",
  );

/** Records elsewhere that mention an action: actions arising, budget contributions (any number). */
export const actionMentions = extensionPoint<MentionSource>("action mentions");
