import type { AuditContext } from "../../kernel/audit/audit.ts";
import type { Db } from "../../kernel/db/database.ts";
import { demoNationalPartner, seedPartnersGroup } from "./group.ts";
import { seedLibrary } from "./library.ts";
import { seedGroupMeetings } from "./meetings.ts";
import { seedNationBreadth } from "./nation.ts";
import { seedPlan } from "./plan.ts";
import { seedRequests } from "./requests.ts";

/**
 * The national breadth of the demo (issue 14): every Scottish council area as a partnership,
 * a second partnership in England and Wales, Scotland's fictional national partners group with
 * its offer, requests, joint plan and meetings, and the effective practice library. Runs after
 * the full demo partnerships (it cites Dundee's actions). Seeded once: a second run changes nothing.
 */
export async function seedHubDemo(db: Db, audit: AuditContext) {
  await seedNationBreadth(db, audit);
  const { group, created } = await seedPartnersGroup(db, audit);
  if (created) {
    const requestIds = await seedRequests(db, audit, group);
    await seedPlan(db, audit, group, requestIds);
    await seedGroupMeetings(db, audit, group);
    await seedLibrary(db, audit);
  }
  return [
    {
      role: "National partner (Scotland)",
      email: demoNationalPartner.email,
      password: demoNationalPartner.password,
      partnership: null,
    },
  ];
}
