import type { Actor } from "../auth/policy.ts";
import type { Executor } from "../db/database.ts";
import type { LoadedPartnership } from "../http/pipeline.ts";
import { extensionPoint } from "./extensions.ts";

/** The kernel's own extension points: what it needs from the domains and may not import. */

/** Who a user is, with every grant (the access domain keeps users and roles); null if not active. */
export const actorLoader = extensionPoint<(db: Executor, userId: string) => Promise<Actor | null>>("actor loader");

/** A live session's person (active) and when the session was last seen. */
export interface SessionActor {
  actor: Actor;
  lastSeenAt: Date;
}

/**
 * Who holds the live session with this token hash (auth/sessions.ts `liveSession`), read with
 * the session in one statement: the kernel asks on every signed-in request.
 */
export const sessionActorLoader =
  extensionPoint<(db: Executor, idHash: string) => Promise<SessionActor | null>>("session actor loader");

/** The partnership at a route's :id, for the request pipeline (the partnerships domain). */
export const partnershipLoader =
  extensionPoint<(db: Executor, id: string) => Promise<LoadedPartnership | undefined>>("partnership loader");
