import type { FastifyInstance } from "fastify";
import type { CompletenessLinks } from "./completeness.ts";
import type { Db } from "../../kernel/db/database.ts";
import { onceToken, saveOnce } from "../../kernel/forms/index.ts";
import { needs } from "../../kernel/http/pipeline.ts";
import { londonToday } from "../../kernel/time.ts";
import { longDate } from "./format.ts";
import { reportPaths as paths } from "./paths.ts";
import * as service from "./report-service.ts";

const manage = { partnership: "partnership:manage" } as const;

/**
 * Publishing asks first: the page shows the completeness check of the version about to be published
 * (what is met, what is missing, with counts) and what publishing does; Yes publishes it. Sent once,
 * so a double click publishes one version, not two.
 */
export function registerPublishRoutes(app: FastifyInstance, db: Db, links: CompletenessLinks): void {
  app.get(paths.publish.pattern, needs(paths.publish, manage), async (request, reply) => {
    const { partnership } = request;
    const { reportId } = paths.publish.parse(request.params);
    const { report, generated, signOffs, publications, completeness } = await service.loadReport(
      db,
      partnership.id,
      reportId,
      links,
    );
    return reply.view("reports/views/publish.njk", {
      partnership,
      title: `Publish ${generated.title}?`,
      report,
      generated,
      completeness,
      missing: completeness.filter((item) => !item.met).length,
      missingStatutory: completeness.filter((item) => !item.met && item.kind === "statutory").length,
      signedOff: report.status === "signed-off" && signOffs.length > 0,
      nextVersion: publications.length + 1,
      generatedOnLabel: longDate(generated.generatedOn),
      reportHref: paths.report(partnership.id, report.id),
      action: paths.publish(partnership.id, report.id),
      onceToken: onceToken(),
      // The check links to where things are fixed; the lead may use every one of those pages.
      canEdit: true,
      canManage: true,
    });
  });

  app.post(paths.publish.pattern, needs(paths.publish, manage), async (request, reply) => {
    const { partnership } = request;
    const { reportId } = paths.publish.parse(request.params);
    const { location } = await saveOnce(db, request, async () => {
      const publication = await service.publishReport(
        db,
        request.auditContext(),
        partnership,
        reportId,
        londonToday(),
        links,
      );
      return `/published/reports/${publication.id}`;
    });
    return reply.redirect(location, 303);
  });
}
