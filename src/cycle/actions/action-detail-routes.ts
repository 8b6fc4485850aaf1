import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../kernel/http/context.ts";
import { registerFormRoute } from "../../kernel/forms/index.ts";
import { needs } from "../../kernel/http/pipeline.ts";
import { actionPaths } from "./paths.ts";
import {
  addEvidence,
  type EvidenceChoiceSource,
  evidencePickerFields,
  evidencePickForm,
  resolveEvidencePick,
} from "../strategy/index.ts";
import { actionFor } from "./access.ts";
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
  const detail = (partnershipId: string, actionId: string) => `/partnerships/${partnershipId}/actions/${actionId}`;
  const forms = [
    { path: "budgets", title: "Add a budget line", fields: budgetFields, schema: budgetForm, add: service.addBudget },
    {
      path: "milestones",
      title: "Add a milestone",
      fields: milestoneFields,
      schema: milestoneForm,
      add: service.addMilestone,
    },
  ] as const;
  for (const form of forms) {
    registerFormRoute<(typeof form)["schema"], ActionRow>(app, db, {
      path: `/actions/:actionId/${form.path}/new`,
      action: "partnership:read",
      section: "actions",
      title: form.title,
      caption: undefined,
      load: async (ctx) => (await actionFor(db, ctx.actor, ctx.partnership.id, ctx.params.actionId!, "update")).action,
      fields: [...form.fields],
      schema: form.schema,
      save: async (ctx, data) => {
        await (form.add as (...args: unknown[]) => Promise<unknown>)(
          db,
          ctx.request.auditContext(),
          ctx.partnership.id,
          ctx.record.id,
          data,
        );
        return detail(ctx.partnership.id, ctx.record.id);
      },
      back: (ctx) => detail(ctx.partnership.id, ctx.record.id),
      flash: "Your changes have been saved",
    });
  }

  // Evidence: the needs assessment's findings, entries and indicators are offered when app.ts passes them in.
  const choicesFor = (partnershipId: string) =>
    deps.evidenceChoices ? deps.evidenceChoices(db, partnershipId) : Promise.resolve([]);
  registerFormRoute<typeof evidencePickForm, ActionRow>(app, db, {
    path: "/actions/:actionId/evidence/new",
    action: "partnership:read",
    section: "actions",
    title: "Link evidence",
    load: async (ctx) => (await actionFor(db, ctx.actor, ctx.partnership.id, ctx.params.actionId!, "update")).action,
    fields: async (ctx) => evidencePickerFields(await choicesFor(ctx.partnership.id)),
    schema: evidencePickForm,
    save: async (ctx, data) => {
      const input = resolveEvidencePick(data, await choicesFor(ctx.partnership.id));
      await addEvidence(
        db,
        ctx.request.auditContext(),
        ctx.partnership.id,
        { type: "action", id: ctx.record.id },
        input,
      );
      return detail(ctx.partnership.id, ctx.record.id);
    },
    back: (ctx) => detail(ctx.partnership.id, ctx.record.id),
    flash: "Your changes have been saved",
  });

  /** Ticks a milestone off today, or re-opens it. */
  const milestone = actionPaths.milestoneState;
  app.post(milestone.pattern, needs(milestone, { partnership: "partnership:read" }), async (request, reply) => {
    const { id, actionId, childId, state } = request.params;
    await actionFor(db, request.actor, id, actionId, "update");
    const today = londonToday();
    await service.markMilestone(db, request.auditContext(), id, actionId, childId, state === "done" ? today : null);
    return reply.flash("Your changes have been saved").redirect(detail(id, actionId), 303);
  });
}
