import type { FastifyInstance } from "fastify";
import { can, type Nation } from "../../kernel/auth/policy.ts";
import { AppError, type FieldError } from "../../kernel/errors/app-error.ts";
import { needs } from "../../kernel/http/pipeline.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { sendCsv } from "../../kernel/http/csv.ts";
import { parseForm } from "../../kernel/http/forms.ts";
import { actionChoices } from "../actions/index.ts";
import { listMemberOrganisations } from "../governance/index.ts";
import type { PartnershipRow } from "../../workspace/partnerships/index.ts";
import { addContribution, removeContribution, totals } from "./budgets-service.ts";
import { formatPounds, penceToDecimal } from "../../kernel/money.ts";
import { financialYearOf, londonToday } from "../../kernel/time.ts";
import { contributionActions, listContributions } from "./repository.ts";
import { contributionForm, kindLabels } from "./schemas.ts";
import { budgetPaths } from "./paths.ts";
import { deleteRoute } from "../../kernel/forms/index.ts";

export function registerBudgetRoutes(app: FastifyInstance, { db }: AppContext): void {
  async function render(
    request: import("fastify").FastifyRequest,
    partnership: PartnershipRow,
    extra: { errors?: FieldError[]; values?: Record<string, unknown>; flash?: string } = {},
  ) {
    const [rows, members, choices, links] = await Promise.all([
      listContributions(db, partnership.id),
      listMemberOrganisations(db, [partnership.id]),
      actionChoices(db, partnership.id),
      contributionActions(db, partnership.id),
    ]);
    const byId = new Map(choices.map((choice) => [choice.id, choice]));
    const values = extra.values ?? { financialYear: financialYearOf(londonToday()) };
    const selected = [values.actionIds ?? []].flat().map(String);
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
      actionItems: choices.map((choice) => ({
        value: choice.id,
        text: choice.label,
        checked: selected.includes(choice.id),
      })),
      totals: totals(rows),
      memberItems: [
        { value: "", text: "Select a partner" },
        ...members.map((member) => ({ value: member.organisationId, text: member.name })),
      ],
      canEdit: can(request.actor, "partnership:edit", {
        partnershipId: partnership.id,
        nation: partnership.nation as Nation,
      }),
      errors: extra.errors,
      values,
      flash: extra.flash,
    };
  }

  app.get(
    budgetPaths.list.pattern,
    needs(budgetPaths.list, { partnership: "partnership:read" }),
    async (request, reply) => {
      const partnership = request.partnership;
      const query = request.query as { removed?: string };
      const flash = query.removed ? "The contribution has been removed" : undefined;
      return reply.view("budgets/views/budgets.njk", await render(request, partnership, { flash }));
    },
  );

  app.post(
    budgetPaths.list.pattern,
    needs(budgetPaths.list, { partnership: "partnership:edit" }),
    async (request, reply) => {
      const { id } = request.params;
      const partnership = request.partnership;
      const form = parseForm(contributionForm, request.body);
      if (!form.ok) return reply.code(400).view("budgets/views/budgets.njk", await render(request, partnership, form));
      try {
        await addContribution(db, request.auditContext(), id, form.data);
      } catch (error) {
        if (!(error instanceof AppError && error.details.fieldErrors)) throw error;
        const { _csrf, ...values } = request.body as Record<string, unknown>;
        return reply
          .code(400)
          .view(
            "budgets/views/budgets.njk",
            await render(request, partnership, { errors: error.details.fieldErrors, values }),
          );
      }
      return reply.flash("The contribution has been added").redirect(budgetPaths.list(id), 303);
    },
  );

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
