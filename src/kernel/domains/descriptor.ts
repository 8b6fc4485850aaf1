import type { FastifyInstance } from "fastify";
import type { Action, Actor, PartnershipTarget } from "../auth/policy.ts";
import type { AppContext } from "../http/context.ts";
import type { Provision } from "./extensions.ts";

/**
 * An entry of the service navigation (the bar at the top). `order` places it among every
 * domain's entries (lower first); `show` is the permission that shows it: an action the
 * policy decides without a record, or a test of the actor. Without `show`, anyone signed in.
 */
export interface ServiceNavEntry {
  text: string;
  href: string;
  order: number;
  show?: Action | ((actor: Actor | null) => boolean);
}

/**
 * The groups a partnership's sections are shown in, in this order: the navigation shows the
 * groups, and the sections of the group the page is in, so a phone's first screen is content
 * (eighteen sections in one row took three screens of links).
 */
export const PARTNERSHIP_NAV_GROUPS = [
  { key: "partnership", text: "Partnership" },
  { key: "evidence", text: "Evidence" },
  { key: "plan", text: "Plan" },
  { key: "delivery", text: "Delivery" },
  { key: "reporting", text: "Reporting" },
] as const;
export type PartnershipNavGroup = (typeof PARTNERSHIP_NAV_GROUPS)[number]["key"];

/**
 * An entry of a partnership's section navigation. Without `show`, everyone who sees the
 * partnership's pages sees it; otherwise an action on the partnership, or a test of actor and partnership.
 */
export interface PartnershipNavEntry {
  text: string;
  href: (partnershipId: string) => string;
  group: PartnershipNavGroup;
  /** Its place in the group (lower first). */
  order: number;
  show?: Action | ((actor: Actor | null, partnership: PartnershipTarget) => boolean);
  /** Current only on this very page, not below it (the overview, whose path prefixes all others). */
  exact?: boolean;
}

/**
 * How a domain plugs in: each domain's index.ts exports one. `src/app.ts` lists them in layer
 * order, registers their routes, builds both navigations from them, and hands every provision
 * to the extension points their consumers declared.
 */
export interface Domain {
  /** Its folder under src/, e.g. "cycle/proofing". */
  name: string;
  routes?: (app: FastifyInstance, context: AppContext) => void;
  navigation?: ServiceNavEntry[];
  partnershipNavigation?: PartnershipNavEntry[];
  /** What this domain gives to extension points declared by domains it may import (or the kernel). */
  provides?: Provision[];
}
