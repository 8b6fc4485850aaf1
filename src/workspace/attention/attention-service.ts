import type { Actor } from "../../kernel/auth/policy.ts";
import type { Db } from "../../kernel/db/database.ts";
import { formatDate, londonToday } from "../../kernel/time.ts";
import { meetingsNeedingMinutes, overdueActions } from "../../cycle/meetings/index.ts";
import { periodOf, updatesDue } from "../../cycle/monitoring/index.ts";
import { returnedFeedback } from "../../national/national/index.ts";
import { visiblePartnerships } from "../partnerships/index.ts";
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

/** What needs this person's attention, computed from the records (nothing is stored). */
export async function attentionFor(db: Db, actor: Actor, today = londonToday()): Promise<AttentionGroup[]> {
  const roles = [...actor.partnershipRoles];
  const member = roles.map(([id]) => id);
  const editing = roles.filter(([, role]) => role === "lead" || role === "editor").map(([id]) => id);
  const leading = roles.filter(([, role]) => role === "lead").map(([id]) => id);
  const period = periodOf(today);
  const editorOnly = roles.filter(([, role]) => role === "editor").map(([id]) => id);
  const [partnerships, minutes, actions, returned, invited, dueForLeads, dueForEditors] = await Promise.all([
    visiblePartnerships(db, actor),
    meetingsNeedingMinutes(db, editing, today),
    overdueActions(db, member, today),
    returnedFeedback(db, leading),
    actor.isPlatformAdmin || leading.length > 0
      ? pendingInvitations(db, { all: actor.isPlatformAdmin, partnershipIds: leading })
      : Promise.resolve([]),
    // Leads answer for every action of their partnerships; editors for those their organisation leads.
    updatesDue(db, leading, { period }),
    updatesDue(db, editorOnly, { period, leadOrganisationIds: [actor.organisationId] }),
  ]);
  const names = new Map(partnerships.map((partnership) => [partnership.id, partnership.name]));
  const name = (id: string | null) => (id ? (names.get(id) ?? "") : "");
  const seenInvites = new Set<string>();
  return [
    {
      key: "minutes",
      title: "Meetings needing minutes",
      items: minutes.map((meeting) => ({
        text: `${meeting.title}, ${formatDate(meeting.meetingDate)}`,
        href: `/partnerships/${meeting.partnershipId}/meetings/${meeting.id}/minutes`,
        detail: name(meeting.partnershipId),
      })),
    },
    {
      key: "actions",
      title: "Actions arising overdue",
      items: actions.map((action) => ({
        text: action.description,
        href: `/partnerships/${action.partnershipId}/meetings/${action.meetingId}#actions`,
        detail: `${name(action.partnershipId)}: ${action.owner}, due ${formatDate(action.dueDate)}`,
      })),
    },
    {
      key: "updates",
      title: "Progress updates overdue",
      items: [...dueForLeads, ...dueForEditors].map((due) => ({
        text: due.reference ? `${due.reference} – ${due.title}` : due.title,
        href: `/partnerships/${due.partnershipId}/actions/${due.actionId}/updates/new`,
        detail: `${name(due.partnershipId)}: no update for ${due.period}`,
      })),
    },
    {
      key: "reviews",
      title: "Review feedback returned",
      items: returned.map((feedback) => ({
        text: feedback.section,
        href: `/partnerships/${feedback.partnershipId}/feedback`,
        detail: name(feedback.partnershipId),
      })),
    },
    {
      key: "invitations",
      title: "Invitations not yet accepted",
      items: invited
        .filter((person) => {
          if (seenInvites.has(person.userId)) return false;
          seenInvites.add(person.userId);
          return true;
        })
        .map((person) => ({
          text: `${person.name} (${person.email})`,
          href: actor.isPlatformAdmin ? "/admin/users" : `/partnerships/${person.partnershipId}`,
          detail: name(person.partnershipId),
        })),
    },
  ];
}
