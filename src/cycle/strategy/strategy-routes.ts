import type { FastifyInstance } from "fastify";
import type { z } from "zod";
import type { AuditContext } from "../../kernel/audit/audit.ts";
import type { Db } from "../../kernel/db/database.ts";
import { type FieldDef, formRoute } from "../../kernel/forms/index.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import type { Path } from "../../kernel/http/paths.ts";
import { may, needs } from "../../kernel/http/pipeline.ts";
import { evidencePickerFields, evidencePickForm, resolveEvidencePick } from "./evidence-picker.ts";
import { evidenceChoiceSource, priorityActionCounts } from "./extension-points.ts";
import { strategyPaths as paths } from "./paths.ts";
import * as repo from "./repository.ts";
import { choiceForm, priorityForm, relatedForm, signOffForm, strategyForm } from "./schemas.ts";
import { choiceFields, priorityFields, relatedFields, signOffFields, strategyFields } from "./strategy-forms.ts";
import { registerStrategyRemovals } from "./strategy-removals.ts";
import * as service from "./strategy-service.ts";
import { strategyView } from "./strategy-view.ts";

const manage = { partnership: "partnership:manage" } as const;
const saved = "Your changes have been saved";

export function registerStrategyRoutes(app: FastifyInstance, { db, extensions }: AppContext): void {
  const actionCounts = extensions.one(priorityActionCounts);
  const evidenceChoices = extensions.optional(evidenceChoiceSource);
  const choicesFor = (partnershipId: string) => evidenceChoices?.(db, partnershipId) ?? Promise.resolve([]);
  const back = (ctx: { partnership: { id: string } }) => paths.strategy(ctx.partnership.id);

  app.get(
    paths.strategy.pattern,
    needs(paths.strategy, { partnership: "partnership:read" }),
    async (request, reply) => {
      const { partnership } = request;
      const [data, counts] = await Promise.all([
        service.loadStrategyPage(db, partnership.id),
        actionCounts(db, partnership.id),
      ]);
      return reply.view("strategy/views/strategy.njk", {
        title: `Joint strategy – ${partnership.name}`,
        ...strategyView(partnership.id, data, counts),
        canManage: may(request, "partnership:manage"),
      });
    },
  );

  formRoute(app, {
    path: paths.edit,
    needs: manage,
    title: "Strategy period, vision and arrangements",
    fields: strategyFields,
    schema: strategyForm,
    initial: async (ctx) => {
      const strategy = await repo.findStrategy(db, ctx.partnership.id);
      if (!strategy) return { status: "draft" };
      return { ...strategy, startYear: String(strategy.startYear), endYear: String(strategy.endYear) };
    },
    save: async (ctx, data) => {
      await service.saveStrategy(db, ctx.audit, ctx.partnership.id, data);
      return back(ctx);
    },
    flash: saved,
    back,
  });

  formRoute(app, {
    path: paths.addPriority,
    needs: manage,
    title: "Add a priority",
    fields: priorityFields,
    schema: priorityForm,
    save: async (ctx, data) => {
      await service.addPriority(db, ctx.audit, ctx.partnership.id, data);
      return back(ctx);
    },
    flash: saved,
    back,
  });

  formRoute(app, {
    path: paths.editPriority,
    needs: manage,
    load: (ctx) => repo.findPriority(db, ctx.partnership.id, ctx.params.priorityId),
    title: "Change a priority",
    fields: priorityFields,
    schema: priorityForm,
    initial: (ctx) => ({ ...ctx.record, position: String(ctx.record.position) }),
    save: async (ctx, data) => {
      await service.editPriority(db, ctx.audit, ctx.partnership.id, ctx.record.id, data);
      return back(ctx);
    },
    flash: saved,
    back,
  });

  formRoute(app, {
    path: paths.linkEvidence,
    needs: manage,
    load: (ctx) => repo.findPriority(db, ctx.partnership.id, ctx.params.priorityId),
    title: (ctx) => `Link evidence to “${ctx.record.title}”`,
    intro:
      "Link this priority to the needs assessment evidence it answers: an indicator, qualitative evidence from children and families, or a finding.",
    fields: async (ctx) => evidencePickerFields(await choicesFor(ctx.partnership.id)),
    schema: evidencePickForm,
    save: async (ctx, data) => {
      const link = resolveEvidencePick(data, await choicesFor(ctx.partnership.id));
      await service.addEvidence(db, ctx.audit, ctx.partnership.id, { type: "priority", id: ctx.record.id }, link);
      return back(ctx);
    },
    flash: saved,
    back,
  });

  /** A record the strategy lists (choice, related strategy, sign-off): one form adds it. */
  function childForm<S extends z.ZodType>(
    form: Path<`/partnerships/:id/strategy/${string}/new`>,
    title: string,
    fields: FieldDef[],
    schema: S,
    add: (db: Db, audit: AuditContext, partnershipId: string, input: z.output<S>) => Promise<unknown>,
  ) {
    formRoute(app, {
      path: form,
      needs: manage,
      title,
      fields,
      schema,
      save: async (ctx, data) => {
        await add(db, ctx.audit, ctx.partnership.id, data);
        return back(ctx);
      },
      flash: saved,
      back,
    });
  }
  childForm(paths.addChoice, "Add a strategic choice", choiceFields, choiceForm, service.addChoice);
  childForm(paths.addRelated, "Add a related strategy", relatedFields, relatedForm, service.addRelated);
  childForm(paths.addSignOff, "Record a sign-off", signOffFields, signOffForm, service.addSignOff);

  registerStrategyRemovals(app, db);
}
