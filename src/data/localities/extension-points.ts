import type { Executor } from "../../kernel/db/database.ts";
import { extensionPoint } from "../../kernel/domains/extensions.ts";

/**
 * What else uses a locality, in sentences for its removal page ("what will be lost"): the work
 * that measures against a locality lives in domains above this one (an action's indicator
 * measured for it), which fill this point. An empty list when nothing uses it.
 */
export const localityUses =
  extensionPoint<(db: Executor, partnershipId: string, localityId: string) => Promise<string[]>>("locality uses");
