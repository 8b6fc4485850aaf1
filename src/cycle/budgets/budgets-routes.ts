import type { FastifyInstance, FastifyRequest } from "fastify";
import { can, type Nation } from "../../kernel/auth/policy.ts";
import { needs } from "../../kernel/http/pipeline.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { sendCsv } from "../../kernel/http/csv.ts";
import { actionChoices } from "../actions/index.ts";
import { listMemberOrganisations } from "../governance/index.ts";
import type { PartnershipRow } from "../../workspace/partnerships/index.ts";
import { addContribution, removeContribution, totals } from "./budgets-service.ts";
import { formatPounds, penceToDecimal } from "../../kernel/money.ts";
import { financialYearOf, londonToday } from "../../kernel/time.ts";
import { contributionActions, listContributions } from "./repository.ts";
import { contributionForm, kindLabels } from "./schemas.ts";
import { budgetPaths } from "./paths.ts";
import { deleteRoute, formRoute } from "../../kernel/forms/index.ts";

export function registerBudgetRoutes(app: FastifyInstance, { db }: AppContext): void {
  // The page lists the contributions and carries the form that adds one (for editors).
  formRoute(app, {
    path: budgetPaths.list,
    needs: { partnership: "partnership:read" },
    postNeeds: { partnership: "partnership:edit" },
    template: "budgets/views/budgets.njk",
    view: (ctx) => budgetsPage(ctx.request, ctx.partnership),
    initial: () => ({ financialYear: financialYearOf(londonToday()) }),
    schema: contributionForm,
    save: async (ctx, data) => {
      await addContribution(db, ctx.audit, ctx.partnership.id, data);
      return budgetPaths.list(ctx.partnership.id);
    },
    flash: "The contribution has been added",
  });

  async function budgetsPage(request: FastifyRequest, partnership: PartnershipRow) {
    const [rows, members, choices, links] = await Promise.all([
      listContributions(db, partnership.id),
      listMemberOrganisations(db, [partnership.id]),
      actionChoices(db, partnership.id),
      contributionActions(db, partnership.id),
    ]);
    const byId = new Map(choices.map((choice) => [choice.id, choice]));
    return {
      title: `Pooled and aligned budgets – ${partnership.name}`,
      partnership,
      planHref: budgetPaths.plan(partnership.id),
      rows: rows.map((row) => ({
        ...row,
        amount: formatPounds(row.amountPence),
        kindLabel: kindLabels[row.kind as keyof typeof kindLabels] ?? row.kind,
        actions: (links.get(row.id) ?? []).flatMap((actionId) => byId.get(actionId) ?? []),
      })),
      actionItems: choices.map((choice) => ({ value: choice.id, text: choice.label })),
      totals: totals(rows),
      memberItems: [
        { value: "", text: "Select a partner" },
        ...members.map((member) => ({ value: member.organisationId, text: member.name })),
      ],
      canEdit: can(request.actor, "partnership:edit", {
        partnershipId: partnership.id,
        nation: partnership.nation as Nation,
      }),
    };
  }

  deleteRoute(app, {
    path: budgetPaths.remove,
    needs: { partnership: "partnership:edit" },
    load: async (ctx) => (await listContributions(db, ctx.partnership.id)).find((row) => row.id === ctx.params.childId),
    question: (ctx) =>
      `Are you sure you want to remove the ${(kindLabels[ctx.record.kind as keyof typeof kindLabels] ?? ctx.record.kind).toLowerCase()} contribution of ${formatPounds(ctx.record.amountPence)} from ${ctx.record.organisationName} for ${ctx.record.financialYear}?`,
    consequences: async (ctx) => {
      const funded = (await contributionActions(db, ctx.partnership.id)).get(ctx.record.id) ?? [];
      return funded.length
        ? [`its link to the ${funded.length === 1 ? "action" : `${funded.length} actions`} it funds`]
        : [];
    },
    remove: (ctx) => removeContribution(db, ctx.audit, ctx.partnership.id, ctx.record.id),
    done: (ctx) => budgetPaths.list(ctx.partnership.id),
    flash: "The contribution has been removed",
  });

  app.get(
    budgetPaths.csv.pattern,
    needs(budgetPaths.csv, { partnership: "partnership:read" }),
    async (request, reply) => {
      const { id } = request.params;
      const partnership = request.partnership;
      const [rows, choices, links] = await Promise.all([
        listContributions(db, id),
        actionChoices(db, id),
        contributionActions(db, id),
      ]);
      const labels = new Map(choices.map((choice) => [choice.id, choice.label]));
      const funded = (contributionId: string) =>
        (links.get(contributionId) ?? []).flatMap((actionId) => labels.get(actionId) ?? []).join("; ");
      return sendCsv(
        reply,
        `budgets-${partnership.areaCode}.csv`,
        [
          "Partnership",
          "Financial year",
          "Partner",
          "Pooled or aligned",
          "Amount (GBP)",
          "What it funds",
          "Actions funded",
        ],
        rows.map((row) => [
          partnership.name,
          row.financialYear,
          row.organisationName,
          row.kind,
          penceToDecimal(row.amountPence),
          row.funds,
          funded(row.id),
        ]),
      );
    },
  );
}
