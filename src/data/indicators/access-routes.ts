/**
 * Who may read an indicator, and when a batch of values is released: a partnership's lead sets
 * its own indicators' tiers and readers and its imports' release times; administrators set the
 * national indicators' tiers (they own the national catalogue, see catalogue-routes.ts).
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../kernel/http/context.ts";
import { path } from "../../kernel/http/paths.ts";
import { may } from "../../kernel/http/pipeline.ts";
import { needs } from "../../kernel/http/pipeline.ts";
import { checkboxList, formRoute } from "../../kernel/forms/index.ts";
import { formatDateTime } from "../../kernel/time.ts";
import { listPeopleInPartnership } from "../../workspace/access/index.ts";
import { listOrganisations } from "../../workspace/organisations/index.ts";
import { listMembers } from "../../workspace/partnerships/index.ts";
import { agreementChoices } from "../sharing/index.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { changeEmbargo, changeTier, findBatchOf, partnershipDataAccess, type ReaderChoices } from "./access-service.ts";
import { optionalReleaseTime, releaseTimeFields, releaseTimeValues } from "./release-time-fields.ts";
import { readersOf } from "./readers-repository.ts";
import { findIndicator, type IndicatorRow } from "./repository.ts";
import { accessTierLabels, accessTiers, tierOf } from "./visibility.ts";

const slug = z.string().regex(/^[a-z0-9-]{1,80}$/);
const batchId = z.string().regex(/^[1-9]\d{0,9}$/);
export const accessPaths = {
  list: path("/partnerships/:id/data/access"),
  indicator: path("/partnerships/:id/data/access/indicators/:slug", { slug }),
  batch: path("/partnerships/:id/data/access/batches/:batchId", { batchId }),
  national: path("/data/indicators/:slug/access", { slug }),
};

const tierForm = z.object({
  tier: z.enum(accessTiers, "Choose who may read this indicator"),
  userIds: checkboxList(),
  organisationIds: checkboxList(),
  agreementId: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || null)
    .pipe(z.uuid("Choose an agreement from the list, or None").nullable()),
});

const embargoForm = optionalReleaseTime();

type Item = { value: string; text: string };
function tierFields(people: Item[], organisations: Item[], agreements: Item[]) {
  return [
    {
      id: "tier",
      label: "Who may read this indicator",
      type: "radios" as const,
      items: accessTiers.map((tier) => ({ value: tier, text: accessTierLabels[tier] })),
      hint: "Every published output applies disclosure control whatever the tier. Restricted data never goes in a published report.",
    },
    { id: "userIds", label: "People who may read it (restricted only)", type: "checkboxes" as const, items: people },
    {
      id: "organisationIds",
      label: "Organisations whose people may read it (restricted only)",
      type: "checkboxes" as const,
      items: organisations,
      hint: "For example the parties to the data-sharing agreement.",
    },
    {
      id: "agreementId",
      label: "Data-sharing agreement (restricted only)",
      type: "select" as const,
      items: [{ value: "", text: "None" }, ...agreements],
      hint: "The agreement from the register that the readers are named under: the people of every organisation party to it may read the indicator.",
    },
  ];
}

async function currentChoice(db: AppContext["db"], indicator: IndicatorRow) {
  const readers = await readersOf(db, [indicator.id]);
  return {
    tier: tierOf(indicator),
    userIds: readers.flatMap((r) => (r.userId ? [r.userId] : [])),
    organisationIds: readers.flatMap((r) => (r.organisationId ? [r.organisationId] : [])),
    agreementId: readers.find((r) => r.agreementId)?.agreementId ?? "",
  };
}

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
        batches: batches.map((batch) => ({
          id: batch.id,
          fileName: batch.fileName,
          loaded: formatDateTime(batch.completedAt),
          embargo: batch.embargoUntil ? formatDateTime(batch.embargoUntil) : null,
          released: !batch.embargoUntil || batch.embargoUntil.getTime() <= Date.now(),
          href: accessPaths.batch(partnership.id, String(batch.id)),
        })),
      });
    },
  );

  async function partnershipChoices(partnershipId: string) {
    // Any organisation may be named: the parties to an agreement need not be members of the partnership.
    const [people, members, all, agreements] = await Promise.all([
      listPeopleInPartnership(db, partnershipId),
      listMembers(db, partnershipId),
      listOrganisations(db),
      agreementChoices(db, partnershipId),
    ]);
    const memberIds = new Set(members.map((m) => m.organisationId));
    return {
      people: people.map((p) => ({ value: p.userId, text: `${p.name} (${p.organisationName})` })),
      organisations: all.map((o) => ({
        value: o.id,
        text: o.name,
        ...(memberIds.has(o.id) ? { hint: "Member of the partnership" } : {}),
      })),
      agreements,
    };
  }
  const allowedOf = (choices: { people: { value: string }[]; organisations: { value: string }[] }): ReaderChoices => ({
    userIds: new Set(choices.people.map((p) => p.value)),
    organisationIds: new Set(choices.organisations.map((o) => o.value)),
  });

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
      const choices = await partnershipChoices(ctx.partnership.id);
      const agreements = choices.agreements.map((a) => ({ value: a.id, text: a.title }));
      return tierFields(choices.people, choices.organisations, agreements);
    },
    schema: tierForm,
    initial: (ctx) => currentChoice(db, ctx.record),
    save: async (ctx, data) => {
      const choices = await partnershipChoices(ctx.partnership.id);
      // The parties to the chosen agreement read it too; an agreement not of this partnership is refused.
      const agreement = data.agreementId ? choices.agreements.find((a) => a.id === data.agreementId) : null;
      if (data.agreementId && !agreement)
        throw AppError.validation([{ field: "agreementId", message: "Choose an agreement from the list, or None" }]);
      const organisationIds = [...new Set([...data.organisationIds, ...(agreement?.partyOrganisationIds ?? [])])];
      await changeTier(db, ctx.audit, ctx.record, { ...data, organisationIds }, allowedOf(choices));
      return accessPaths.list(ctx.partnership.id);
    },
    flash: (ctx) => `Access to ${ctx.record.title} has been saved`,
    back: (ctx) => accessPaths.list(ctx.partnership.id),
  });

  formRoute(app, {
    path: accessPaths.batch,
    needs: { partnership: "partnership:manage" },
    load: (ctx) => findBatchOf(db, Number(ctx.params.batchId), ctx.partnership.id),
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
      return `/data/indicators/${ctx.record.slug}`;
    },
    flash: (ctx) => `Access to ${ctx.record.title} has been saved`,
    back: (ctx) => `/data/indicators/${ctx.record.slug}`,
  });
}
