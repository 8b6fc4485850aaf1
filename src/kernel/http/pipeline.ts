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

/**
 * A request that passed `needs(path, …)`, its `params` typed by the path: what a helper shared by a
 * route's handlers (and a form's `ctx.request`) takes, e.g. `ParsedRequest<{ meetingId: string }>`.
 */
export type ParsedRequest<A> = FastifyRequest<{ Params: A }>;

/** Supplied at composition by the partnerships domain: the kernel imports no domain. */
export type PartnershipLoader = (id: string) => Promise<LoadedPartnership | undefined>;

/**
 * What a route needs before its handler runs. Exactly one of:
 * - `partnership`: the partnership at `:id`, on which the actor may do this action (else 404/403);
 * - `allow`: an action that needs no record (e.g. "admin:manage-users");
 * - `nation`: an action on the nation at `:nation` (e.g. "nation:read");
 * - `record`: a record the path names, whose rights depend on the record itself (`recordNeed`);
 * - `signedIn` / `public`: anyone signed in, or anyone at all.
 */
export type Need<A = unknown> =
  | { partnership: Action }
  | { allow: Action }
  | { nation: Action }
  | { record: RecordNeed<A, unknown> }
  | { signedIn: true }
  | { public: true };

/**
 * What a record's rule asks of the policy: an action on no target, on a partnership (on a record of it
 * that a member organisation leads, with `leadOrganisationId`: "action:update"), or on a nation.
 */
export type RecordRule =
  | { allow: Action }
  | { partnership: Action; of: string; leadOrganisationId?: string }
  | { nation: Action; of: Nation };

/**
 * A need decided by a record: the pipeline loads it from the path's typed parameters (none is a
 * 404), asks `rule` which action on which target it takes (lacking it is a 403), and keeps it for
 * the handler, which reads it with `of(request)`. A `partnership` rule loads that partnership too
 * (`request.partnership`). Made by `recordNeed`.
 */
export interface RecordNeed<A, T> {
  load(params: A, request: FastifyRequest): Promise<T | null | undefined>;
  rule(record: T): RecordRule;
  /** The record the pipeline loaded for this request. */
  of(request: FastifyRequest): T;
}

/**
 * Declares a record-dependent need, once per kind of record (e.g. "an indicator its reader may
 * edit": administrators for a national one, the owning partnership's editors for its own):
 *
 *   const editable = recordNeed({ load: ({ slug }) => findIndicator(db, slug), rule: (row) => … });
 *   app.get(paths.edit.pattern, needs(paths.edit, { record: editable }), (request) => editable.of(request))
 */
export function recordNeed<A, T>(spec: {
  load: (params: A, request: FastifyRequest) => Promise<T | null | undefined>;
  rule: (record: T) => RecordRule;
}): RecordNeed<A, T> {
  const records = new WeakMap<FastifyRequest, T>();
  return {
    load: spec.load,
    rule: spec.rule,
    of(request) {
      if (!records.has(request)) throw new Error(`${request.routeOptions.url} loads no such record: declare needs(…)`);
      return records.get(request) as T;
    },
    [keep]: (request: FastifyRequest, record: T) => records.set(request, record),
  } as RecordNeed<A, T>;
}

const keep = Symbol("keep record");
type Keeping = { [keep]: (request: FastifyRequest, record: unknown) => void };

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
export function needs<P extends string, A = PathParams<P>>(path: Path<P, A>, need: Need<NoInfer<A>>): Options<A> {
  // A wiring mistake fails at start-up, not on a request.
  const param = "partnership" in need ? "id" : "nation" in need ? "nation" : null;
  if (param && !path.names.includes(param)) throw new Error(`${path.pattern} has no :${param} for its need`);
  return {
    preHandler: async (request) => {
      const params = path.parse(request.params);
      request.params = params;
      if ("public" in need) return;
      signedIn(request.actor);
      const named = params as Record<string, string>;
      if ("record" in need) {
        const record = found(await need.record.load(params, request));
        await decide(request, need.record.rule(record));
        (need.record as unknown as Keeping)[keep](request, record);
      } else if ("allow" in need) await decide(request, need);
      else if ("nation" in need) await decide(request, { nation: need.nation, of: named.nation as Nation });
      else if ("partnership" in need) await decide(request, { partnership: need.partnership, of: named.id! });
    },
  };
}

/** Authorizes one rule through the policy; a partnership it names is loaded (404 if none) and kept. */
async function decide(request: FastifyRequest, rule: RecordRule): Promise<void> {
  if ("allow" in rule) return authorize(request.actor, rule.allow);
  if ("nation" in rule) {
    if (!nations.includes(rule.of)) throw AppError.notFound();
    return authorize(request.actor, rule.nation, { nation: rule.of });
  }
  const partnership = await request.server.loadPartnership(rule.of);
  if (!partnership) throw AppError.notFound();
  const target = { partnershipId: partnership.id, nation: partnership.nation };
  const { leadOrganisationId } = rule;
  authorize(
    request.actor,
    rule.partnership,
    leadOrganisationId === undefined ? target : { ...target, leadOrganisationId },
  );
  (request as WithPartnership)[loaded] = partnership;
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
