import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../kernel/http/context.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { formRoute } from "../../kernel/forms/index.ts";
import { catalogueGroupOf as groupOf, type IndicatorRow as CatalogueRow } from "../../data/indicators/index.ts";
import { updatableAction } from "./access.ts";
import { addIndicator } from "./action-service.ts";
import { localityIndicators, partnershipLocalities } from "../../data/localities/index.ts";
import type { Actor } from "../../kernel/auth/policy.ts";
import type { Executor } from "../../kernel/db/database.ts";
import type { PartnershipRow } from "../../workspace/partnerships/index.ts";
import { measurableIndicators } from "./measure-service.ts";
import { actionPaths as paths } from "./paths.ts";
import { indicatorForm } from "./schemas.ts";

/** Indicators whose title holds every word searched for, grouped for the select's optgroups. */
export function indicatorGroups(choices: readonly CatalogueRow[], search: string) {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const groups = new Map<string, { value: string; text: string }[]>();
  for (const indicator of choices) {
    const title = indicator.title.toLowerCase();
    if (!words.every((word) => title.includes(word))) continue;
    const group = groupOf(indicator);
    groups.set(group, [...(groups.get(group) ?? []), { value: indicator.slug, text: indicator.title }]);
  }
  return [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([label, items]) => ({ label, items }));
}

/**
 * What an action's indicator can be measured against: indicators with values for the
 * partnership's area, and — when it has localities — those whose small-area values add up to a
 * locality's figure (data/localities), each place with the indicators it can take.
 */
async function placeChoices(db: Executor, actor: Actor | null | undefined, partnership: PartnershipRow) {
  const [forArea, localities] = await Promise.all([
    measurableIndicators(db, actor ?? null, partnership),
    partnershipLocalities(db, partnership.id),
  ]);
  const forLocalities =
    localities.length > 0 ? (await localityIndicators(db, actor ?? null, partnership.id)).measurable : [];
  const all = new Map([...forArea, ...forLocalities].map((row) => [row.slug, row]));
  const byTitle = [...all.values()].sort((a, b) => a.title.localeCompare(b.title));
  return { forArea, forLocalities, localities, all: byTitle };
}

/** Choosing an action's indicator by name, for the partnership's area or one of its localities. */
export function registerIndicatorRoutes(app: FastifyInstance, { db }: AppContext): void {
  const updatable = updatableAction(db);
  formRoute(app, {
    path: paths.newIndicator,
    needs: { record: updatable },
    load: async (ctx) => updatable.of(ctx.request),
    template: "actions/views/indicator-form.njk",
    view: async (ctx) => {
      const query = ctx.request.query as { q?: unknown };
      const search = typeof query.q === "string" ? query.q.trim().slice(0, 100) : "";
      const choices = await placeChoices(db, ctx.request.actor, ctx.partnership);
      return {
        title: "Add an indicator",
        record: ctx.record,
        search,
        choiceCount: choices.all.length,
        groups: indicatorGroups(choices.all, search),
        places: choices.localities.length
          ? [
              { value: "area", text: `${ctx.partnership.areaName} (the partnership's area)` },
              ...choices.localities.map((locality) => ({
                value: locality.id,
                text: locality.name,
                hint: `A locality of ${locality.areaIds.length} small area${locality.areaIds.length === 1 ? "" : "s"}: indicators with small-area values that add up`,
              })),
            ]
          : [],
        backHref: paths.action(ctx.partnership.id, ctx.record.id),
      };
    },
    schema: indicatorForm,
    save: async (ctx, data) => {
      const choices = await placeChoices(db, ctx.request.actor, ctx.partnership);
      const locality = data.localityId ? choices.localities.find((row) => row.id === data.localityId) : null;
      if (data.localityId && !locality)
        throw AppError.validation([
          { field: "localityId", message: "Choose the partnership's area or one of its localities" },
        ]);
      const indicator = (locality ? choices.forLocalities : choices.forArea).find(
        (row) => row.slug === data.indicatorRef,
      );
      if (!indicator) {
        const known = choices.all.find((row) => row.slug === data.indicatorRef);
        throw AppError.validation([
          {
            field: "indicatorRef",
            message: locality
              ? known
                ? `${known.title} has no small-area values that add up to a figure for ${locality.name}: choose another indicator, or measure it for ${ctx.partnership.areaName}`
                : `Select an indicator that can be worked out for ${locality.name}`
              : known
                ? `${known.title} has no values for ${ctx.partnership.areaName}: choose another indicator, or measure it for a locality`
                : `Select an indicator that has values for ${ctx.partnership.areaName}`,
          },
        ]);
      }
      await addIndicator(db, ctx.audit, ctx.partnership.id, ctx.record.id, { ...data, label: indicator.title });
      return paths.action(ctx.partnership.id, ctx.record.id);
    },
    flash: "The indicator has been added",
  });
}
