import type { FastifyInstance } from "fastify";
import { can, type Nation, nationLabels } from "../../kernel/auth/policy.ts";
import { formRoute } from "../../kernel/forms/index.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import type { Path } from "../../kernel/http/paths.ts";
import { found, may, needs } from "../../kernel/http/pipeline.ts";
import { principlesPage } from "./national-view.ts";
import { nationalSharingPaths, sharingPaths } from "./paths.ts";
import { findTemplate, listTemplates, principleVersions, type SharingTemplateRow } from "./repository.ts";
import { termsValues } from "./terms-schema.ts";
import { saveTemplate, templateFields, templateSchema } from "./template-service.ts";
import { dataLevelLabels, frequencyLabels, lawfulBasisLabels } from "./vocabulary.ts";

function templateSummary(row: SharingTemplateRow) {
  return {
    ...row,
    lawfulBasisLabel: lawfulBasisLabels[row.lawfulBasis as keyof typeof lawfulBasisLabels] ?? row.lawfulBasis,
    levelLabel: dataLevelLabels[row.level as keyof typeof dataLevelLabels] ?? row.level,
    frequencyLabel: frequencyLabels[row.frequency as keyof typeof frequencyLabels] ?? row.frequency,
  };
}

/**
 * The nation's library of agreement templates (kept by its coordinators), the partnership's
 * way into it ("start from a template"), and the partnership's reading of its nation's principles.
 */
export function registerTemplateRoutes(app: FastifyInstance, { db }: AppContext): void {
  const paths = nationalSharingPaths;

  app.get(paths.templates.pattern, needs(paths.templates, { nation: "nation:read" }), async (request, reply) => {
    const nation = request.params.nation;
    const manage = can(request.actor, "hub:manage", { nation });
    const rows = await listTemplates(db, nation);
    return reply.view("sharing/views/templates.njk", {
      title: `Agreement templates: ${nationLabels[nation]}`,
      caption: `Data sharing: ${nationLabels[nation]}`,
      rows: rows.map((row) => ({
        ...templateSummary(row),
        actionHref: manage ? paths.templateEdit(nation, row.id) : null,
        actionText: "Change",
      })),
      addHref: manage ? paths.templateAdd(nation) : null,
      backHref: paths.overview(nation),
    });
  });

  const fieldForm = {
    needs: { nation: "hub:manage" },
    fields: templateFields,
    schema: templateSchema,
    flash: "The template has been saved",
    back: (ctx: { params: { nation: string } }) => paths.templates(ctx.params.nation),
  } as const;

  formRoute(app, {
    ...fieldForm,
    path: paths.templateAdd,
    title: (ctx) => `Add an agreement template: ${nationLabels[ctx.params.nation as Nation]}`,
    save: async (ctx, data) => {
      await saveTemplate(db, ctx.audit, ctx.params.nation as Nation, null, data);
      return paths.templates(ctx.params.nation);
    },
  });

  formRoute(app, {
    ...fieldForm,
    path: paths.templateEdit,
    load: (ctx) => findTemplate(db, ctx.params.nation, ctx.params.templateId),
    title: (ctx) => `Change the template ${ctx.record.title}`,
    initial: (ctx) => termsValues(ctx.record),
    save: async (ctx, data) => {
      await saveTemplate(db, ctx.audit, ctx.params.nation as Nation, ctx.record.id, data);
      return paths.templates(ctx.params.nation);
    },
  });

  app.get(
    sharingPaths.templates.pattern,
    needs(sharingPaths.templates, { partnership: "partnership:read" }),
    async (request, reply) => {
      const { partnership } = request;
      const canEdit = may(request, "partnership:edit");
      const rows = await listTemplates(db, partnership.nation);
      return reply.view("sharing/views/templates.njk", {
        title: `Agreement templates – ${partnership.name}`,
        caption: partnership.name,
        intro: `Templates kept by the national coordinator for ${nationLabels[partnership.nation]}. Starting from one fills in the purpose, lawful basis and data; you add the parties, dates and DPIA.`,
        rows: rows.map((row) => ({
          ...templateSummary(row),
          actionHref: canEdit ? `${sharingPaths.add(partnership.id)}?template=${row.id}` : null,
          actionText: "Start an agreement from",
        })),
        addHref: null,
        backHref: sharingPaths.list(partnership.id),
      });
    },
  );

  const showPrinciples = async (nation: Nation, partnershipId: string, version: number | null) => {
    const versions = await principleVersions(db, nation);
    const shown = version === null ? versions[0] : found(versions.find((row) => row.version === version));
    return principlesPage(versions, shown, (number) => sharingPaths.principlesVersion(partnershipId, number));
  };

  // The principles in force, or one version of them when the path names it.
  const principlesPaths: Path<string, { id: string; version?: number }>[] = [
    sharingPaths.principles,
    sharingPaths.principlesVersion,
  ];
  for (const path of principlesPaths) {
    app.get(path.pattern, needs(path, { partnership: "partnership:read" }), async (request, reply) => {
      const { partnership } = request;
      const version = request.params.version ?? null;
      return reply.view("sharing/views/principles.njk", {
        title: `Principles on data sharing and risk – ${partnership.name}${version ? `, version ${version}` : ""}`,
        nationLabel: nationLabels[partnership.nation],
        ...(await showPrinciples(partnership.nation, partnership.id, version)),
        editHref: null,
        backHref: sharingPaths.list(partnership.id),
      });
    });
  }
}
