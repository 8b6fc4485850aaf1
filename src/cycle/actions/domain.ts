import { localityUses } from "../../data/localities/index.ts";
import type { Domain } from "../../kernel/domains/descriptor.ts";
import { evidenceChoiceSource, priorityActionCounts } from "../strategy/index.ts";
import { registerActionDetailRoutes } from "./action-detail-routes.ts";
import { registerActionRoutes } from "./action-routes.ts";
import { registerIndicatorRoutes } from "./indicator-routes.ts";
import { actionLatestUpdates, actionMentions, actionUpdateHistory } from "./extension-points.ts";
import { registerImportRoutes } from "./import-routes.ts";
import { actionPaths } from "./paths.ts";
import { countActionsByPriority, indicatorsMeasuredFor } from "./repository.ts";

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
  provides: [
    priorityActionCounts.provide(countActionsByPriority),
    // A locality's removal page says which action indicators are measured for it.
    localityUses.provide(async (db, partnershipId, localityId) => {
      const rows = await indicatorsMeasuredFor(db, partnershipId, localityId);
      if (rows.length === 0) return [];
      const named = rows.map(
        (row) => `“${row.label}” (action ${[row.reference, row.title].filter(Boolean).join(" ")})`,
      );
      const which =
        rows.length === 1 ? "1 action indicator measured for it" : `${rows.length} action indicators measured for it`;
      return [`${which}: ${named.join("; ")}. They stay on their actions but can no longer be measured`];
    }),
  ],
};
