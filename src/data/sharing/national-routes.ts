import type { FastifyInstance } from "fastify";
import { can, type Nation, nationLabels } from "../../kernel/auth/policy.ts";
import { formRoute } from "../../kernel/forms/index.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { found, needs } from "../../kernel/http/pipeline.ts";
import { londonToday } from "../../kernel/time.ts";
import { listPartnershipsWhere } from "../../workspace/partnerships/index.ts";
import { defaultCriteria } from "./risk.ts";
import { principlesPage, riskCounts } from "./national-view.ts";
import { nationalSharingPaths as paths, sharingPaths } from "./paths.ts";
import { principlesFields, principlesSchema, principlesValues, savePrinciples } from "./principles-service.ts";
import { agreementsOf, latestPrinciples, listTemplates, principleVersions } from "./repository.ts";

const read = { nation: "nation:read" } as const;
const manage = { nation: "hub:manage" } as const;

/** National coordinators' pages: agreements by risk per area, and the nation's versioned principles. */
export function registerNationalSharingRoutes(app: FastifyInstance, { db }: AppContext): void {
  app.get(paths.overview.pattern, needs(paths.overview, read), async (request, reply) => {
    const nation = request.params.nation;
    const partnerships = await listPartnershipsWhere(db, { nations: [nation] });
    const [rows, latest, templates] = await Promise.all([
      agreementsOf(
        db,
        partnerships.map((partnership) => partnership.id),
      ),
      latestPrinciples(db, nation),
      listTemplates(db, nation),
    ]);
    const counts = riskCounts(partnerships, rows, londonToday());
    return reply.view("sharing/views/national.njk", {
      title: `Data-sharing agreements: ${nationLabels[nation]}`,
      nationLabel: nationLabels[nation],
      counts: {
        ...counts,
        rows: counts.rows.map((row) => ({ ...row, href: sharingPaths.list(row.id) })),
      },
      latestVersion: latest?.version ?? null,
      templateCount: templates.length,
      principlesHref: paths.principles(nation),
      templatesHref: paths.templates(nation),
      nationalHref: `/national/${nation}`,
    });
  });

  const showPrinciples = async (nation: Nation, version: number | null) => {
    const versions = await principleVersions(db, nation);
    const shown = version === null ? versions[0] : found(versions.find((row) => row.version === version));
    return principlesPage(versions, shown, (number) => paths.principlesVersion(nation, number));
  };

  app.get(paths.principles.pattern, needs(paths.principles, read), async (request, reply) => {
    const nation = request.params.nation;
    return reply.view("sharing/views/principles.njk", {
      title: `Principles on data sharing and risk: ${nationLabels[nation]}`,
      nationLabel: nationLabels[nation],
      ...(await showPrinciples(nation, null)),
      editHref: can(request.actor, "hub:manage", { nation }) ? paths.principlesEdit(nation) : null,
      backHref: paths.overview(nation),
    });
  });

  app.get(paths.principlesVersion.pattern, needs(paths.principlesVersion, read), async (request, reply) => {
    const nation = request.params.nation;
    const page = await showPrinciples(nation, request.params.version);
    return reply.view("sharing/views/principles.njk", {
      title: `Principles on data sharing and risk: ${nationLabels[nation]}, version ${request.params.version}`,
      nationLabel: nationLabels[nation],
      ...page,
      editHref: null,
      backHref: paths.principles(nation),
    });
  });

  formRoute(app, {
    path: paths.principlesEdit,
    needs: manage,
    title: (ctx) => `Change the principles on data sharing: ${nationLabels[ctx.params.nation as Nation]}`,
    intro:
      "Points for each criterion of an agreement, and the totals from which its risk is medium and high. Saving makes a new version: agreements keep the version they were assessed under until they are re-assessed.",
    fields: principlesFields,
    schema: principlesSchema,
    initial: async (ctx) => {
      const latest = await latestPrinciples(db, ctx.params.nation);
      return principlesValues(latest?.criteria ?? defaultCriteria);
    },
    save: async (ctx, data) => {
      const nation = ctx.params.nation as Nation;
      await savePrinciples(db, ctx.audit, nation, data, ctx.request.actor?.name ?? "");
      return paths.principles(nation);
    },
    flash: "The principles have been saved as a new version",
    back: (ctx) => paths.principles(ctx.params.nation as Nation),
  });
}
