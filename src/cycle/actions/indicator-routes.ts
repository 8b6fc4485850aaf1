import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../kernel/http/context.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { formRoute } from "../../kernel/forms/index.ts";
import { catalogueGroupOf as groupOf, type IndicatorRow as CatalogueRow } from "../../data/indicators/index.ts";
import { actionFor } from "./access.ts";
import { addIndicator } from "./action-service.ts";
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

/** Choosing an action's indicator by name from those with values for the partnership's area. */
export function registerIndicatorRoutes(app: FastifyInstance, { db }: AppContext): void {
  formRoute(app, {
    path: paths.newIndicator,
    needs: { partnership: "partnership:read" },
    load: async (ctx) =>
      (await actionFor(db, ctx.request.actor, ctx.partnership, ctx.params.actionId, "update")).action,
    template: "actions/views/indicator-form.njk",
    view: async (ctx) => {
      const query = ctx.request.query as { q?: unknown };
      const search = typeof query.q === "string" ? query.q.trim().slice(0, 100) : "";
      const choices = await measurableIndicators(db, ctx.request.actor, ctx.partnership);
      return {
        title: "Add an indicator",
        record: ctx.record,
        search,
        choiceCount: choices.length,
        groups: indicatorGroups(choices, search),
        backHref: paths.action(ctx.partnership.id, ctx.record.id),
      };
    },
    schema: indicatorForm,
    save: async (ctx, data) => {
      const choices = await measurableIndicators(db, ctx.request.actor, ctx.partnership);
      const indicator = choices.find((row) => row.slug === data.indicatorRef);
      if (!indicator) {
        throw AppError.validation([
          {
            field: "indicatorRef",
            message: `Select an indicator that has values for ${ctx.partnership.areaName}`,
          },
        ]);
      }
      await addIndicator(db, ctx.audit, ctx.partnership.id, ctx.record.id, { ...data, label: indicator.title });
      return paths.action(ctx.partnership.id, ctx.record.id);
    },
    flash: "The indicator has been added",
  });
}
