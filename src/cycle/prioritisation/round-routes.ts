import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { deleteRoute, formRoute } from "../../kernel/forms/index.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { found, may, needs } from "../../kernel/http/pipeline.ts";
import { formatPounds } from "../../kernel/money.ts";
import { actionChoices, memberOrganisations } from "../actions/index.ts";
import { evidenceLevelSource } from "./extension-points.ts";
import { prioritisationPaths as paths } from "./paths.ts";
import * as repo from "./repository.ts";
import { addActionOption, addBid, createRound, saveCriterion, withdrawOption } from "./round-service.ts";
import { roundPage, roundSummary } from "./round-view.ts";
import { actionOptionForm, bidForm, criterionFields, criterionForm, roundFields, roundForm } from "./schemas.ts";

export const read = { partnership: "partnership:read" } as const;
export const manage = { partnership: "partnership:manage" } as const;

/** The round at :roundId of the partnership at :id (another partnership's is a 404). */
export const loadRound =
  (db: AppContext["db"]) => (ctx: { partnership: { id: string }; params: { roundId: string } }) =>
    repo.findRound(db, ctx.partnership.id, ctx.params.roundId);

export function registerRoundRoutes(app: FastifyInstance, context: AppContext): void {
  const { db } = context;
  const evidenceLevels = context.extensions.optional(evidenceLevelSource) ?? [];
  const round = loadRound(db);
  const roundHref = (ctx: { partnership: { id: string }; params: { roundId: string } }) =>
    paths.round(ctx.partnership.id, ctx.params.roundId);

  app.get(paths.list.pattern, needs(paths.list, read), async (request, reply) => {
    const { partnership } = request;
    const rounds = await repo.listRounds(db, partnership.id);
    return reply.view("prioritisation/views/list.njk", {
      title: `Prioritising funding – ${partnership.name}`,
      rounds: rounds.map((row) => roundSummary(partnership.id, row)),
      addHref: may(request, "partnership:manage") ? paths.add(partnership.id) : null,
    });
  });

  formRoute(app, {
    path: paths.add,
    needs: manage,
    title: "Start a prioritisation round",
    intro:
      "Partners score each option against agreed criteria. The round starts with five criteria (reach into priority families, effect on a driver, strength of evidence, cost and deliverability) that you can change before scoring opens.",
    fields: roundFields,
    schema: roundForm,
    initial: () => ({ topK: "3" }),
    save: async (ctx, data) => {
      const row = await createRound(db, ctx.audit, ctx.partnership, data, evidenceLevels);
      return paths.round(ctx.partnership.id, row.id);
    },
    flash: "The round has been started",
    back: (ctx) => paths.list(ctx.partnership.id),
  });

  app.get(paths.round.pattern, needs(paths.round, read), async (request, reply) => {
    const row = found(await repo.findRound(db, request.partnership.id, request.params.roundId));
    const view = await roundPage(db, request, row);
    return reply.view("prioritisation/views/round.njk", { title: `${row.title} – prioritising funding`, ...view });
  });

  const leadItems = async (partnershipId: string) =>
    (await memberOrganisations(db, partnershipId)).map((member) => ({ value: member.id, text: member.name }));
  formRoute(app, {
    path: paths.addBid,
    needs: manage,
    load: round,
    title: "Add a new bid",
    caption: (ctx) => ctx.record.title,
    fields: async (ctx) => [
      { id: "title", label: "Title", type: "text" },
      { id: "description", label: "Description", type: "textarea", hint: "What it would do, for whom" },
      { id: "cost", label: "Cost", type: "money", hint: `In pounds, for ${ctx.record.financialYear}` },
      {
        id: "leadOrganisationId",
        label: "Lead organisation",
        type: "select",
        items: await leadItems(ctx.partnership.id),
      },
    ],
    schema: bidForm,
    save: async (ctx, data) => {
      await addBid(db, ctx.audit, ctx.partnership.id, ctx.record.id, data);
      return roundHref(ctx);
    },
    flash: "The bid has been added",
    back: roundHref,
  });

  formRoute(app, {
    path: paths.addAction,
    needs: manage,
    load: round,
    title: "Add an existing action",
    caption: (ctx) => ctx.record.title,
    fields: async (ctx) => [
      {
        id: "actionId",
        label: "Action",
        type: "select",
        items: (await actionChoices(db, ctx.partnership.id)).map((action) => ({
          value: action.id,
          text: action.label,
        })),
      },
      { id: "cost", label: "Cost of funding it", type: "money", hint: `In pounds, for ${ctx.record.financialYear}` },
    ],
    schema: actionOptionForm,
    save: async (ctx, data) => {
      await addActionOption(db, ctx.audit, ctx.partnership.id, ctx.record.id, data, ctx.request.actor!);
      return roundHref(ctx);
    },
    flash: "The action has been added as an option",
    back: roundHref,
  });

  deleteRoute(app, {
    path: paths.withdraw,
    needs: manage,
    load: async (ctx) => {
      const row = await repo.findRound(db, ctx.partnership.id, ctx.params.roundId);
      const option = row && (await repo.findOption(db, ctx.partnership.id, row.id, ctx.params.optionId));
      return option && !option.withdrawnAt && row.status !== "decided" ? { round: row, option } : undefined;
    },
    question: (ctx) =>
      ctx.record.round.status === "draft"
        ? `Are you sure you want to remove “${ctx.record.option.title}”?`
        : `Are you sure you want to withdraw “${ctx.record.option.title}”?`,
    consequencesIntro: "Scoring has opened, so the option stays in the record:",
    consequences: (ctx) =>
      ctx.record.round.status === "draft"
        ? []
        : [
            `it is shown as withdrawn, with its cost of ${formatPounds(ctx.record.option.costPence)}`,
            "its scores are kept but it is left out of the ranking and the selection",
          ],
    warning: "This cannot be undone.",
    confirmText: "Yes, take it out",
    remove: (ctx) => withdrawOption(db, ctx.audit, ctx.partnership.id, ctx.record.round.id, ctx.record.option.id),
    done: (ctx) => paths.round(ctx.partnership.id, ctx.params.roundId),
    flash: (ctx) =>
      ctx.record.round.status === "draft" ? "The option has been removed" : "The option has been withdrawn",
  });

  formRoute(app, {
    path: paths.addCriterion,
    needs: manage,
    load: round,
    title: "Add a criterion",
    caption: (ctx) => ctx.record.title,
    fields: criterionFields,
    schema: criterionForm,
    initial: () => ({ scaleMin: "0", scaleMax: "5", direction: "higher" }),
    save: async (ctx, data) => {
      await saveCriterion(db, ctx.audit, ctx.partnership.id, ctx.record.id, null, data);
      return roundHref(ctx);
    },
    flash: "The criterion has been added",
    back: roundHref,
  });

  formRoute(app, {
    path: paths.editCriterion,
    needs: manage,
    load: (ctx) => repo.findCriterion(db, ctx.partnership.id, ctx.params.roundId, ctx.params.criterionId),
    title: (ctx) => `Change ${ctx.record.name}`,
    fields: criterionFields,
    schema: criterionForm,
    initial: (ctx) => ({ ...ctx.record, scaleMin: String(ctx.record.scaleMin), scaleMax: String(ctx.record.scaleMax) }),
    save: async (ctx, data) => {
      await saveCriterion(db, ctx.audit, ctx.partnership.id, ctx.params.roundId, ctx.record.id, data);
      return roundHref(ctx);
    },
    flash: "The criterion has been saved",
    back: roundHref,
  });
}

/** Posts whose fields depend on the round (weights, score cards) are read by the service, which names each field. */
export const anyFields = z.record(z.string(), z.unknown());
