/**
 * Who may read an indicator, and when a batch of values is released: a partnership's lead sets
 * its own indicators' tiers and readers and its imports' release times; administrators set the
 * national indicators' tiers (they own the national catalogue, see catalogue-routes.ts).
 */
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../kernel/http/context.ts";
import { may } from "../../kernel/http/pipeline.ts";
import { needs } from "../../kernel/http/pipeline.ts";
import { formRoute } from "../../kernel/forms/index.ts";
import { formatDateTime } from "../../kernel/time.ts";
import { listOrganisations } from "../../workspace/organisations/index.ts";
import {
  allowedOf,
  currentChoice,
  partnershipChoices,
  partnershipTierChoice,
  tierFields,
  tierForm,
} from "./access-fields.ts";
import { changeEmbargo, changeTier, findBatchOf, partnershipDataAccess } from "./access-service.ts";
import { datasetAccessPath, datasetKey, datasetsOf, registerDatasetAccessRoutes } from "./dataset-access-routes.ts";
import { optionalReleaseTime, releaseTimeFields, releaseTimeValues } from "./release-time-fields.ts";
import { accessPaths, cataloguePaths } from "./paths.ts";
import { findIndicator } from "./repository.ts";
import { tierOf } from "./visibility.ts";

const embargoForm = optionalReleaseTime();

export function registerAccessRoutes(app: FastifyInstance, { db }: AppContext): void {
  app.get(
    accessPaths.list.pattern,
    needs(accessPaths.list, { partnership: "partnership:read" }),
    async (request, reply) => {
      const partnership = request.partnership;
      const { own, batches, readers } = await partnershipDataAccess(db, partnership.id);
      return reply.view("indicators/views/access-list.njk", {
        title: `Data access and release times – ${partnership.name}`,
        partnership,
        canManage: may(request, "partnership:manage"),
        indicators: own.map((row) => ({
          slug: row.slug,
          title: row.title,
          tier: tierOf(row),
          readers: readers.filter((r) => r.indicatorId === row.id).length,
          href: accessPaths.indicator(partnership.id, row.slug),
        })),
        datasets: datasetsOf(own).map((dataset) => ({
          name: dataset.name,
          count: dataset.indicators.length,
          href: datasetAccessPath(partnership.id, datasetKey(dataset.name)),
        })),
        batches: batches.map((batch) => ({
          id: batch.id,
          fileName: batch.fileName,
          loaded: formatDateTime(batch.completedAt),
          embargo: batch.embargoUntil ? formatDateTime(batch.embargoUntil) : null,
          released: !batch.embargoUntil || batch.embargoUntil.getTime() <= Date.now(),
          href: accessPaths.batch(partnership.id, batch.id),
        })),
      });
    },
  );

  registerDatasetAccessRoutes(app, db, (id) => accessPaths.list(id));

  formRoute(app, {
    path: accessPaths.indicator,
    needs: { partnership: "partnership:manage" },
    load: async (ctx) => {
      const indicator = await findIndicator(db, ctx.params.slug);
      return indicator?.partnershipId === ctx.partnership.id ? indicator : null;
    },
    title: (ctx) => `Who may read ${ctx.record.title}`,
    caption: (ctx) => ctx.partnership.name,
    fields: async (ctx) => {
      const choices = await partnershipChoices(db, ctx.partnership.id);
      const agreements = choices.agreements.map((a) => ({ value: a.id, text: a.title }));
      return tierFields(choices.people, choices.organisations, agreements);
    },
    schema: tierForm,
    initial: (ctx) => currentChoice(db, ctx.record),
    save: async (ctx, data) => {
      const { choice, allowed } = await partnershipTierChoice(db, ctx.partnership.id, data);
      await changeTier(db, ctx.audit, ctx.record, choice, allowed);
      return accessPaths.list(ctx.partnership.id);
    },
    flash: (ctx) => `Access to ${ctx.record.title} has been saved`,
    back: (ctx) => accessPaths.list(ctx.partnership.id),
  });

  formRoute(app, {
    path: accessPaths.batch,
    needs: { partnership: "partnership:manage" },
    load: (ctx) => findBatchOf(db, ctx.params.batchId, ctx.partnership.id),
    title: (ctx) => `Release time of ${ctx.record.fileName}`,
    caption: (ctx) => ctx.partnership.name,
    intro:
      "Before the release time, the values of this import are not shown anywhere — pages, reports, exports or the API — and are released at that time without anyone doing anything. Leave both fields empty to release them now.",
    fields: releaseTimeFields,
    schema: embargoForm,
    initial: (ctx) => releaseTimeValues(ctx.record.embargoUntil),
    save: async (ctx, data) => {
      await changeEmbargo(db, ctx.audit, ctx.record, data.until);
      return accessPaths.list(ctx.partnership.id);
    },
    flash: (ctx) => `The release time of ${ctx.record.fileName} has been saved`,
    back: (ctx) => accessPaths.list(ctx.partnership.id),
  });

  async function nationalChoices() {
    const organisations = await listOrganisations(db);
    return { people: [], organisations: organisations.map((o) => ({ value: o.id, text: o.name })) };
  }

  formRoute(app, {
    path: accessPaths.national,
    needs: { allow: "admin:manage-organisations" },
    load: async (ctx) => {
      const indicator = await findIndicator(db, ctx.params.slug);
      return indicator && indicator.partnershipId === null ? indicator : null;
    },
    title: (ctx) => `Who may read ${ctx.record.title}`,
    caption: "National indicator",
    fields: async () => {
      const choices = await nationalChoices();
      // A national indicator rests on no partnership's agreement: organisations only.
      return tierFields(choices.people, choices.organisations, []).filter(
        (field) => field.id !== "userIds" && field.id !== "agreementId",
      );
    },
    schema: tierForm,
    initial: (ctx) => currentChoice(db, ctx.record),
    save: async (ctx, data) => {
      await changeTier(db, ctx.audit, ctx.record, { ...data, agreementId: null }, allowedOf(await nationalChoices()));
      return cataloguePaths.indicator(ctx.record.slug);
    },
    flash: (ctx) => `Access to ${ctx.record.title} has been saved`,
    back: (ctx) => cataloguePaths.indicator(ctx.record.slug),
  });
}
