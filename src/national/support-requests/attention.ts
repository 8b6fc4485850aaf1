import { type Nation, nations } from "../../kernel/auth/policy.ts";
import type { AttentionEntry, AttentionSource } from "../../workspace/attention/index.ts";
import { findGroup } from "../partners-group/index.ts";
import { requestPaths as paths } from "./paths.ts";
import { listGroupRequests, listPartnershipRequests } from "./repository.ts";

/**
 * Support requests waiting for the person: for a lead, support marked done to close with
 * feedback; for a coordinator, requests to assign; for a national partner, requests assigned
 * to their body and not yet started.
 */
export const supportRequestsDue: AttentionSource = {
  key: "support",
  title: "Support requests",
  order: 50,
  async items(db, { actor, leading }) {
    const entries: AttentionEntry[] = [];
    for (const partnershipId of leading) {
      for (const row of await listPartnershipRequests(db, partnershipId)) {
        if (row.status !== "done") continue;
        entries.push({
          text: `Close “${row.topic}” with feedback`,
          href: paths.request(partnershipId, row.id),
          partnershipId,
        });
      }
    }
    const coordinating: readonly Nation[] = actor.isPlatformAdmin ? [] : actor.coordinatorNations;
    const partnering = (actor.nationalPartnerNations ?? []).filter((nation) => !coordinating.includes(nation));
    for (const nation of nations.filter((n) => coordinating.includes(n) || partnering.includes(n))) {
      const group = await findGroup(db, nation);
      if (!group) continue;
      const rows = coordinating.includes(nation)
        ? await listGroupRequests(db, group.id, { statuses: ["new"] })
        : await listGroupRequests(db, group.id, {
            statuses: ["triaged"],
            assignedOrganisationId: actor.organisationId,
          });
      for (const row of rows) {
        // A national partner may not read the partnership itself, so its name goes in the text.
        entries.push({
          text: `${row.status === "new" ? "Assign" : "Answer"} “${row.topic}” from ${row.partnershipName}`,
          href: paths.hubRequest(nation, row.id),
          partnershipId: null,
        });
      }
    }
    return entries;
  },
};
