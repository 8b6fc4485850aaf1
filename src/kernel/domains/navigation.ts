import { type Actor, can, type PartnershipTarget } from "../auth/policy.ts";
import type { Domain, PartnershipNavEntry, ServiceNavEntry } from "./descriptor.ts";

export interface NavItem {
  href: string;
  text: string;
}

export interface PartnershipNavItem extends NavItem {
  exact: boolean;
}

export interface Navigation {
  /** The service navigation for this person (signed out: what anyone may use). */
  service(actor: Actor | null): NavItem[];
  /** A partnership's sections this person may open. */
  partnership(actor: Actor | null, partnership: PartnershipTarget): PartnershipNavItem[];
}

const byOrder = <T extends { order: number }>(entries: T[]) => [...entries].sort((a, b) => a.order - b.order);

/** Both navigations, built once from every domain's entries. */
export function navigationFrom(domains: readonly Domain[]): Navigation {
  const service = byOrder(domains.flatMap((domain) => domain.navigation ?? []));
  const sections = byOrder(domains.flatMap((domain) => domain.partnershipNavigation ?? []));
  const showsService = (entry: ServiceNavEntry, actor: Actor | null) =>
    entry.show === undefined
      ? actor !== null
      : typeof entry.show === "function"
        ? entry.show(actor)
        : can(actor, entry.show);
  const showsSection = (entry: PartnershipNavEntry, actor: Actor | null, target: PartnershipTarget) =>
    entry.show === undefined
      ? true
      : typeof entry.show === "function"
        ? entry.show(actor, target)
        : can(actor, entry.show, target);
  return {
    service: (actor) => service.filter((entry) => showsService(entry, actor)).map(({ href, text }) => ({ href, text })),
    partnership: (actor, target) =>
      sections
        .filter((entry) => showsSection(entry, actor, target))
        .map((entry) => ({ href: entry.href(target.partnershipId), text: entry.text, exact: entry.exact ?? false })),
  };
}
