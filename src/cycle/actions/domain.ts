import type { Domain } from "../../kernel/domains/descriptor.ts";
import { evidenceChoiceSource, priorityActionCounts } from "../strategy/index.ts";
import { registerActionDetailRoutes } from "./action-detail-routes.ts";
import { registerActionRoutes } from "./action-routes.ts";
import { registerIndicatorRoutes } from "./indicator-routes.ts";
import { actionLatestUpdates, actionMentions, actionUpdateHistory } from "./extension-points.ts";
import { registerImportRoutes } from "./import-routes.ts";
import { actionPaths } from "./paths.ts";
import { countActionsByPriority } from "./repository.ts";

/** The action plan: actions, budgets, indicators, milestones, import and export. */
export const actionsDomain: Domain = {
  name: "cycle/actions",
  routes: (app, context) => {
    const { extensions } = context;
    const deps = {
      latestUpdates: extensions.one(actionLatestUpdates),
      updateHistory: extensions.one(actionUpdateHistory),
      mentions: extensions.all(actionMentions),
    };
    registerActionRoutes(app, context, deps);
    registerActionDetailRoutes(app, context, { evidenceChoices: extensions.optional(evidenceChoiceSource) });
    registerIndicatorRoutes(app, context);
    registerImportRoutes(app, context, deps);
  },
  partnershipNavigation: [{ text: "Action plan", href: actionPaths.list, group: "delivery", order: 100 }],
  provides: [priorityActionCounts.provide(countActionsByPriority)],
};
