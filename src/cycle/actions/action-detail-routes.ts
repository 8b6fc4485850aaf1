import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../kernel/http/context.ts";
import type { z } from "zod";
import type { AuditContext } from "../../kernel/audit/audit.ts";
import type { Db } from "../../kernel/db/database.ts";
import { type FieldDef, type FormContext, formRoute } from "../../kernel/forms/index.ts";
import type { Path } from "../../kernel/http/paths.ts";
import { needs } from "../../kernel/http/pipeline.ts";
import { actionPaths } from "./paths.ts";
import {
  addEvidence,
  type EvidenceChoiceSource,
  evidencePickerFields,
  evidencePickForm,
  resolveEvidencePick,
} from "../strategy/index.ts";
import { updatableAction } from "./access.ts";
import { budgetFields, milestoneFields } from "./action-forms.ts";
import * as service from "./action-service.ts";
import type { ActionRow } from "./repository.ts";
import { budgetForm, milestoneForm } from "./schemas.ts";
import { londonToday } from "../../kernel/time.ts";

/** Budget lines, indicators, milestones and evidence of one action. */
export function registerActionDetailRoutes(
  app: FastifyInstance,
  { db }: AppContext,
  deps: { evidenceChoices?: EvidenceChoiceSource } = {},
): void {
  const detail = actionPaths.action;
  const saved = "Your changes have been saved";
  // The action's own rule decides who may add to it: "action:update", its lead organisation's editors.
  const updatable = updatableAction(db);
  const load = async (ctx: FormContext<string, undefined>) => updatable.of(ctx.request);
  const back = (ctx: FormContext<string, ActionRow>) => detail(ctx.partnership.id, ctx.record.id);

  /** A record listed on the action's page (a budget line, a milestone): one form adds it. */
  function childForm<S extends z.ZodType>(
    form: Path<
      "/partnerships/:id/actions/:actionId/budgets/new" | "/partnerships/:id/actions/:actionId/milestones/new"
    >,
    title: string,
    fields: readonly FieldDef[],
    schema: S,
    add: (db: Db, audit: AuditContext, partnershipId: string, actionId: string, input: z.output<S>) => Promise<unknown>,
  ) {
    formRoute(app, {
      path: form,
      needs: { record: updatable },
      title,
      load,
      fields: [...fields],
      schema,
      save: async (ctx, data) => {
        await add(db, ctx.audit, ctx.partnership.id, ctx.record.id, data);
        return back(ctx);
      },
      back,
      flash: saved,
    });
  }
  childForm(actionPaths.newBudget, "Add a budget line", budgetFields, budgetForm, service.addBudget);
  childForm(actionPaths.newMilestone, "Add a milestone", milestoneFields, milestoneForm, service.addMilestone);

  // Evidence: the needs assessment's findings, entries and indicators are offered when app.ts passes them in.
  const choicesFor = (partnershipId: string) =>
    deps.evidenceChoices ? deps.evidenceChoices(db, partnershipId) : Promise.resolve([]);
  formRoute(app, {
    path: actionPaths.newEvidence,
    needs: { record: updatable },
    title: "Link evidence",
    load,
    fields: async (ctx) => evidencePickerFields(await choicesFor(ctx.partnership.id)),
    schema: evidencePickForm,
    save: async (ctx, data) => {
      const input = resolveEvidencePick(data, await choicesFor(ctx.partnership.id));
      await addEvidence(db, ctx.audit, ctx.partnership.id, { type: "action", id: ctx.record.id }, input);
      return back(ctx);
    },
    back,
    flash: saved,
  });

  /** Ticks a milestone off today, or re-opens it. */
  const milestone = actionPaths.milestoneState;
  app.post(milestone.pattern, needs(milestone, { record: updatable }), async (request, reply) => {
    const { id, actionId, childId, state } = request.params;
    const today = londonToday();
    await service.markMilestone(db, request.auditContext(), id, actionId, childId, state === "done" ? today : null);
    return reply.flash("Your changes have been saved").redirect(detail(id, actionId), 303);
  });
}
