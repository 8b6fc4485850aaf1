/**
 * Who may read every indicator of a dataset at once (issue 15: tiers "for every indicator and
 * dataset"): a partnership's own indicators grouped by the dataset their import named, one form
 * that sets the tier and readers of all of them together (changeDatasetTier: one transaction,
 * each indicator's change audited). An indicator added to the dataset later is set on its own.
 */
import { createHash } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Db, Executor } from "../../kernel/db/database.ts";
import { formRoute } from "../../kernel/forms/index.ts";
import { path } from "../../kernel/http/paths.ts";
import { currentChoice, partnershipChoices, partnershipTierChoice, tierFields, tierForm } from "./access-fields.ts";
import { changeDatasetTier } from "./access-service.ts";
import type { IndicatorRow } from "./repository.ts";
import { listIndicators } from "./repository.ts";

/** A dataset's address: a short hash of its name (names are free text, with any characters). */
export const datasetKey = (name: string) => createHash("sha256").update(name).digest("hex").slice(0, 16);

export const datasetAccessPath = path("/partnerships/:id/data/access/datasets/:dataset", {
  dataset: z.string().regex(/^[0-9a-f]{16}$/),
});

/** The partnership's own indicators by dataset name (those with one), each dataset's indicators by title. */
export function datasetsOf(own: readonly IndicatorRow[]): { name: string; indicators: IndicatorRow[] }[] {
  const byName = new Map<string, IndicatorRow[]>();
  for (const row of own) if (row.dataset.trim()) byName.set(row.dataset, [...(byName.get(row.dataset) ?? []), row]);
  return [...byName]
    .map(([name, indicators]) => ({ name, indicators: indicators.sort((a, b) => a.title.localeCompare(b.title)) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

async function findDataset(db: Executor, partnershipId: string, key: string) {
  const own = (await listIndicators(db, partnershipId)).filter((row) => row.partnershipId === partnershipId);
  return datasetsOf(own).find((dataset) => datasetKey(dataset.name) === key) ?? null;
}

export function registerDatasetAccessRoutes(app: FastifyInstance, db: Db, back: (id: string) => string) {
  formRoute(app, {
    path: datasetAccessPath,
    needs: { partnership: "partnership:manage" },
    load: (ctx) => findDataset(db, ctx.partnership.id, ctx.params.dataset),
    title: (ctx) => `Who may read the indicators of ${ctx.record.name}`,
    caption: (ctx) => ctx.partnership.name,
    intro:
      "The same access for every indicator of the dataset, set together. Each can still be changed on its own afterwards.",
    fields: async (ctx) => {
      const choices = await partnershipChoices(db, ctx.partnership.id);
      const agreements = choices.agreements.map((a) => ({ value: a.id, text: a.title }));
      const names = ctx.record.indicators.map((row) => row.title).join("; ");
      return tierFields(choices.people, choices.organisations, agreements).map((field) =>
        field.id === "tier"
          ? {
              ...field,
              label: `Who may read these ${ctx.record.indicators.length} indicators`,
              hint: `${names}. ${field.hint}`,
            }
          : field,
      );
    },
    schema: tierForm,
    // The dataset's current access when its indicators agree, else nothing chosen.
    initial: async (ctx) => {
      const current = await Promise.all(ctx.record.indicators.map((row) => currentChoice(db, row)));
      const same = current.every((choice) => JSON.stringify(choice) === JSON.stringify(current[0]));
      return same ? current[0]! : {};
    },
    save: async (ctx, data) => {
      const { choice, allowed } = await partnershipTierChoice(db, ctx.partnership.id, data);
      await changeDatasetTier(db, ctx.audit, ctx.record, choice, allowed);
      return back(ctx.partnership.id);
    },
    flash: (ctx) => `Access to the ${ctx.record.indicators.length} indicators of ${ctx.record.name} has been saved`,
    back: (ctx) => back(ctx.partnership.id),
  });
}
