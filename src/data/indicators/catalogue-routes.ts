import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { authorize, type Actor } from "../../kernel/auth/policy.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { parseForm } from "../../kernel/http/forms.ts";
import { partnershipFor } from "../../workspace/partnerships/index.ts";
import { editIndicator } from "./catalogue-service.ts";
import { findIndicator, type IndicatorRow, listIndicators } from "./repository.ts";
import { buildingBlocks, disclosureRules, polarities, scottishDrivers, units } from "./schemas.ts";

const VIEW_LIST = "indicators/views/catalogue.njk";
const VIEW_EDIT = "indicators/views/edit-indicator.njk";

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
const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : [v].flat()));

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
  drivers: list.pipe(z.array(z.enum(scottishDrivers))),
  buildingBlocks: list.pipe(z.array(z.enum(buildingBlocks))),
});

/** National indicators are edited by administrators; a partnership's own by its editors. */
async function authorizeEdit(context: AppContext, actor: Actor | null, indicator: IndicatorRow): Promise<void> {
  if (indicator.partnershipId) await partnershipFor(context.db, actor, indicator.partnershipId, "partnership:edit");
  else authorize(actor, "admin:manage-organisations");
}

export function registerCatalogueRoutes(app: FastifyInstance, context: AppContext): void {
  const load = async (request: FastifyRequest) => {
    const { slug } = z
      .object({ slug: z.string().regex(/^[a-z0-9-]{1,80}$/) })
      .catch({ slug: "" })
      .parse(request.params);
    const indicator = slug ? await findIndicator(context.db, slug) : undefined;
    if (!indicator) throw AppError.notFound();
    await authorizeEdit(context, request.actor, indicator);
    return indicator;
  };
  const view = (indicator: IndicatorRow, values: Record<string, unknown>, errors: unknown[]) => ({
    title: `Edit ${indicator.title}`,
    indicator,
    values,
    errors,
    units: units.map((u) => ({ value: u, text: u, selected: values.unit === u })),
    polarities: polarities.map((p) => ({ value: p, text: p.replace(/-/g, " "), checked: values.polarity === p })),
    disclosureRules: disclosureRules.map((d) => ({
      value: d,
      text: d === "none" ? "None (already-published official statistics)" : "Small-count rule (locally held data)",
      checked: values.disclosureRule === d,
    })),
    drivers: scottishDrivers.map((d) => ({
      value: d,
      text: d.replace(/-/g, " "),
      checked: [values.drivers].flat().includes(d),
    })),
    buildingBlocks: buildingBlocks.map((b) => ({
      value: b,
      text: b.replace(/-/g, " "),
      checked: [values.buildingBlocks].flat().includes(b),
    })),
  });

  app.get("/data/indicators", async (request, reply) => {
    authorize(request.actor, "admin:manage-organisations");
    return reply.view(VIEW_LIST, {
      title: "Indicator catalogue",
      indicators: await listIndicators(context.db),
    });
  });

  app.get("/data/indicators/:slug", async (request, reply) => {
    const indicator = await load(request);
    const tags = indicator.tags as { drivers?: string[]; buildingBlocks?: string[] };
    return reply.view(
      VIEW_EDIT,
      view(indicator, { ...indicator, drivers: tags.drivers ?? [], buildingBlocks: tags.buildingBlocks ?? [] }, []),
    );
  });

  app.post("/data/indicators/:slug", async (request, reply) => {
    const indicator = await load(request);
    const form = parseForm(editForm, request.body);
    if (!form.ok) return reply.code(400).view(VIEW_EDIT, view(indicator, form.values, form.errors));
    const { drivers, buildingBlocks: blocks, ...fields } = form.data;
    const tags = { ...(indicator.tags as Record<string, unknown>), drivers, buildingBlocks: blocks };
    await editIndicator(context.db, request.auditContext(), indicator.slug, { ...fields, tags });
    return reply
      .flash("The indicator was saved")
      .redirect(indicator.partnershipId ? `/data/indicators/${indicator.slug}` : "/data/indicators", 303);
  });
}
