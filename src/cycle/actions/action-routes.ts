import type { FastifyInstance } from "fastify";
import { can, type Nation } from "../../kernel/auth/policy.ts";
import { type LoadedPartnership, needs } from "../../kernel/http/pipeline.ts";
import { actionPaths } from "./paths.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { formatPounds } from "../../kernel/money.ts";
import { formRoute } from "../../kernel/forms/index.ts";
import { evidenceKindLabels, type EvidenceKind, listEvidenceFor, listPriorities } from "../strategy/index.ts";
import { actionFor, canUpdateAction, updatableAction } from "./access.ts";
import { actionFields } from "./action-forms.ts";
import { registerActionRemovals } from "./removal-routes.ts";
import { type ActionRouteDeps, loadActionList, loadPlan } from "./action-queries.ts";
import * as service from "./action-service.ts";
import { measureLinks } from "./measure-service.ts";
import { measureView } from "./measure-view.ts";
import * as repo from "./repository.ts";
import { actionForm, listFilters } from "./schemas.ts";
import {
  budgetArrangementLabels,
  type BudgetArrangement,
  driverFrameworkFor,
  ragLabels,
  type RagStatus,
  ragStatuses,
} from "./vocabulary.ts";

export function registerActionRoutes(app: FastifyInstance, { db }: AppContext, deps: ActionRouteDeps): void {
  app.get(
    actionPaths.list.pattern,
    needs(actionPaths.list, { partnership: "partnership:read" }),
    async (request, reply) => {
      const { id } = request.params;
      const partnership = request.partnership;
      const filters = listFilters.parse(request.query ?? {});
      const actor = request.actor!;
      const list = await loadActionList(db, actor, partnership, filters, deps.latestUpdates);
      const target = { partnershipId: id, nation: partnership.nation as Nation };
      return reply.view("actions/views/list.njk", {
        title: `Action plan – ${partnership.name}`,
        partnership,
        ...list,
        filters,
        drivers: driverFrameworkFor(partnership.nation),
        ragOptions: [
          ...ragStatuses.map((value) => ({ value, text: ragLabels[value] })),
          { value: "no-update", text: "No update yet" },
        ],
        isEditor: can(actor, "partnership:edit", target),
        isLead: can(actor, "partnership:manage", target),
        subnav: {
          partnershipId: id,
          partnershipName: partnership.name,
          nation: partnership.nation,
          current: "actions",
        },
      });
    },
  );

  const saved = "Your changes have been saved";
  const fields = async (ctx: { partnership: LoadedPartnership }) => {
    const [priorities, members] = await Promise.all([
      listPriorities(db, ctx.partnership.id),
      repo.memberOrganisations(db, ctx.partnership.id),
    ]);
    return actionFields(ctx.partnership, priorities, members);
  };

  formRoute(app, {
    path: actionPaths.newAction,
    needs: { partnership: "partnership:edit" },
    title: "Add an action",
    fields,
    initial: (ctx) => ({ leadOrganisationId: ctx.request.actor!.organisationId }),
    schema: actionForm,
    save: async (ctx, data) => {
      const row = await service.createAction(db, ctx.audit, ctx.request.actor!, ctx.partnership, data);
      return actionPaths.action(ctx.partnership.id, row.id);
    },
    back: (ctx) => actionPaths.list(ctx.partnership.id),
    flash: saved,
  });

  // The action's own rule decides who may change it: "action:update", its lead organisation's editors.
  const updatable = updatableAction(db);
  formRoute(app, {
    path: actionPaths.edit,
    needs: { record: updatable },
    load: async (ctx) => updatable.of(ctx.request),
    title: (ctx) => `Change “${ctx.record.title}”`,
    fields,
    initial: async (ctx) => {
      const plan = await loadPlan(db, ctx.partnership.id);
      const item = plan.items.find((row) => row.id === ctx.record.id)!;
      return {
        ...ctx.record,
        priorityIds: item.priorities.map((row) => row.id),
        partnerIds: item.partnerIds,
        flags: [
          ...(ctx.record.incomeMaximisation ? ["income-maximisation"] : []),
          ...(ctx.record.protectedCharacteristics ? ["protected-characteristics"] : []),
        ],
      };
    },
    schema: actionForm,
    save: async (ctx, data) => {
      await service.editAction(db, ctx.audit, ctx.request.actor!, ctx.partnership, ctx.record, data);
      return actionPaths.action(ctx.partnership.id, ctx.record.id);
    },
    back: (ctx) => actionPaths.action(ctx.partnership.id, ctx.record.id),
    flash: saved,
  });

  // The action's own rule (actionFor) decides the rest: read here, "update" for its lead organisation.
  app.get(
    actionPaths.action.pattern,
    needs(actionPaths.action, { partnership: "partnership:read" }),
    async (request, reply) => {
      const { id, actionId } = request.params;
      const { partnership, action } = await actionFor(db, request.actor, request.partnership, actionId);
      const [plan, indicators, milestones, evidence, history, mentions] = await Promise.all([
        loadPlan(db, id),
        repo.listIndicators(db, id, actionId),
        repo.listMilestones(db, id, actionId),
        listEvidenceFor(db, id, "action", actionId),
        deps.updateHistory(db, id, actionId),
        Promise.all((deps.mentions ?? []).map((source) => source(db, request.actor, id, actionId))).then((lists) =>
          lists.flat(),
        ),
      ]);
      const item = plan.items.find((row) => row.id === actionId)!;
      return reply.view("actions/views/detail.njk", {
        title: action.title,
        partnership,
        action: item,
        budgets: item.budgets.map((row) => ({
          ...row,
          amount: formatPounds(row.amountPence),
          arrangementLabel: budgetArrangementLabels[row.arrangement as BudgetArrangement] ?? row.arrangement,
        })),
        budgetTotal: formatPounds(item.budgetPence),
        measures: (await measureLinks(db, request.actor, partnership, indicators)).map(measureView),
        milestones,
        evidence: evidence.map((row) => ({
          ...row,
          kindLabel: evidenceKindLabels[row.kind as EvidenceKind] ?? row.kind,
        })),
        mentions,
        history: history.map((row) => ({
          ...row,
          statusLabel: ragLabels[row.status],
          spend: formatPounds(row.spendToDatePence),
          latest: row === history.find((entry) => !entry.withdrawnAt),
          versions: (row.versions ?? []).map((version) => ({
            ...version,
            statusLabel: ragLabels[version.previous.status as RagStatus] ?? version.previous.status,
            spend: formatPounds(version.previous.spendToDatePence),
          })),
        })),
        frameworkName: driverFrameworkFor(partnership.nation).plural,
        canUpdate: canUpdateAction(request.actor, partnership, action.leadOrganisationId),
        subnav: {
          partnershipId: id,
          partnershipName: partnership.name,
          nation: partnership.nation,
          current: "actions",
        },
      });
    },
  );

  registerActionRemovals(app, db, deps);
}
