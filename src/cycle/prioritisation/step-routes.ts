import type { FastifyInstance } from "fastify";
import { formRoute } from "../../kernel/forms/index.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { found, needs } from "../../kernel/http/pipeline.ts";
import { formatPounds } from "../../kernel/money.ts";
import { londonToday } from "../../kernel/time.ts";
import { memberOrganisations } from "../actions/index.ts";
import { listMeetings } from "../meetings/index.ts";
import { recordDecision } from "./decision-service.ts";
import { isSetUp, resultsVisible } from "./lifecycle.ts";
import { prioritisationPaths as paths } from "./paths.ts";
import * as repo from "./repository.ts";
import { roundResults } from "./results.ts";
import { resultsView } from "./results-view.ts";
import { anyFields, loadRound, manage, read } from "./round-routes.ts";
import { saveWeights } from "./round-service.ts";
import { arrangementItems, decisionForm } from "./schemas.ts";
import { openingProblems, openScoring, closeScoring } from "./status-service.ts";
import { pointsField, rankField } from "./weights.ts";

async function resultsFor(db: AppContext["db"], partnershipId: string, round: repo.RoundRow) {
  const [options, criteria, scores, members] = await Promise.all([
    repo.listOptions(db, partnershipId, round.id),
    repo.listCriteria(db, partnershipId, round.id),
    repo.listScores(db, partnershipId, round.id),
    memberOrganisations(db, partnershipId),
  ]);
  return resultsView(roundResults(round, options, criteria, scores), {
    roundId: round.id,
    budgetPence: round.budgetPence,
    closedAt: round.closedAt,
    organisationNames: new Map(members.map((member) => [member.id, member.name])),
    scores,
  });
}

export function registerStepRoutes(app: FastifyInstance, { db }: AppContext): void {
  const round = loadRound(db);
  const roundHref = (ctx: { partnership: { id: string }; params: { roundId: string } }) =>
    paths.round(ctx.partnership.id, ctx.params.roundId);
  const inSetUp = async (ctx: Parameters<typeof round>[0]) => {
    const row = await round(ctx);
    return row && isSetUp(row.status) ? row : undefined;
  };

  formRoute(app, {
    path: paths.weights,
    needs: manage,
    load: inSetUp,
    schema: anyFields,
    template: "prioritisation/views/weights.njk",
    view: async (ctx) => ({
      title: `Agree the weights – ${ctx.record.title}`,
      caption: ctx.record.title,
      backHref: roundHref(ctx),
      criteria: (await repo.listCriteria(db, ctx.partnership.id, ctx.record.id)).map((criterion) => ({
        ...criterion,
        pointsField: pointsField(criterion.id),
        rankField: rankField(criterion.id),
      })),
    }),
    initial: async (ctx) => {
      const criteria = await repo.listCriteria(db, ctx.partnership.id, ctx.record.id);
      return Object.fromEntries([
        ["method", ctx.record.weightMethod],
        ...criteria.map((c) => [pointsField(c.id), String(c.weightPoints)]),
        ...criteria.map((c) => [rankField(c.id), c.swingRank === null ? "" : String(c.swingRank)]),
      ]);
    },
    save: async (ctx, data) => {
      await saveWeights(db, ctx.audit, ctx.partnership.id, ctx.record.id, data);
      return roundHref(ctx);
    },
    flash: "The weights have been saved",
  });

  formRoute(app, {
    path: paths.open,
    needs: manage,
    load: inSetUp,
    schema: anyFields,
    template: "prioritisation/views/step.njk",
    view: async (ctx) => ({
      title: `Open scoring – ${ctx.record.title}`,
      caption: ctx.record.title,
      backHref: roundHref(ctx),
      problems: await openingProblems(db, ctx.partnership.id, ctx.record),
      explanation: [
        "Each member organisation's representatives (its editors and leads here) will score every option on every criterion.",
        "Scores are blind: nobody, you included, sees another organisation's scores until you close scoring.",
        "Options, criteria and weights cannot change once scoring opens. An option taken out after that is kept in the record as withdrawn.",
      ],
      confirmText: "Open scoring",
    }),
    save: async (ctx) => {
      await openScoring(db, ctx.audit, ctx.partnership.id, ctx.record.id);
      return roundHref(ctx);
    },
    flash: "Scoring is open",
  });

  formRoute(app, {
    path: paths.close,
    needs: manage,
    load: async (ctx) => {
      const row = await round(ctx);
      return row?.status === "open" ? row : undefined;
    },
    schema: anyFields,
    template: "prioritisation/views/step.njk",
    view: async (ctx) => {
      const [progress, members] = await Promise.all([
        repo.scoringProgress(db, ctx.partnership.id, ctx.record.id),
        memberOrganisations(db, ctx.partnership.id),
      ]);
      return {
        title: `Close scoring – ${ctx.record.title}`,
        caption: ctx.record.title,
        backHref: roundHref(ctx),
        problems: progress.length ? [] : ["No organisation has scored yet"],
        explanation: [
          `${progress.length} of ${members.length} member organisations have scored.`,
          "Once scoring closes, everyone in the partnership sees every organisation's scores and comments, the ranking and how sensitive it is to the weights. Scores cannot change after that.",
        ],
        confirmText: "Close scoring and show the results",
      };
    },
    save: async (ctx) => {
      await closeScoring(db, ctx.audit, ctx.partnership.id, ctx.record.id);
      return paths.results(ctx.partnership.id, ctx.record.id);
    },
    flash: "Scoring is closed: these are the results",
  });

  app.get(paths.results.pattern, needs(paths.results, read), async (request, reply) => {
    const { partnership } = request;
    const row = found(await repo.findRound(db, partnership.id, request.params.roundId));
    // Blind until close: no figure is computed, let alone shown, while scoring is open.
    const results = resultsVisible(row.status) ? await resultsFor(db, partnership.id, row) : null;
    return reply.view("prioritisation/views/results.njk", {
      title: `Results – ${row.title}`,
      caption: row.title,
      backHref: paths.round(partnership.id, row.id),
      results,
      decideHref: row.status === "closed" ? paths.decide(partnership.id, row.id) : null,
    });
  });

  formRoute(app, {
    path: paths.decide,
    needs: manage,
    load: async (ctx) => {
      const row = await round(ctx);
      return row?.status === "closed" ? row : undefined;
    },
    schema: decisionForm,
    template: "prioritisation/views/decision.njk",
    view: async (ctx) => {
      const results = await resultsFor(db, ctx.partnership.id, ctx.record);
      const meetings = await listMeetings(db, { partnershipId: ctx.partnership.id });
      return {
        title: `Record the decision – ${ctx.record.title}`,
        caption: ctx.record.title,
        backHref: paths.results(ctx.partnership.id, ctx.record.id),
        budget: formatPounds(ctx.record.budgetPence),
        financialYear: ctx.record.financialYear,
        options: results.ranked.map((entry) => ({
          value: entry.id,
          text: `${entry.place}. ${entry.title}`,
          hint: { text: `${entry.cost}; score ${entry.score} out of 100; ${entry.kind.toLowerCase()}` },
        })),
        meetings: [
          { value: "", text: "Not decided at a recorded meeting" },
          ...[...meetings]
            .reverse()
            .map((meeting) => ({ value: meeting.id, text: `${meeting.title} (${meeting.meetingDate})` })),
        ],
        arrangements: arrangementItems,
        best: results.best,
      };
    },
    initial: async (ctx) => ({
      decidedOn: londonToday(),
      optionIds: (await resultsFor(db, ctx.partnership.id, ctx.record)).best.ids,
      arrangement: "pooled",
    }),
    save: async (ctx, data) => {
      await recordDecision(db, ctx.audit, ctx.request.actor!, ctx.request.partnership, ctx.record.id, data);
      return roundHref(ctx);
    },
    flash: "The decision has been recorded and the chosen options are in the action plan with their budget lines",
  });
}
