import type { FastifyInstance, FastifyRequest } from "fastify";
import { coordinatedNations, type Nation, nationLabels } from "../../kernel/auth/policy.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { sendCsv } from "../../kernel/http/csv.ts";
import { sendXlsx } from "../../kernel/http/xlsx.ts";
import { needs } from "../../kernel/http/pipeline.ts";
import { nationalPaths } from "./paths.ts";
import { nationalSharingPaths } from "../../data/sharing/index.ts";
import { visiblePartnerships } from "../../workspace/partnerships/index.ts";
import { registerFeedbackRoutes } from "./feedback-routes.ts";
import { exportHeader, exportRows, nationalView } from "./national-service.ts";
import { reportStatusLabels, type ReportStatus } from "./report-status.ts";
import { nationalQuery } from "./schemas.ts";
import { noRecordsStatusSource, type PartnershipStatusSource } from "./status-source.ts";
import { reportStatusMap } from "./status-map.ts";
import { londonToday, reportingYearChoices } from "../../kernel/time.ts";

const statusOrder: ReportStatus[] = ["overdue", "not-started", "draft", "published"];
const statusTagClasses: Record<ReportStatus, string> = {
  overdue: "govuk-tag--red",
  "not-started": "govuk-tag--grey",
  draft: "govuk-tag--yellow",
  published: "govuk-tag--green",
};

/** The national view and exports, and (in feedback-routes.ts) review feedback on partnerships' reports. */
export function registerNationalRoutes(
  app: FastifyInstance,
  context: AppContext,
  options: { statusSource?: PartnershipStatusSource } = {},
): void {
  const { db } = context;
  const source = options.statusSource ?? noRecordsStatusSource;
  registerFeedbackRoutes(app, context, source);

  // The routes' needs checked the nation and "nation:read".
  async function load(request: FastifyRequest) {
    const { nation } = nationalPaths.nation.parse(request.params);
    const query = nationalQuery.parse(request.query ?? {});
    const partnerships = (await visiblePartnerships(db, request.actor!)).filter(
      (partnership) => partnership.nation === nation,
    );
    return { nation, query, view: await nationalView(db, source, nation, partnerships, query) };
  }

  const readNation = { nation: "nation:read" } as const;
  const readAny = { allow: "nation:read-any" } as const;
  app.get(nationalPaths.national.pattern, needs(nationalPaths.national, readAny), async (request, reply) => {
    const allowed = coordinatedNations(request.actor);
    if (allowed.length === 1) return reply.redirect(nationalPaths.nation(allowed[0]!), 303);
    return reply.view("national/views/nations.njk", {
      title: "National view",
      nations: allowed.map((nation) => ({ nation, label: nationLabels[nation] })),
    });
  });

  app.get(nationalPaths.nation.pattern, needs(nationalPaths.nation, readNation), async (request, reply) => {
    const { nation, query, view } = await load(request);
    const groups = statusOrder
      .map((status) => ({
        status,
        label: reportStatusLabels[status],
        tagClass: statusTagClasses[status],
        rows: view.rows.filter((row) => row.reportStatus === status),
      }))
      .filter((group) => group.rows.length > 0);
    const search = new URLSearchParams({
      year: view.reportingYear,
      status: query.status,
      gaps: query.gaps,
      q: query.q,
    }).toString();
    const map = await reportStatusMap(db, nation as Nation, view.allRows, view.reportingYear, londonToday());
    return reply.view("national/views/national.njk", {
      title: `National view: ${nationLabels[nation as Nation]}`,
      nationLabel: nationLabels[nation as Nation],
      view,
      groups,
      query,
      search,
      map,
      sharingHref: nationalSharingPaths.overview(nation as Nation),
      yearItems: reportingYearChoices(londonToday(), [view.reportingYear]).map((year) => ({ value: year, text: year })),
    });
  });

  app.get(nationalPaths.exportCsv.pattern, needs(nationalPaths.exportCsv, readNation), async (request, reply) => {
    const { nation, view } = await load(request);
    return sendCsv(
      reply,
      `national-view-${nation}-${view.reportingYear.replace("/", "-")}.csv`,
      exportHeader,
      exportRows(view),
    );
  });

  app.get(nationalPaths.exportXlsx.pattern, needs(nationalPaths.exportXlsx, readNation), async (request, reply) => {
    const { nation, view } = await load(request);
    return sendXlsx(reply, `national-view-${nation}-${view.reportingYear.replace("/", "-")}.xlsx`, {
      name: `${nationLabels[nation as Nation]} ${view.reportingYear.replace("/", "-")}`,
      header: exportHeader,
      rows: exportRows(view),
    });
  });
}
