import type { AttentionSource } from "../../workspace/attention/index.ts";
import { monitoringPaths } from "./paths.ts";
import { periodOf } from "./periods.ts";
import { updatesDue } from "./updates-due.ts";

/**
 * Actions without a progress update this quarter (the dashboard's rule): leads answer for every
 * action of their partnerships, editors for those their organisation leads.
 */
export const progressUpdatesDue: AttentionSource = {
  key: "updates",
  title: "Progress updates overdue",
  order: 30,
  async items(db, { actor, leading, editorOnly, today }) {
    const period = periodOf(new Date(`${today}T12:00:00Z`));
    const [forLeads, forEditors] = await Promise.all([
      updatesDue(db, leading, { period }),
      updatesDue(db, editorOnly, { period, leadOrganisationIds: [actor.organisationId] }),
    ]);
    return [...forLeads, ...forEditors].map((due) => ({
      text: due.reference ? `${due.reference} – ${due.title}` : due.title,
      href: monitoringPaths.newUpdate(due.partnershipId, due.actionId),
      partnershipId: due.partnershipId,
      detail: `no update for ${due.period}`,
    }));
  },
};
