import type { FastifyInstance } from "fastify";
import type { Db } from "../../kernel/db/database.ts";
import { deleteRoute } from "../../kernel/forms/index.ts";
import type { Path } from "../../kernel/http/paths.ts";
import { strategyPaths as paths } from "./paths.ts";
import * as repo from "./repository.ts";
import * as service from "./strategy-service.ts";

const manage = { partnership: "partnership:manage" } as const;
const removed = "Your changes have been saved";
const back = (ctx: { partnership: { id: string } }) => paths.strategy(ctx.partnership.id);

/** Removing a priority, an evidence link, a choice, a related strategy or a sign-off: each confirmed first. */
export function registerStrategyRemovals(app: FastifyInstance, db: Db): void {
  deleteRoute(app, {
    path: paths.removePriority,
    needs: manage,
    load: (ctx) => repo.findPriority(db, ctx.partnership.id, ctx.params.priorityId),
    question: (ctx) => `Are you sure you want to remove the priority “${ctx.record.title}”?`,
    consequences: async (ctx) => {
      const links = await repo.listEvidenceFor(db, ctx.partnership.id, "priority", ctx.record.id);
      return links.length ? [`its ${links.length} evidence link${links.length === 1 ? "" : "s"}`] : [];
    },
    remove: (ctx) => service.removePriority(db, ctx.audit, ctx.partnership.id, ctx.record.id),
    done: back,
    flash: removed,
  });

  deleteRoute(app, {
    path: paths.removeEvidence,
    needs: manage,
    load: (ctx) =>
      repo.findEvidenceLink(db, ctx.partnership.id, { type: "priority", id: ctx.params.priorityId }, ctx.params.linkId),
    question: (ctx) => `Are you sure you want to remove the evidence link “${ctx.record.label}”?`,
    remove: (ctx) =>
      service.removeEvidence(
        db,
        ctx.audit,
        ctx.partnership.id,
        { type: "priority", id: ctx.record.subjectId },
        ctx.record.id,
      ),
    done: back,
    flash: removed,
  });

  const child = (
    path: Path<`/partnerships/:id/strategy/${string}/:childId/delete`>,
    kind: repo.StrategyChild,
    noun: string,
  ) =>
    deleteRoute(app, {
      path,
      needs: manage,
      load: (ctx) => repo.findChild(db, kind, ctx.partnership.id, ctx.params.childId),
      question: (ctx) => `Are you sure you want to remove the ${noun} “${ctx.record.name}”?`,
      remove: (ctx) => service.removeChild(db, ctx.audit, ctx.partnership.id, kind, ctx.record.id),
      done: back,
      flash: removed,
    });
  child(paths.removeChoice, "choice", "strategic choice");
  child(paths.removeRelated, "related", "related strategy");
  child(paths.removeSignOff, "sign-off", "sign-off by");
}
