import type { Actor } from "../auth/policy.ts";
import type { Executor } from "../db/database.ts";
import type { LoadedPartnership } from "../http/pipeline.ts";
import { extensionPoint } from "./extensions.ts";

/** The kernel's own extension points: what it needs from the domains and may not import. */

/** Who a session's user is, with every grant (the access domain keeps users and roles). */
export const actorLoader = extensionPoint<(db: Executor, userId: string) => Promise<Actor | null>>("actor loader");

/** The partnership at a route's :id, for the request pipeline (the partnerships domain). */
export const partnershipLoader =
  extensionPoint<(db: Executor, id: string) => Promise<LoadedPartnership | undefined>>("partnership loader");
