import { can } from "../../kernel/auth/policy.ts";
import type { Domain } from "../../kernel/domains/descriptor.ts";
import { actionProfiles } from "../../cycle/actions/index.ts";
import { needsAssessmentStatuses } from "../../cycle/needs-assessment/index.ts";
import { reportReviewFeedback, reportStatuses } from "../../cycle/reports/index.ts";
import { strategySummaries } from "../../cycle/strategy/index.ts";
import { attentionItems } from "../../workspace/attention/index.ts";
import { feedbackReturned } from "./attention.ts";
import { registerNationalRoutes } from "./national-routes.ts";
import { nationalPaths } from "./paths.ts";
import { feedbackForReport } from "./repository.ts";
import { statusSourceFrom } from "./status-source.ts";

/** The national view per nation, its exports, and review feedback on partnerships' reports. */
export const nationalDomain: Domain = {
  name: "national/national",
  // The national layer sits above the cycle, so it reads their status through their index files.
  routes: (app, context) =>
    registerNationalRoutes(app, context, {
      statusSource: statusSourceFrom({
        strategyPeriods: strategySummaries,
        actionProfiles,
        needsAssessments: needsAssessmentStatuses,
        reports: reportStatuses,
      }),
    }),
  navigation: [
    {
      text: "National view",
      href: nationalPaths.national(),
      order: 30,
      show: "nation:read-any",
    },
  ],
  partnershipNavigation: [
    {
      text: "Review feedback",
      href: nationalPaths.feedback,
      group: "reporting",
      order: 140,
      show: (actor, partnership) =>
        can(actor, "partnership:manage", partnership) || can(actor, "nation:read", partnership),
    },
  ],
  provides: [attentionItems.provide(feedbackReturned), reportReviewFeedback.provide(feedbackForReport)],
};
