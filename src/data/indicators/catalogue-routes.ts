import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { checkboxList, formRoute } from "../../kernel/forms/index.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { needs, recordNeed } from "../../kernel/http/pipeline.ts";
import { editIndicator } from "./catalogue-service.ts";
import { accessPaths, cataloguePaths as paths } from "./paths.ts";
import { findIndicator, type IndicatorRow, listIndicators } from "./repository.ts";
import { buildingBlocks, disclosureRules, polarities, scottishDrivers, units } from "./schemas.ts";

const optionalDate = z
  .string()
  .trim()
  .transform((v) => (v === "" ? null : v))
  .pipe(
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date like 2024-03-21")
      .nullable(),
  );

const editForm = z.object({
  title: z.string().trim().min(1, "Enter a title").max(300),
  definition: z.string().trim().max(5000),
  publisher: z.string().trim().max(200),
  dataset: z.string().trim().max(300),
  sourceUrl: z.union([z.httpUrl("Enter a full web address, starting https://"), z.literal("")]),
  unit: z.enum(units, "Choose a unit"),
  polarity: z.enum(polarities, "Choose what a higher value means"),
  disclosureRule: z.enum(disclosureRules, "Choose a disclosure rule"),
  releaseDate: optionalDate,
  nextReleaseDate: optionalDate,
  drivers: checkboxList(scottishDrivers),
  buildingBlocks: checkboxList(buildingBlocks),
});

type Tags = { drivers?: string[]; buildingBlocks?: string[] };

/** The choices of the edit page; the template marks those of the values shown (the record's, or those sent). */
const choices = {
  units: units.map((u) => ({ value: u, text: u })),
  polarities: polarities.map((p) => ({ value: p, text: p.replace(/-/g, " ") })),
  disclosureRules: disclosureRules.map((d) => ({
    value: d,
    text: d === "none" ? "None (already-published official statistics)" : "Small-count rule (locally held data)",
  })),
  drivers: scottishDrivers.map((d) => ({ value: d, text: d.replace(/-/g, " ") })),
  buildingBlocks: buildingBlocks.map((b) => ({ value: b, text: b.replace(/-/g, " ") })),
};

export function registerCatalogueRoutes(app: FastifyInstance, context: AppContext): void {
  const { db } = context;

  /** National indicators are edited by administrators; a partnership's own by that partnership's editors. */
  const editable = recordNeed({
    load: ({ slug }: { slug: string }) => findIndicator(db, slug),
    rule: (indicator: IndicatorRow) =>
      indicator.partnershipId
        ? { partnership: "partnership:edit", of: indicator.partnershipId }
        : { allow: "admin:manage-organisations" },
  });

  app.get(paths.list.pattern, needs(paths.list, { allow: "admin:manage-organisations" }), async (_request, reply) =>
    reply.view("indicators/views/catalogue.njk", {
      title: "Indicator catalogue",
      indicators: (await listIndicators(db)).map((row) => ({ ...row, href: paths.indicator(row.slug) })),
    }),
  );

  formRoute(app, {
    path: paths.indicator,
    needs: { record: editable },
    load: async ({ request }) => editable.of(request),
    template: "indicators/views/edit-indicator.njk",
    view: (ctx) => ({
      title: `Edit ${ctx.record.title}`,
      indicator: ctx.record,
      ...choices,
      accessHref: ctx.record.partnershipId ? null : accessPaths.national(ctx.record.slug),
    }),
    initial: (ctx) => {
      const tags = ctx.record.tags as Tags;
      return { ...ctx.record, drivers: tags.drivers ?? [], buildingBlocks: tags.buildingBlocks ?? [] };
    },
    schema: editForm,
    save: async (ctx, data) => {
      const { drivers, buildingBlocks: blocks, ...fields } = data;
      const tags = { ...(ctx.record.tags as Record<string, unknown>), drivers, buildingBlocks: blocks };
      await editIndicator(db, ctx.audit, ctx.record.slug, { ...fields, tags });
      return ctx.record.partnershipId ? paths.indicator(ctx.record.slug) : paths.list();
    },
    flash: "The indicator was saved",
  });
}
