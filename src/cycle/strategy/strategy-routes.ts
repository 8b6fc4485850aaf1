import type { FastifyInstance } from "fastify";
import type { Executor } from "../../kernel/db/database.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { can } from "../../kernel/auth/policy.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { partnershipFor } from "../../workspace/partnerships/index.ts";
import { evidenceKindLabels, signOffRoleLabels, type EvidenceKind, type SignOffRole } from "./evidence.ts";
import { parseIds } from "./fields.ts";
import { registerFormRoute } from "./form-route.ts";
import * as repo from "./repository.ts";
import {
  evidencePickerFields,
  evidencePickForm,
  resolveEvidencePick,
  type EvidenceChoiceSource,
} from "./evidence-picker.ts";
import { choiceForm, priorityForm, relatedForm, signOffForm, strategyForm } from "./schemas.ts";
import { choiceFields, priorityFields, relatedFields, signOffFields, strategyFields } from "./strategy-forms.ts";
import * as service from "./strategy-service.ts";

export interface StrategyRouteDeps {
  /** Supplied by the composition root (the actions domain builds on this one). */
  actionCountsByPriority: (db: Executor, partnershipId: string) => Promise<Map<string, number>>;
  /** The needs assessment's findings, qualitative entries and indicators, offered in the evidence form. */
  evidenceChoices?: EvidenceChoiceSource;
}

export function registerStrategyRoutes(app: FastifyInstance, { db }: AppContext, deps: StrategyRouteDeps): void {
  const base = (id: string) => `/partnerships/${id}/strategy`;
  const choicesFor = (partnershipId: string) =>
    deps.evidenceChoices ? deps.evidenceChoices(db, partnershipId) : Promise.resolve([]);

  app.get("/partnerships/:id/strategy", async (request, reply) => {
    const { id } = parseIds(request.params, "id");
    const partnership = await partnershipFor(db, request.actor, id, "partnership:read");
    const [data, counts] = await Promise.all([service.loadStrategyPage(db, id), deps.actionCountsByPriority(db, id)]);
    const priorities = data.priorities.map((priority) => ({
      ...priority,
      actionCount: counts.get(priority.id) ?? 0,
      evidence: data.evidence
        .filter((link) => link.subjectId === priority.id)
        .map((link) => ({ ...link, kindLabel: evidenceKindLabels[link.kind as EvidenceKind] ?? link.kind })),
    }));
    const query = request.query as { saved?: string };
    return reply.view("strategy/views/strategy.njk", {
      title: `Joint strategy – ${partnership.name}`,
      partnership,
      ...data,
      priorities,
      signOffs: data.signOffs.map((row) => ({
        ...row,
        roleLabel: signOffRoleLabels[row.role as SignOffRole] ?? row.role,
      })),
      canManage: can(request.actor, "partnership:manage", { partnershipId: id, nation: partnership.nation as never }),
      flash: query.saved ? "Your changes have been saved" : undefined,
      subnav: { partnershipId: id, partnershipName: partnership.name, nation: partnership.nation, current: "strategy" },
    });
  });

  registerFormRoute(app, db, {
    path: "/strategy/edit",
    action: "partnership:manage",
    section: "strategy",
    title: "Strategy period, vision and arrangements",
    fields: strategyFields,
    schema: strategyForm,
    initial: async (ctx) => {
      const strategy = await repo.findStrategy(db, ctx.partnership.id);
      if (!strategy) return { status: "draft" };
      return { ...strategy, startYear: String(strategy.startYear), endYear: String(strategy.endYear) };
    },
    save: async (ctx, data) => {
      await service.saveStrategy(db, ctx.request.auditContext(), ctx.partnership.id, data);
      return `${base(ctx.partnership.id)}?saved=1`;
    },
    back: (ctx) => base(ctx.partnership.id),
  });

  registerFormRoute(app, db, {
    path: "/strategy/priorities/new",
    action: "partnership:manage",
    section: "strategy",
    title: "Add a priority",
    fields: priorityFields,
    schema: priorityForm,
    save: async (ctx, data) => {
      await service.addPriority(db, ctx.request.auditContext(), ctx.partnership.id, data);
      return `${base(ctx.partnership.id)}?saved=1`;
    },
    back: (ctx) => base(ctx.partnership.id),
  });

  registerFormRoute<typeof priorityForm, repo.PriorityRow>(app, db, {
    path: "/strategy/priorities/:priorityId/edit",
    action: "partnership:manage",
    section: "strategy",
    title: "Change a priority",
    fields: priorityFields,
    schema: priorityForm,
    load: async (ctx) => {
      const priority = await repo.findPriority(db, ctx.partnership.id, ctx.params.priorityId!);
      if (!priority) throw AppError.notFound();
      return priority;
    },
    initial: (ctx) => ({ ...ctx.record, position: String(ctx.record.position) }),
    save: async (ctx, data) => {
      await service.editPriority(db, ctx.request.auditContext(), ctx.partnership.id, ctx.record.id, data);
      return `${base(ctx.partnership.id)}?saved=1`;
    },
    back: (ctx) => base(ctx.partnership.id),
  });

  registerFormRoute<typeof evidencePickForm, repo.PriorityRow>(app, db, {
    path: "/strategy/priorities/:priorityId/evidence/new",
    action: "partnership:manage",
    section: "strategy",
    title: (ctx) => `Link evidence to “${ctx.record.title}”`,
    intro:
      "Link this priority to the needs assessment evidence it answers: an indicator, qualitative evidence from children and families, or a finding.",
    fields: async (ctx) => evidencePickerFields(await choicesFor(ctx.partnership.id)),
    schema: evidencePickForm,
    load: async (ctx) => {
      const priority = await repo.findPriority(db, ctx.partnership.id, ctx.params.priorityId!);
      if (!priority) throw AppError.notFound();
      return priority;
    },
    save: async (ctx, data) => {
      await service.addEvidence(
        db,
        ctx.request.auditContext(),
        ctx.partnership.id,
        { type: "priority", id: ctx.record.id },
        resolveEvidencePick(data, await choicesFor(ctx.partnership.id)),
      );
      return `${base(ctx.partnership.id)}?saved=1`;
    },
    back: (ctx) => base(ctx.partnership.id),
  });

  const children = [
    {
      path: "choices",
      kind: "choice",
      title: "Add a strategic choice",
      fields: choiceFields,
      schema: choiceForm,
      add: service.addChoice,
    },
    {
      path: "related",
      kind: "related",
      title: "Add a related strategy",
      fields: relatedFields,
      schema: relatedForm,
      add: service.addRelated,
    },
    {
      path: "sign-offs",
      kind: "sign-off",
      title: "Record a sign-off",
      fields: signOffFields,
      schema: signOffForm,
      add: service.addSignOff,
    },
  ] as const;
  for (const child of children) {
    registerFormRoute(app, db, {
      path: `/strategy/${child.path}/new`,
      action: "partnership:manage",
      section: "strategy",
      title: child.title,
      fields: [...child.fields],
      schema: child.schema,
      save: async (ctx, data) => {
        await (child.add as (...args: unknown[]) => Promise<unknown>)(
          db,
          ctx.request.auditContext(),
          ctx.partnership.id,
          data,
        );
        return `${base(ctx.partnership.id)}?saved=1`;
      },
      back: (ctx) => base(ctx.partnership.id),
    });
    app.post(`/partnerships/:id/strategy/${child.path}/:childId/delete`, async (request, reply) => {
      const { id, childId } = parseIds(request.params, "id", "childId");
      await partnershipFor(db, request.actor, id, "partnership:manage");
      await service.removeChild(db, request.auditContext(), id, child.kind, childId);
      return reply.redirect(`${base(id)}?saved=1`, 303);
    });
  }

  app.post("/partnerships/:id/strategy/priorities/:priorityId/delete", async (request, reply) => {
    const { id, priorityId } = parseIds(request.params, "id", "priorityId");
    await partnershipFor(db, request.actor, id, "partnership:manage");
    await service.removePriority(db, request.auditContext(), id, priorityId);
    return reply.redirect(`${base(id)}?saved=1`, 303);
  });

  app.post("/partnerships/:id/strategy/priorities/:priorityId/evidence/:linkId/delete", async (request, reply) => {
    const { id, priorityId, linkId } = parseIds(request.params, "id", "priorityId", "linkId");
    await partnershipFor(db, request.actor, id, "partnership:manage");
    await service.removeEvidence(db, request.auditContext(), id, { type: "priority", id: priorityId }, linkId);
    return reply.redirect(`${base(id)}?saved=1`, 303);
  });
}
