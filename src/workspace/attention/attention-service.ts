import type { Actor } from "../../kernel/auth/policy.ts";
import type { Db } from "../../kernel/db/database.ts";
import { londonToday } from "../../kernel/time.ts";
import { partnershipPaths, visiblePartnerships } from "../partnerships/index.ts";
import type { AttentionScope, AttentionSource } from "./extension-points.ts";
import { pendingInvitations } from "./repository.ts";

export interface AttentionItem {
  text: string;
  href: string;
  detail: string;
}

export interface AttentionGroup {
  key: string;
  title: string;
  items: AttentionItem[];
}

/** This domain's own group: people invited to the person's partnerships who have not signed up. */
const invitations: AttentionSource = {
  key: "invitations",
  title: "Invitations not yet accepted",
  order: 50,
  async items(db, { actor, leading }) {
    if (!actor.isPlatformAdmin && leading.length === 0) return [];
    const invited = await pendingInvitations(db, { all: actor.isPlatformAdmin, partnershipIds: leading });
    const seen = new Set<string>();
    return invited
      .filter((person) => !seen.has(person.userId) && seen.add(person.userId))
      .map((person) => ({
        text: `${person.name} (${person.email})`,
        href:
          actor.isPlatformAdmin || !person.partnershipId
            ? "/admin/users"
            : partnershipPaths.overview(person.partnershipId),
        partnershipId: person.partnershipId,
      }));
  },
};

/** What needs this person's attention, computed from the records (nothing is stored). */
export async function attentionFor(
  db: Db,
  actor: Actor,
  sources: readonly AttentionSource[],
  today = londonToday(),
): Promise<AttentionGroup[]> {
  const roles = [...actor.partnershipRoles];
  const scope: AttentionScope = {
    actor,
    today,
    member: roles.map(([id]) => id),
    editing: roles.filter(([, role]) => role === "lead" || role === "editor").map(([id]) => id),
    leading: roles.filter(([, role]) => role === "lead").map(([id]) => id),
    editorOnly: roles.filter(([, role]) => role === "editor").map(([id]) => id),
  };
  const ordered = [...sources, invitations].sort((a, b) => a.order - b.order);
  const [partnerships, ...lists] = await Promise.all([
    visiblePartnerships(db, actor),
    ...ordered.map((source) => source.items(db, scope)),
  ]);
  const names = new Map(partnerships.map((partnership) => [partnership.id, partnership.name]));
  const name = (id: string | null) => (id ? (names.get(id) ?? "") : "");
  return ordered.map((source, index) => ({
    key: source.key,
    title: source.title,
    items: lists[index]!.map((entry) => ({
      text: entry.text,
      href: entry.href,
      detail: entry.detail ? `${name(entry.partnershipId)}: ${entry.detail}` : name(entry.partnershipId),
    })),
  }));
}
