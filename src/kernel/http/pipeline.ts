import type {
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteShorthandOptions,
} from "fastify";
import { type Action, type Actor, authorize, can, type Nation, nations } from "../auth/policy.ts";
import { AppError } from "../errors/app-error.ts";
import type { Path, PathParams } from "./paths.ts";

/**
 * The partnership a route under /partnerships/:id works on. The kernel knows only what the
 * policy needs; the partnerships domain widens it to its whole row (declaration merging in
 * src/workspace/partnerships/loader.ts), so handlers see every column.
 */
export interface LoadedPartnership {
  id: string;
  name: string;
  nation: Nation;
}

/** Supplied at composition by the partnerships domain: the kernel imports no domain. */
export type PartnershipLoader = (id: string) => Promise<LoadedPartnership | undefined>;

/**
 * What a route needs before its handler runs. Exactly one of:
 * - `partnership`: the partnership at `:id`, on which the actor may do this action (else 404/403);
 * - `allow`: an action that needs no record (e.g. "admin:manage-users");
 * - `nation`: an action on the nation at `:nation` (e.g. "nation:read");
 * - `signedIn` / `public`: anyone signed in, or anyone at all.
 */
export type Need =
  | { partnership: Action }
  | { allow: Action }
  | { nation: Action }
  | { signedIn: true }
  | { public: true };

type Options<A> = RouteShorthandOptions<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  { Params: A }
>;

const loaded = Symbol("partnership");
type WithPartnership = FastifyRequest & { [loaded]?: LoadedPartnership };

/** The partnership the pipeline loaded for this request, or null on routes that load none. */
export function loadedPartnership(request: FastifyRequest): LoadedPartnership | null {
  return (request as WithPartnership)[loaded] ?? null;
}

/** `request.partnership`: set by the pipeline; reading it on a route that loads none is a programming error. */
export const partnershipDecoration = {
  getter(this: FastifyRequest): LoadedPartnership {
    const partnership = loadedPartnership(this);
    if (!partnership)
      throw new Error(`${this.routeOptions.url} loads no partnership: declare needs(…, { partnership })`);
    return partnership;
  },
};

function signedIn(actor: Actor | null): asserts actor is Actor {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue");
}

/**
 * The one request pipeline, as a route option: parse the path's parameters (anything malformed
 * is a 404), load the partnership and authorize through the one policy, then run the handler
 * with `request.params` typed, `request.partnership` and `request.actor` set.
 *
 *   app.get(paths.list.pattern, needs(paths.list, { partnership: "partnership:read" }), handler)
 */
export function needs<P extends string, A = PathParams<P>>(path: Path<P, A>, need: Need): Options<A> {
  // A wiring mistake fails at start-up, not on a request.
  const param = "partnership" in need ? "id" : "nation" in need ? "nation" : null;
  if (param && !path.names.includes(param)) throw new Error(`${path.pattern} has no :${param} for its need`);
  return {
    preHandler: async (request) => {
      const params = path.parse(request.params) as Record<string, string>;
      request.params = params as A;
      if ("public" in need) return;
      signedIn(request.actor);
      if ("allow" in need) authorize(request.actor, need.allow);
      else if ("nation" in need) {
        if (!nations.includes(params.nation as Nation)) throw AppError.notFound();
        authorize(request.actor, need.nation, { nation: params.nation as Nation });
      } else if ("partnership" in need) {
        const partnership = await request.server.loadPartnership(params.id!);
        if (!partnership) throw AppError.notFound();
        authorize(request.actor, need.partnership, { partnershipId: partnership.id, nation: partnership.nation });
        (request as WithPartnership)[loaded] = partnership;
      }
    },
  };
}

/** A record looked up by the handler: missing (or another partnership's) is a 404. */
export function found<T>(record: T | null | undefined): T {
  if (record === null || record === undefined) throw AppError.notFound();
  return record;
}

/** Whether the actor may also do `action` on the request's partnership (to show a link or a button). */
export function may(request: FastifyRequest, action: Action): boolean {
  const { id, nation } = request.partnership;
  return can(request.actor, action, { partnershipId: id, nation });
}
