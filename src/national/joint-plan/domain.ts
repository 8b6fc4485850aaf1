import type { Domain } from "../../kernel/domains/descriptor.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { memberRemovalGuards } from "../partners-group/index.ts";
import { type LinkedActivity, requestActivities, requestPaths } from "../support-requests/index.ts";
import { registerPlanRoutes } from "./plan-routes.ts";
import { activitiesForRequests, countOpenLedBy, findActivityTitles } from "./repository.ts";
import { type ActivityStatus, activityStatusLabels } from "./schemas.ts";

async function activitiesByRequest(db: Executor, requestIds: string[]): Promise<Map<string, LinkedActivity[]>> {
  const links = await activitiesForRequests(db, requestIds);
  const titles = await findActivityTitles(db, [...new Set(links.map((link) => link.activityId))]);
  const result = new Map<string, LinkedActivity[]>();
  for (const link of links) {
    const activity = titles.get(link.activityId);
    if (!activity) continue;
    const list = result.get(link.requestId) ?? [];
    list.push({ ...activity, statusLabel: activityStatusLabels[activity.status as ActivityStatus] ?? activity.status });
    result.set(link.requestId, list);
  }
  return result;
}

/** The group's joint plan of support, and each partnership's view of its requests and the answers. */
export const jointPlanDomain: Domain = {
  name: "national/joint-plan",
  routes: registerPlanRoutes,
  partnershipNavigation: [{ text: "Support", href: requestPaths.support, group: "partnership", order: 150 }],
  provides: [
    requestActivities.provide(activitiesByRequest),
    memberRemovalGuards.provide(async (db, group, organisationId) => {
      const open = await countOpenLedBy(db, group.id, organisationId);
      return open
        ? `it leads ${open} unfinished joint plan activit${open === 1 ? "y" : "ies"}: give them another lead first`
        : null;
    }),
  ],
};
