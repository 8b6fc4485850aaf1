import type { FastifyInstance } from "fastify";
import type { Db } from "../../kernel/db/database.ts";
import { deleteRoute } from "../../kernel/forms/index.ts";
import type { Path } from "../../kernel/http/paths.ts";
import { formatPounds } from "../../kernel/money.ts";
import { formatDate } from "../../kernel/time.ts";
import { listEvidenceFor, removeEvidence } from "../strategy/index.ts";
import { updatableAction } from "./access.ts";
import type { ActionRouteDeps } from "./action-queries.ts";
import * as service from "./action-service.ts";
import { actionPaths as paths } from "./paths.ts";
import * as repo from "./repository.ts";

const removed = "Your changes have been saved";
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Removing an action, or one of its budget lines, indicators, milestones or evidence links: each confirmed first. */
export function registerActionRemovals(app: FastifyInstance, db: Db, deps: ActionRouteDeps): void {
  // The action, if the actor may change it (403 when readable but not theirs, 404 when not found).
  const updatable = updatableAction(db);
  const needsUpdatable = { record: updatable };
  const actionPage = (ctx: { partnership: { id: string }; params: { actionId: string } }) =>
    paths.action(ctx.partnership.id, ctx.params.actionId);

  deleteRoute(app, {
    path: paths.remove,
    needs: needsUpdatable,
    load: async (ctx) => updatable.of(ctx.request),
    question: (ctx) => `Are you sure you want to remove the action “${ctx.record.title}”?`,
    consequences: async (ctx) => {
      const { id } = ctx.partnership;
      const [budgets, indicators, milestones, evidence, history] = await Promise.all([
        repo.listBudgets(db, id, [ctx.record.id]),
        repo.listIndicators(db, id, ctx.record.id),
        repo.listMilestones(db, id, ctx.record.id),
        listEvidenceFor(db, id, "action", ctx.record.id),
        deps.updateHistory(db, id, ctx.record.id),
      ]);
      return [
        [history.length, plural(history.length, "progress update")],
        [budgets.length, plural(budgets.length, "budget line")],
        [indicators.length, plural(indicators.length, "indicator")],
        [milestones.length, plural(milestones.length, "milestone")],
        [evidence.length, plural(evidence.length, "evidence link")],
      ]
        .filter(([count]) => Number(count) > 0)
        .map(([, text]) => `its ${text}`);
    },
    remove: (ctx) => service.removeAction(db, ctx.audit, ctx.partnership.id, ctx.record.id),
    done: (ctx) => paths.list(ctx.partnership.id),
    flash: removed,
  });

  const child = (
    path: Path<`/partnerships/:id/actions/:actionId/${string}/:childId/delete`>,
    kind: repo.ActionChild,
    name: (row: Record<string, unknown>) => string,
  ) =>
    deleteRoute(app, {
      path,
      needs: needsUpdatable,
      load: async (ctx) => {
        const action = updatable.of(ctx.request);
        const row = await repo.findActionChild(db, kind, ctx.partnership.id, action.id, ctx.params.childId);
        return row ? { action, row } : null;
      },
      question: (ctx) =>
        `Are you sure you want to remove the ${name(ctx.record.row)} from “${ctx.record.action.title}”?`,
      remove: (ctx) =>
        service.removeActionChild(
          db,
          ctx.audit,
          ctx.partnership.id,
          ctx.record.action.id,
          kind,
          String(ctx.record.row.id),
        ),
      done: actionPage,
      flash: removed,
    });
  child(
    paths.removeBudget,
    "budget",
    (row) => `budget line of ${formatPounds(Number(row.amountPence))} for ${row.financialYear} (${row.source})`,
  );
  child(paths.removeIndicator, "indicator", (row) => `indicator “${row.label}”`);
  child(
    paths.removeMilestone,
    "milestone",
    (row) => `milestone “${row.title}”${row.dueDate ? ` due ${formatDate(String(row.dueDate))}` : ""}`,
  );

  deleteRoute(app, {
    path: paths.removeEvidence,
    needs: needsUpdatable,
    load: async (ctx) => {
      const action = updatable.of(ctx.request);
      const links = await listEvidenceFor(db, ctx.partnership.id, "action", action.id);
      const link = links.find((row) => row.id === ctx.params.childId);
      return link ? { action, link } : null;
    },
    question: (ctx) =>
      `Are you sure you want to remove the evidence link “${ctx.record.link.label}” from “${ctx.record.action.title}”?`,
    remove: (ctx) =>
      removeEvidence(
        db,
        ctx.audit,
        ctx.partnership.id,
        { type: "action", id: ctx.record.action.id },
        ctx.record.link.id,
      ),
    done: actionPage,
    flash: removed,
  });
}
