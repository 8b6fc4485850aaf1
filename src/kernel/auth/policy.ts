import { AppError } from "../errors/app-error.ts";

export const nations = ["england", "scotland", "wales", "northern-ireland"] as const;
export type Nation = (typeof nations)[number];
export const nationLabels: Record<Nation, string> = {
  england: "England",
  scotland: "Scotland",
  wales: "Wales",
  "northern-ireland": "Northern Ireland",
};

export const partnershipRoles = ["lead", "editor", "viewer"] as const;
export type PartnershipRole = (typeof partnershipRoles)[number];

/** The signed-in person, with every grant that permissions depend on. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  organisationId: string;
  isPlatformAdmin: boolean;
  coordinatorNations: readonly Nation[];
  partnershipRoles: ReadonlyMap<string, PartnershipRole>;
  /**
   * Nations whose national partners' hub the person reads as one of the people of a member
   * body (their organisation); they answer the support requests assigned to that body.
   * Absent means none.
   */
  nationalPartnerNations?: readonly Nation[];
}

export interface PartnershipTarget {
  partnershipId: string;
  nation: Nation;
}

/** A national body's record in a nation's hub: a support request assigned to it, its profile, an activity it leads. */
export interface BodyTarget {
  nation: Nation;
  /** The member body concerned; null when none is (an unassigned request). */
  organisationId: string | null;
}

/** The group's minutes: hub readers see them; local leads of the nation once published. */
export interface MinutesTarget {
  nation: Nation;
  published: boolean;
  /** Nations of the partnerships the actor leads (looked up by the caller). */
  leadNations: readonly Nation[];
}

/** A partnership record owned by one member organisation (e.g. an action it leads). */
export interface LedRecordTarget extends PartnershipTarget {
  leadOrganisationId: string;
}

export type Action =
  | "admin:manage-users"
  | "admin:manage-organisations"
  /** The geography page: which small-area lookups are loaded (they are loaded for every partnership). */
  | "admin:manage-geography"
  | "audit:read-all"
  | "partnership:create"
  | "partnership:read"
  | "partnership:edit"
  | "partnership:manage"
  | "partnership:read-audit"
  | "nation:read"
  /**
   * Pages that list the nations the actor reads (the national view's front door, the library's
   * review queue): any nation's coordinator, and administrators. See `coordinatedNations`.
   */
  | "nation:read-any"
  /** Change an action or report its progress: leads any, editors only those their organisation leads. */
  | "action:update"
  /** Create and revoke one's own API tokens: anyone signed in. */
  | "account:manage-tokens"
  /**
   * Read data that is not open (small-count / locally held indicators). With a partnership
   * target (the data's owner): whoever may read that partnership. Without one (small-count
   * data no partnership owns, loaded from the CLI): platform administrators only.
   */
  | "data:read-restricted"
  /** A nation's national partners' hub (requests, figures, group papers): coordinators and national partners. */
  | "hub:read"
  /** Run a nation's hub: triage requests, the offer, the joint plan, the group and its meetings, library review. */
  | "hub:manage"
  /**
   * Act for a member body (BodyTarget): answer the requests assigned to it and read their private
   * notes, keep its profile and the activities it leads. Coordinators for any body.
   */
  | "hub:act-for-body"
  /** The national partners group's minutes (MinutesTarget). */
  | "hub:read-minutes"
  /**
   * Read free-text answers of children and families to a consultation (and proposed quotes): only
   * people with a role in that partnership. National coordinators and administrators see aggregates.
   */
  | "consultation:read-free-text"
  /**
   * Propose, change, approve or remove quotes cut from that free text: editors who may read it (a
   * role of editor or lead in the partnership; an administrator's rights alone do not read free text).
   */
  | "consultation:edit-quotes";

const roleRank: Record<PartnershipRole, number> = { viewer: 1, editor: 2, lead: 3 };

/** The nations whose national view the actor reads: coordinators' nations, every nation for administrators. */
export function coordinatedNations(actor: Actor | null): Nation[] {
  if (!actor) return [];
  return actor.isPlatformAdmin ? [...nations] : [...actor.coordinatorNations];
}

function isNationalPartner(actor: Actor, nation: Nation): boolean {
  return (actor.nationalPartnerNations ?? []).includes(nation);
}

function hasRole(actor: Actor, partnershipId: string, minimum: PartnershipRole): boolean {
  const role = actor.partnershipRoles.get(partnershipId);
  return role !== undefined && roleRank[role] >= roleRank[minimum];
}

/**
 * The one place that decides permissions. Every route and every record read asks here.
 * Partnership actions need a target; nation:read needs a nation.
 */
export function can(
  actor: Actor | null,
  action: Action,
  target?: PartnershipTarget | LedRecordTarget | BodyTarget | MinutesTarget | { nation: Nation },
): boolean {
  if (!actor) return false;
  switch (action) {
    case "admin:manage-users":
    case "admin:manage-organisations":
    case "admin:manage-geography":
    case "audit:read-all":
    case "partnership:create":
      return actor.isPlatformAdmin;
    case "nation:read":
      return !!target && (actor.isPlatformAdmin || actor.coordinatorNations.includes(target.nation));
    case "nation:read-any":
      return coordinatedNations(actor).length > 0;
    case "partnership:read":
      if (!target || !("partnershipId" in target)) return false;
      return (
        actor.isPlatformAdmin ||
        actor.coordinatorNations.includes(target.nation) ||
        hasRole(actor, target.partnershipId, "viewer")
      );
    case "partnership:edit":
      if (!target || !("partnershipId" in target)) return false;
      return actor.isPlatformAdmin || hasRole(actor, target.partnershipId, "editor");
    case "partnership:manage":
    case "partnership:read-audit":
      if (!target || !("partnershipId" in target)) return false;
      return actor.isPlatformAdmin || hasRole(actor, target.partnershipId, "lead");
    case "action:update":
      if (!target || !("leadOrganisationId" in target)) return false;
      if (actor.isPlatformAdmin || hasRole(actor, target.partnershipId, "lead")) return true;
      return hasRole(actor, target.partnershipId, "editor") && actor.organisationId === target.leadOrganisationId;
    case "account:manage-tokens":
      return true;
    case "consultation:read-free-text":
      if (!target || !("partnershipId" in target)) return false;
      return hasRole(actor, target.partnershipId, "viewer");
    case "consultation:edit-quotes":
      if (!target || !("partnershipId" in target)) return false;
      return can(actor, "partnership:edit", target) && can(actor, "consultation:read-free-text", target);
    case "data:read-restricted":
      if (!target || !("partnershipId" in target)) return actor.isPlatformAdmin;
      return can(actor, "partnership:read", target);
    case "hub:read":
      return !!target && (can(actor, "hub:manage", target) || isNationalPartner(actor, target.nation));
    case "hub:manage":
      return !!target && (actor.isPlatformAdmin || actor.coordinatorNations.includes(target.nation));
    case "hub:act-for-body":
      if (!target || !("organisationId" in target)) return false;
      if (can(actor, "hub:manage", target)) return true;
      return (
        isNationalPartner(actor, target.nation) &&
        target.organisationId !== null &&
        actor.organisationId === target.organisationId
      );
    case "hub:read-minutes":
      if (!target || !("published" in target)) return false;
      if (can(actor, "hub:read", target)) return true;
      return target.published && target.leadNations.includes(target.nation);
  }
}

/**
 * Throws unless allowed. For partnership records, someone who may not even read the record
 * gets NOT_FOUND so that another partnership's records are never confirmed to exist.
 */
export function authorize(
  actor: Actor | null,
  action: Action,
  target?: PartnershipTarget | LedRecordTarget | BodyTarget | MinutesTarget | { nation: Nation },
): asserts actor is Actor {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue");
  if (can(actor, action, target)) return;
  if (target && "partnershipId" in target && !can(actor, "partnership:read", target)) {
    throw AppError.notFound();
  }
  throw AppError.forbidden();
}
