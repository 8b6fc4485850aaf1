import type { FastifyInstance, FastifyServerOptions } from "fastify";
import type { Registry } from "prom-client";
import type { Actor } from "./kernel/auth/policy.ts";
import type { Config } from "./kernel/config/config.ts";
import type { Database } from "./kernel/db/database.ts";
import type { AppContext } from "./kernel/http/context.ts";
import type { Lifecycle } from "./kernel/http/operations.ts";
import { createServer, type NavItem } from "./kernel/http/server.ts";
import {
  listPeopleInPartnership,
  loadActor,
  registerInvitationRoutes,
  registerPeopleRoutes,
  registerSignInRoutes,
  registerUserAdminRoutes,
  registerUserDetailRoutes,
} from "./workspace/access/index.ts";
import { registerAuditRoutes } from "./workspace/audit-log/index.ts";
import { registerOrganisationRoutes } from "./workspace/organisations/index.ts";
import { registerMemberRoutes, registerPartnershipRoutes } from "./workspace/partnerships/index.ts";
import { registerUploadRoutes } from "./data/imports/index.ts";
import { registerCatalogueRoutes } from "./data/indicators/index.ts";
import { registerSiteRoutes } from "./workspace/site/index.ts";
import { registerGovernanceRoutes } from "./cycle/governance/index.ts";
import { meetingMentions, registerMeetingRoutes } from "./cycle/meetings/index.ts";
import { budgetMentions, registerBudgetRoutes } from "./cycle/budgets/index.ts";
import { registerNationalRoutes, statusSourceFrom } from "./national/national/index.ts";
import { registerAttentionRoutes } from "./workspace/attention/index.ts";

import {
  actionProfiles,
  countActionsByPriority,
  registerActionDetailRoutes,
  registerActionRoutes,
  registerImportRoutes,
} from "./cycle/actions/index.ts";
import { latestUpdates, listHistory, registerMonitoringRoutes } from "./cycle/monitoring/index.ts";
import { registerProfileRoutes } from "./data/analyses/index.ts";
import { registerLocalityRoutes } from "./data/localities/index.ts";
import { registerProofingRoutes } from "./cycle/proofing/index.ts";
import { registerStrategyRoutes, strategySummaries } from "./cycle/strategy/index.ts";
import {
  evidenceChoices,
  needsAssessmentStatuses,
  publishedAssessments,
  registerNeedsRoutes,
  registerPublicationRoutes,
} from "./cycle/needs-assessment/index.ts";
import { registerApiDocsRoutes, registerApiRoutes, registerTokenRoutes } from "./data/api/index.ts";
import { registerPublicRoutes, registerReportRoutes, reportStatuses } from "./cycle/reports/index.ts";

export interface RouteSummary {
  method: string;
  url: string;
}

/** Service navigation: only what the person can use. */
function navigation(actor: Actor | null): NavItem[] {
  if (!actor) return [{ href: "/", text: "Home" }];
  const items: NavItem[] = [
    { href: "/dashboard", text: "Your partnerships" },
    { href: "/attention", text: "Needs attention" },
  ];
  if (actor.isPlatformAdmin || actor.coordinatorNations.length > 0)
    items.push({ href: "/national", text: "National view" });
  if (actor.isPlatformAdmin) {
    items.push({ href: "/admin/users", text: "Users" });
    items.push({ href: "/admin/organisations", text: "Organisations" });
    items.push({ href: "/data/indicators", text: "Indicators" });
    items.push({ href: "/partnerships/new", text: "New partnership" });
    items.push({ href: "/audit", text: "Audit log" });
  }
  return items;
}

/** The composition root: the kernel's server plus every domain's routes. */
export async function buildApp(options: {
  config: Config;
  database: Database;
  logger?: FastifyServerOptions["logger"];
}): Promise<{
  app: FastifyInstance;
  lifecycle: Lifecycle;
  context: AppContext;
  routes: RouteSummary[];
  metrics: Registry;
}> {
  const { config, database } = options;
  const { app, lifecycle, metrics } = await createServer({
    config,
    database,
    loadActor: (userId) => loadActor(database.db, userId),
    navigation,
    logger: options.logger,
  });
  const context: AppContext = { config, database, db: database.db };
  // Kept so tests can check rules that must hold for every route (e.g. every partnership POST).
  const routes: RouteSummary[] = [];
  app.addHook("onRoute", (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });
  registerSiteRoutes(app, context);
  registerSignInRoutes(app, context);
  registerInvitationRoutes(app, context);
  registerOrganisationRoutes(app, context);
  registerUserAdminRoutes(app, context);
  registerUserDetailRoutes(app, context);
  // The partnership page lists people, who live in the access domain: passed in here so
  // partnerships never imports access (access already imports partnerships).
  registerPartnershipRoutes(app, context, { peopleFor: listPeopleInPartnership });
  registerMemberRoutes(app, context);
  registerPeopleRoutes(app, context);
  registerAuditRoutes(app, context);
  registerGovernanceRoutes(app, context);
  registerMeetingRoutes(app, context);
  registerBudgetRoutes(app, context);
  // The national view reads strategy periods, action counts, needs-assessment and report status
  // from the domains that keep them (national imports none of them).
  registerNationalRoutes(app, context, {
    statusSource: statusSourceFrom({
      strategyPeriods: strategySummaries,
      actionProfiles,
      needsAssessments: needsAssessmentStatuses,
      reports: reportStatuses,
    }),
  });
  registerAttentionRoutes(app, context);
  // The evidence-link forms offer the needs assessment's findings, entries and indicators (needs-assessment imports strategy).
  registerStrategyRoutes(app, context, { actionCountsByPriority: countActionsByPriority, evidenceChoices });
  // Meetings link to actions (meetings imports actions), so the action page learns of them from here.
  const actionDeps = { latestUpdates, updateHistory: listHistory, mentions: [meetingMentions, budgetMentions] };
  registerActionRoutes(app, context, actionDeps);
  registerActionDetailRoutes(app, context, { evidenceChoices });
  registerImportRoutes(app, context, actionDeps);
  registerMonitoringRoutes(app, context);
  registerProofingRoutes(app, context);
  registerReportRoutes(app, context);
  // The public index lists published needs assessments too (passed in: reports reads only disclosure from needs-assessment).
  registerPublicRoutes(app, context, { publishedAssessments });
  registerUploadRoutes(app, context);
  registerProfileRoutes(app, context);
  registerLocalityRoutes(app, context);
  registerCatalogueRoutes(app, context);
  registerNeedsRoutes(app, context);
  registerPublicationRoutes(app, context);
  // The API finds a token's user through the access domain, passed in so api need not import it.
  registerApiRoutes(app, context, { loadActor: (userId) => loadActor(database.db, userId) });
  registerApiDocsRoutes(app, context);
  registerTokenRoutes(app, context);
  await app.ready();
  return { app, lifecycle, context, routes, metrics };
}
