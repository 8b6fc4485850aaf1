import type { AuditContext } from "../../kernel/audit/audit.ts";
import { addDays, londonToday } from "../../kernel/time.ts";
import type { Db } from "../../kernel/db/database.ts";
import { findUserByEmail } from "../../workspace/access/index.ts";
import { findOrganisationByName } from "../../workspace/organisations/index.ts";
import { findPartnershipByName } from "../../workspace/partnerships/index.ts";

import type { GroupRow } from "../../national/partners-group/index.ts";
import {
  type Author,
  assignRequest,
  closeRequest,
  createRequest,
  declineRequest,
  dueByFor,
  findGroupRequest,
  mergeRequest,
  postMessage,
  backdateRequestForDemo,
} from "../../national/support-requests/index.ts";
import { lightPartnershipName } from "./areas.ts";
import { memberIdsByName } from "./group.ts";
import { coordinationUnit, demoRequests } from "./request-specs.ts";

/**
 * A year of support requests through the life-cycle services, then moved back in time so the
 * figures (time to first response, overdue, unmet demand) look like a real year. Answers come a
 * few hours to a few days after each request.
 */
export async function seedRequests(db: Db, audit: AuditContext, group: GroupRow): Promise<string[]> {
  const members = await memberIdsByName(db, group.id);
  const coordinatorUser = await findUserByEmail(db, "coordinator.scotland@example.org");
  const coordinationUnitId = members.get(coordinationUnit)!.organisationId;
  const ids: string[] = [];
  const today = londonToday();
  for (const [index, spec] of demoRequests.entries()) {
    const name =
      spec.area === "Dundee City"
        ? "Dundee Child Poverty Partnership (fictional demo)"
        : lightPartnershipName(spec.area);
    const partnership = await findPartnershipByName(db, name);
    if (!partnership) continue;
    const lead = spec.area === "Dundee City" ? await findUserByEmail(db, "dundee.lead@example.org") : undefined;
    const council = await findOrganisationByName(
      db,
      spec.area === "Dundee City" ? "Dundee City Council (demo)" : `${spec.area} Council (demo)`,
    );
    const local: Author = {
      userId: lead?.id ?? null,
      name: lead?.name ?? `${spec.area} lead (fictional)`,
      organisationId: council!.id,
    };
    const coordinator: Author = {
      userId: coordinatorUser?.id ?? null,
      name: coordinatorUser?.name ?? "Coordinator",
      organisationId: coordinationUnitId,
    };
    const created = await createRequest(db, audit, {
      groupId: group.id,
      partnershipId: partnership.id,
      author: local,
      form: {
        supportType: spec.supportType,
        topic: spec.topic,
        drivers: spec.drivers,
        urgency: spec.urgency,
        preferredMemberId: "",
        details: spec.details,
      },
    });
    const id = created.request.id;
    ids.push(id);
    let assignedBody: Author = coordinator;
    const current = async () => (await findGroupRequest(db, group.id, id))!;
    for (const step of spec.steps) {
      if ("assign" in step) {
        const member = members.get(step.assign)!;
        await assignRequest(db, audit, await current(), coordinator, { memberId: member.id, note: step.note ?? "" });
        assignedBody = {
          userId: null,
          name: `${step.assign.replace(" (demo)", "")} adviser (fictional)`,
          organisationId: member.organisationId,
        };
      } else if ("reply" in step) {
        await postMessage(db, audit, await current(), step.side === "hub" ? assignedBody : local, step.side, {
          body: step.reply,
          visibility: step.note ? "note" : "message",
          moveTo: step.moveTo ?? "",
        });
      } else if ("decline" in step) await declineRequest(db, audit, await current(), coordinator, step.decline);
      else if ("mergeInto" in step) await mergeRequest(db, audit, await current(), coordinator, ids[step.mergeInto]!);
      else await closeRequest(db, audit, await current(), local, { rating: step.close, feedback: step.feedback });
    }
    await backdateRequestForDemo(
      db,
      id,
      spec.daysAgo,
      4 + (index % 5) * 17,
      dueByFor(addDays(today, -spec.daysAgo), spec.urgency),
    );
  }
  return ids;
}
