import type { FastifyInstance, FastifyServerOptions } from "fastify";
import type { Registry } from "prom-client";
import type { Config } from "./kernel/config/config.ts";
import type { Database } from "./kernel/db/database.ts";
import type { Domain } from "./kernel/domains/descriptor.ts";
import { Extensions } from "./kernel/domains/extensions.ts";
import { partnershipLoader, sessionActorLoader } from "./kernel/domains/kernel-points.ts";
import { navigationFrom } from "./kernel/domains/navigation.ts";
import type { AppContext } from "./kernel/http/context.ts";
import type { Lifecycle } from "./kernel/http/operations.ts";
import { createServer } from "./kernel/http/server.ts";
import { chartsDomain } from "./lib/charts/index.ts";
import { documentsDomain } from "./lib/documents/index.ts";
import { mapsDomain } from "./lib/maps/index.ts";
import { accessDomain } from "./workspace/access/index.ts";
import { attentionDomain } from "./workspace/attention/index.ts";
import { auditLogDomain } from "./workspace/audit-log/index.ts";
import { organisationsDomain } from "./workspace/organisations/index.ts";
import { partnershipsDomain } from "./workspace/partnerships/index.ts";
import { siteDomain } from "./workspace/site/index.ts";
import { analysesDomain } from "./data/analyses/index.ts";
import { apiDomain } from "./data/api/index.ts";
import { geographyDomain } from "./data/geography/index.ts";
import { importsDomain } from "./data/imports/index.ts";
import { indicatorsDomain } from "./data/indicators/index.ts";
import { localitiesDomain } from "./data/localities/index.ts";
import { sharingDomain } from "./data/sharing/index.ts";
import { actionsDomain } from "./cycle/actions/index.ts";
import { budgetsDomain } from "./cycle/budgets/index.ts";
import { governanceDomain } from "./cycle/governance/index.ts";
import { meetingsDomain } from "./cycle/meetings/index.ts";
import { monitoringDomain } from "./cycle/monitoring/index.ts";
import { needsAssessmentDomain } from "./cycle/needs-assessment/index.ts";
import { proofingDomain } from "./cycle/proofing/index.ts";
import { prioritisationDomain } from "./cycle/prioritisation/index.ts";
import { consultationDomain } from "./cycle/consultation/index.ts";
import { haveYourSayDomain } from "./cycle/have-your-say/index.ts";
import { reportsDomain } from "./cycle/reports/index.ts";
import { searchDomain } from "./cycle/search/index.ts";
import { strategyDomain } from "./cycle/strategy/index.ts";
import { nationalDomain } from "./national/national/index.ts";
import { partnersGroupDomain } from "./national/partners-group/index.ts";
import { supportOfferDomain } from "./national/support-offer/index.ts";
import { supportRequestsDomain } from "./national/support-requests/index.ts";
import { jointPlanDomain } from "./national/joint-plan/index.ts";
import { practiceDomain } from "./national/practice/index.ts";
import { hubDomain } from "./national/hub/index.ts";
import { demoHubDomain } from "./demo/hub/index.ts";
import { demoSeedDomain } from "./demo/seed/index.ts";
import { demoStrategyDomain } from "./demo/strategy/index.ts";

export interface RouteSummary {
  method: string;
  url: string;
  /** `config.csrf` as the route declared it (false only for the few routes that opt out). */
  csrf: boolean | undefined;
}

/** Every domain, layer by layer (docs/ARCHITECTURE.md): routes, navigation and hooks come from these. */
export const domains: readonly Domain[] = [
  chartsDomain,
  mapsDomain,
  documentsDomain,
  organisationsDomain,
  partnershipsDomain,
  accessDomain,
  auditLogDomain,
  siteDomain,
  attentionDomain,
  geographyDomain,
  indicatorsDomain,
  importsDomain,
  analysesDomain,
  localitiesDomain,
  sharingDomain,
  apiDomain,
  strategyDomain,
  actionsDomain,
  monitoringDomain,
  needsAssessmentDomain,
  reportsDomain,
  meetingsDomain,
  governanceDomain,
  budgetsDomain,
  proofingDomain,
  prioritisationDomain,
  consultationDomain,
  haveYourSayDomain,
  searchDomain,
  nationalDomain,
  partnersGroupDomain,
  supportOfferDomain,
  supportRequestsDomain,
  jointPlanDomain,
  practiceDomain,
  hubDomain,
  demoSeedDomain,
  demoStrategyDomain,
  demoHubDomain,
];

/** The composition root: the kernel's server plus every domain's routes, navigation and hooks. */
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
  const extensions = new Extensions(domains.flatMap((domain) => domain.provides ?? []));
  const navigation = navigationFrom(domains);
  const loadSessionActor = extensions.one(sessionActorLoader);
  const loadPartnership = extensions.one(partnershipLoader);
  const { app, lifecycle, metrics } = await createServer({
    config,
    database,
    loadSessionActor: (idHash) => loadSessionActor(database.db, idHash),
    loadPartnership: (id) => loadPartnership(database.db, id),
    navigation: navigation.service,
    partnershipNavigation: navigation.partnership,
    logger: options.logger,
  });
  const context: AppContext = { config, database, db: database.db, extensions };
  // Kept so tests can check rules that must hold for every route (e.g. every partnership POST).
  const routes: RouteSummary[] = [];
  app.addHook("onRoute", (route) => {
    const csrf = (route.config as { csrf?: boolean } | undefined)?.csrf;
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, csrf });
  });
  for (const domain of domains) domain.routes?.(app, context);
  await app.ready();
  return { app, lifecycle, context, routes, metrics };
}
