import { type Actor, can, type PartnershipTarget } from "../auth/policy.ts";
import {
  type Domain,
  PARTNERSHIP_NAV_GROUPS,
  type PartnershipNavEntry,
  type PartnershipNavGroup,
  type ServiceNavEntry,
} from "./descriptor.ts";

export interface NavItem {
  href: string;
  text: string;
}

export interface PartnershipNavItem extends NavItem {
  exact: boolean;
  group: PartnershipNavGroup;
}

/** What the page's partnership navigation draws: the groups, and the sections of the current group. */
export interface PartnershipSections {
  groups: (NavItem & { current: boolean })[];
  items: (NavItem & { current: boolean })[];
}

/**
 * The groups that have a section this person may open (each linking to its first section), and
 * the sections of the group the page belongs to: the group of the current section, otherwise
 * (a page no section names, such as the people page) the partnership group.
 */
export function partnershipSections(items: readonly PartnershipNavItem[], currentPath: string): PartnershipSections {
  const isCurrent = (item: PartnershipNavItem) =>
    item.exact ? currentPath === item.href : currentPath === item.href || currentPath.startsWith(`${item.href}/`);
  // The longest matching href wins: /reports/x is under Reports, not under the overview.
  const current = items
    .filter(isCurrent)
    .sort((a, b) => b.href.length - a.href.length)
    .at(0);
  const currentGroup = current?.group ?? "partnership";
  const groups = PARTNERSHIP_NAV_GROUPS.flatMap((group) => {
    const first = items.find((item) => item.group === group.key);
    return first ? [{ text: group.text, href: first.href, current: group.key === currentGroup }] : [];
  });
  const shown = items
    .filter((item) => item.group === currentGroup)
    .map((item) => ({ text: item.text, href: item.href, current: item === current }));
  return { groups, items: shown };
}

export interface Navigation {
  /** The service navigation for this person (signed out: what anyone may use). */
  service(actor: Actor | null): NavItem[];
  /** A partnership's sections this person may open. */
  partnership(actor: Actor | null, partnership: PartnershipTarget): PartnershipNavItem[];
}

const byOrder = <T extends { order: number }>(entries: T[]) => [...entries].sort((a, b) => a.order - b.order);
const groupIndex = (group: PartnershipNavGroup) => PARTNERSHIP_NAV_GROUPS.findIndex((g) => g.key === group);

/** Both navigations, built once from every domain's entries. */
export function navigationFrom(domains: readonly Domain[]): Navigation {
  const service = byOrder(domains.flatMap((domain) => domain.navigation ?? []));
  const sections = byOrder(domains.flatMap((domain) => domain.partnershipNavigation ?? [])).sort(
    (a, b) => groupIndex(a.group) - groupIndex(b.group),
  );
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
        .map((entry) => ({
          href: entry.href(target.partnershipId),
          text: entry.text,
          exact: entry.exact ?? false,
          group: entry.group,
        })),
  };
}
