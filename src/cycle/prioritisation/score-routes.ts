import type { FastifyInstance } from "fastify";
import { formRoute } from "../../kernel/forms/index.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { formatPounds } from "../../kernel/money.ts";
import { prioritisationPaths as paths } from "./paths.ts";
import * as repo from "./repository.ts";
import { anyFields } from "./round-routes.ts";
import { commentField, saveScoreCard, scoreCard, scoreField, scorerOrganisation } from "./scoring-service.ts";

/** Editors and leads of member organisations score; the organisation check is the service's (403 otherwise). */
const score = { partnership: "partnership:edit" } as const;

export function registerScoreRoutes(app: FastifyInstance, { db }: AppContext): void {
  formRoute(app, {
    path: paths.score,
    needs: score,
    load: async (ctx) => {
      const organisation = await scorerOrganisation(db, ctx.request.actor!, ctx.partnership.id);
      const round = await repo.findRound(db, ctx.partnership.id, ctx.params.roundId);
      return round?.status === "open" ? { round, organisation } : undefined;
    },
    schema: anyFields,
    template: "prioritisation/views/score.njk",
    view: async (ctx) => {
      const { round, organisation } = ctx.record;
      const card = await scoreCard(db, ctx.partnership.id, round.id, organisation.id);
      return {
        title: `Score the options – ${round.title}`,
        caption: round.title,
        organisation: organisation.name,
        backHref: paths.round(ctx.partnership.id, round.id),
        saved: card.own.length > 0,
        criteria: card.criteria,
        options: card.options.map((option) => ({
          title: option.title,
          description: option.description,
          cost: formatPounds(option.costPence),
          cells: card.criteria.map((criterion) => ({
            criterion,
            scoreField: scoreField(option.id, criterion.id),
            commentField: commentField(option.id, criterion.id),
          })),
        })),
      };
    },
    initial: async (ctx) => {
      const own = await repo.listOrganisationScores(
        db,
        ctx.partnership.id,
        ctx.record.round.id,
        ctx.record.organisation.id,
      );
      return Object.fromEntries(
        own.flatMap((cell) => [
          [scoreField(cell.optionId, cell.criterionId), String(cell.score)],
          [commentField(cell.optionId, cell.criterionId), cell.comment],
        ]),
      );
    },
    save: async (ctx, data) => {
      await saveScoreCard(db, ctx.audit, ctx.request.actor!, ctx.partnership.id, ctx.record.round.id, data);
      return paths.round(ctx.partnership.id, ctx.record.round.id);
    },
    flash: (ctx) =>
      `${ctx.record.organisation.name}'s scores have been saved. Nobody else sees them until scoring closes.`,
  });
}
