import type { FastifyInstance, FastifyRequest } from "fastify";
import type { FieldError } from "../../kernel/errors/app-error.ts";
import { deleteRoute, formRoute } from "../../kernel/forms/index.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { may, needs } from "../../kernel/http/pipeline.ts";
import { type ActionRow, actionFor, canUpdateAction, updatableAction } from "../../cycle/actions/index.ts";
import { proposeCaseStudy } from "./case-study-service.ts";
import { citeEntry, uncite } from "./citation-service.ts";
import { proposalFields } from "./fields.ts";
import { hitView } from "./labels.ts";
import { practicePaths as paths } from "./paths.ts";
import { citationsOfAction, proposalsForAction } from "./repository.ts";
import { citeForm, proposalForm, searchQuery } from "./schemas.ts";
import { searchEntries } from "./search.ts";
import { entryStatusLabels, type EntryStatus } from "./vocabulary.ts";

const read = { partnership: "partnership:read" } as const;

/** An action's side of the library: the entries it cites, citing more, and proposing it as a case study. */
export function registerActionPracticeRoutes(app: FastifyInstance, { db }: AppContext): void {
  const readable = (request: FastifyRequest, actionId: string) =>
    actionFor(db, request.actor, request.partnership, actionId);

  const template = "practice/views/action-practice.njk";
  async function view(request: FastifyRequest, action: ActionRow, errors: FieldError[] = []) {
    const partnership = request.partnership;
    const query = searchQuery.parse(request.query ?? {});
    const canCite = canUpdateAction(request.actor, partnership, action.leadOrganisationId);
    const [cited, proposals, result] = await Promise.all([
      citationsOfAction(db, partnership.id, action.id),
      proposalsForAction(db, partnership.id, action.id),
      canCite && query.q.trim() ? searchEntries(db, query, true) : Promise.resolve(null),
    ]);
    const citedIds = new Set(cited.map((row) => row.entryId));
    return {
      title: `Effective practice – ${action.title}`,
      partnership,
      action,
      cited,
      query,
      searched: !!result,
      hits: (result?.hits ?? []).filter((hit) => !citedIds.has(hit.id)).map(hitView),
      noSearchableWords: result?.noSearchableWords ?? false,
      proposals: proposals.map((row) => ({
        ...row,
        statusLabel: entryStatusLabels[row.status as EntryStatus] ?? row.status,
      })),
      openProposal: proposals.some((row) => ["proposed", "returned"].includes(row.status)),
      canCite,
      canPropose: may(request, "partnership:manage"),
      errors,
    };
  }

  app.get(paths.actionPractice.pattern, needs(paths.actionPractice, read), async (request, reply) => {
    const { action } = await readable(request, request.params.actionId);
    return reply.view(template, await view(request, action));
  });

  // The cite form is on the page (reading needs "read"; citing, the right to update the action).
  const updatable = updatableAction(db);
  const citing = async (request: FastifyRequest) => ({
    partnership: request.partnership,
    action: updatable.of(request),
  });
  formRoute(app, {
    path: paths.actionPractice,
    needs: { record: updatable },
    load: (ctx) => citing(ctx.request),
    schema: citeForm,
    page: async (ctx, shown) => ({ template, view: await view(ctx.request, ctx.record.action, shown.errors) }),
    save: async (ctx, data) => {
      const { partnership, action } = ctx.record;
      const entry = await citeEntry(db, ctx.audit, {
        partnershipId: partnership.id,
        actionId: action.id,
        entryId: data.entryId,
      });
      return {
        redirect: paths.actionPractice(partnership.id, action.id),
        flash: `The action now cites “${entry.title}”`,
      };
    },
  });

  // Stop citing asks first (the GOV.UK pattern): the entry stops listing this action among the
  // areas doing it.
  deleteRoute(app, {
    path: paths.uncite,
    needs: { record: updatable },
    load: async (ctx) => {
      const action = updatable.of(ctx.request);
      const entry = (await citationsOfAction(db, ctx.partnership.id, action.id)).find(
        (row) => row.entryId === ctx.params.entryId,
      );
      return entry ? { action, title: entry.title } : undefined;
    },
    question: (ctx) => `Are you sure “${ctx.record.action.title}” should stop citing “${ctx.record.title}”?`,
    consequencesIntro: "This will remove:",
    consequences: () => ["this action from the entry's list of areas doing this, which everyone in the hub sees"],
    warning: "The library entry itself is kept. You can cite it again later.",
    confirmText: "Yes, stop citing it",
    remove: (ctx) =>
      uncite(db, ctx.audit, {
        partnershipId: ctx.partnership.id,
        actionId: ctx.record.action.id,
        entryId: ctx.params.entryId,
      }),
    done: (ctx) => paths.actionPractice(ctx.partnership.id, ctx.record.action.id),
    flash: (ctx) => `The action no longer cites “${ctx.record.title}”`,
  });

  formRoute(app, {
    path: paths.propose,
    needs: { partnership: "partnership:manage" },
    load: async (ctx) => {
      const { action } = await readable(ctx.request, ctx.params.actionId);
      const open = (await proposalsForAction(db, ctx.partnership.id, action.id)).find((row) =>
        ["proposed", "returned"].includes(row.status),
      );
      return { action, open };
    },
    title: (ctx) => (ctx.record.open ? "Change and resubmit the case study" : "Propose this action as a case study"),
    caption: (ctx) => ctx.record.action.title,
    intro:
      "The national coordinator reviews case studies, rates the strength of their evidence and their cost, and publishes them in the effective practice library for other areas to learn from.",
    fields: proposalFields,
    initial: (ctx) =>
      ctx.record.open
        ? { title: ctx.record.open.title, summary: ctx.record.open.summary, body: ctx.record.open.body }
        : { title: ctx.record.action.title, summary: ctx.record.action.description.slice(0, 1000) },
    schema: proposalForm,
    save: async (ctx, data) => {
      const actor = ctx.request.actor!;
      await proposeCaseStudy(db, ctx.audit, {
        partnership: ctx.partnership,
        action: ctx.record.action,
        author: { userId: actor.userId, name: actor.name },
        form: data,
      });
      return `${paths.actionPractice(ctx.partnership.id, ctx.record.action.id)}#case-study`;
    },
    flash: "The case study has been sent to the national coordinator for review",
    back: (ctx) => paths.actionPractice(ctx.partnership.id, ctx.record.action.id),
  });
}
