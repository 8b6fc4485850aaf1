import type { Domain } from "../../kernel/domains/descriptor.ts";
import { attentionItems } from "../../workspace/attention/index.ts";
import { actionLatestUpdates, actionUpdateHistory } from "../actions/index.ts";
import { progressUpdatesDue } from "./attention.ts";
import { registerMonitoringRoutes } from "./monitoring-routes.ts";
import { monitoringPaths } from "./paths.ts";
import { latestUpdates, listHistory } from "./repository.ts";

/** Quarterly progress updates with history, roll-ups and the monitoring dashboard. */
export const monitoringDomain: Domain = {
  name: "cycle/monitoring",
  routes: registerMonitoringRoutes,
  partnershipNavigation: [{ text: "Monitoring", href: monitoringPaths.dashboard, group: "delivery", order: 110 }],
  provides: [
    actionLatestUpdates.provide(latestUpdates),
    actionUpdateHistory.provide(listHistory),
    attentionItems.provide(progressUpdatesDue),
  ],
};
