import type { FastifyInstance } from "fastify";
import type { Actor } from "../../kernel/auth/policy.ts";
import type { AuditContext } from "../../kernel/audit/audit.ts";
import type { FieldError } from "../../kernel/errors/app-error.ts";
import { deleteRoute, formRoute } from "../../kernel/forms/index.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { found, may, needs, type ParsedRequest } from "../../kernel/http/pipeline.ts";
import * as coding from "./coding-repository.ts";
import { approveQuote, removeQuote, removeTheme, saveQuote, saveTheme } from "./coding-service.ts";
import { quoteFields, themeFields } from "./coding-forms.ts";
import { consultationPaths as paths } from "./paths.ts";
import { findActivity } from "./register-repository.ts";
import { findTextAnswers } from "./response-repository.ts";
import { approveForm, type QuoteInput, quoteForm, themeForm, themeLinkForm } from "./schemas.ts";
import { findSurveyOf } from "./survey-repository.ts";
import { linkChoices, linkTheme, linksOf, unlinkTheme } from "./theme-links.ts";

const edit = { partnership: "partnership:edit" } as const;
const read = { partnership: "partnership:read" } as const;
const freeText = { partnership: "consultation:read-free-text" } as const;
/** Quotes are cut from free text: only editors who may read it add, change, approve or remove them. */
const editQuotes = { partnership: "consultation:edit-quotes" } as const;

type Ids = { params: { id: string; activityId: string } };

/** The code frame's themes with their links ("you said, we did"), and quotes with their review. */
export function registerThemeRoutes(app: FastifyInstance, { db }: AppContext): void {
  const activityHref = (ctx: Ids) => `${paths.activity(ctx.params.id, ctx.params.activityId)}#themes`;
  const quotesHref = (ctx: Ids) => paths.quotes(ctx.params.id, ctx.params.activityId);
  /** Adds a quote (`quoteId` null) or changes one; either way it goes back for review. */
  const keepQuote = (
    ctx: Ids & { audit: AuditContext; request: { actor: Actor | null } },
    quoteId: string | null,
    input: QuoteInput,
  ) => saveQuote(db, ctx.audit, ctx.params.id, ctx.params.activityId, quoteId, input, ctx.request.actor!.userId);
  const loadActivity = (ctx: Ids) => findActivity(db, ctx.params.id, ctx.params.activityId);
  const loadTheme = (ctx: Ids & { params: { themeId: string } }) =>
    coding.findTheme(db, ctx.params.id, ctx.params.activityId, ctx.params.themeId);

  formRoute(app, {
    path: paths.themeAdd,
    needs: edit,
    load: loadActivity,
    title: "Add a theme",
    caption: (ctx) => ctx.record.title,
    fields: themeFields,
    schema: themeForm,
    save: async (ctx, data) => {
      const theme = await saveTheme(db, ctx.audit, ctx.partnership.id, ctx.record.id, null, data);
      return paths.theme(ctx.partnership.id, ctx.record.id, theme.id);
    },
    flash: "The theme has been added",
    back: activityHref,
  });

  formRoute(app, {
    path: paths.themeEdit,
    needs: edit,
    load: loadTheme,
    title: (ctx) => `Change the theme “${ctx.record.name}”`,
    fields: themeFields,
    schema: themeForm,
    initial: (ctx) => ({ ...ctx.record, otherMentions: String(ctx.record.otherMentions) }),
    save: async (ctx, data) => {
      await saveTheme(db, ctx.audit, ctx.partnership.id, ctx.params.activityId, ctx.record.id, data);
      return paths.theme(ctx.partnership.id, ctx.params.activityId, ctx.record.id);
    },
    flash: "The theme has been saved",
    back: (ctx) => paths.theme(ctx.partnership.id, ctx.params.activityId, ctx.record.id),
  });

  deleteRoute(app, {
    path: paths.themeRemove,
    needs: edit,
    load: loadTheme,
    question: (ctx) => `Are you sure you want to remove the theme “${ctx.record.name}”?`,
    consequences: () => ["its codes on answers, its links to findings, priorities and actions, and its response"],
    remove: (ctx) => removeTheme(db, ctx.audit, ctx.partnership.id, ctx.params.activityId, ctx.record.id),
    done: activityHref,
    flash: "The theme has been removed",
  });

  async function themeView(
    request: ParsedRequest<{ activityId: string; themeId: string }>,
    errors: FieldError[] = [],
    values = {},
  ) {
    const { partnership } = request;
    const { activityId, themeId } = request.params;
    const activity = found(await findActivity(db, partnership.id, activityId));
    const theme = found(await coding.findTheme(db, partnership.id, activityId, themeId));
    const [choices, links, counts, quotes] = await Promise.all([
      linkChoices(db, partnership.id),
      linksOf(db, partnership.id, [theme.id]),
      coding.codedCounts(db, partnership.id, activityId),
      coding.listQuotes(db, partnership.id, activityId),
    ]);
    const linked = new Set(links.map((link) => link.target));
    return {
      title: `Theme: ${theme.name} – ${activity.title}`,
      activity,
      theme,
      coded: counts.get(theme.id) ?? 0,
      links: links.flatMap((link) => {
        const choice = choices.find((item) => item.value === link.target);
        const removeHref = paths.themeUnlink(partnership.id, activityId, theme.id, link.kind, link.id);
        return choice ? [{ ...choice, removeHref }] : [];
      }),
      choices: choices.filter((choice) => !linked.has(choice.value)),
      quotes: quotes.filter((q) => q.themeId === theme.id && q.status === "approved"),
      ids: { id: partnership.id, activityId, themeId },
      paths,
      canEdit: may(request, "partnership:edit"),
      errors,
      values,
    };
  }

  app.get(paths.theme.pattern, needs(paths.theme, read), async (request, reply) =>
    reply.view("consultation/views/theme.njk", await themeView(request)),
  );

  // Adding a link is a form on the theme page: a rejected post draws it again.
  formRoute(app, {
    path: paths.themeLink,
    needs: edit,
    schema: themeLinkForm,
    page: async (ctx, shown) => ({
      template: "consultation/views/theme.njk",
      view: await themeView(ctx.request, shown.errors, shown.values),
    }),
    save: async (ctx, data) => {
      const { id, activityId, themeId } = ctx.params;
      await linkTheme(db, ctx.audit, id, activityId, themeId, data.target);
      return paths.theme(id, activityId, themeId);
    },
    flash: "The link has been added",
  });

  // Removing one asks first, naming what the theme stops informing.
  deleteRoute(app, {
    path: paths.themeUnlink,
    needs: edit,
    load: async (ctx) => {
      const { id, activityId, themeId, kind, targetId } = ctx.params;
      const theme = await coding.findTheme(db, id, activityId, themeId);
      if (!theme) return undefined;
      const target = `${kind}:${targetId}`;
      const [link] = (await linksOf(db, id, [theme.id])).filter((item) => item.target === target);
      const choice = link && (await linkChoices(db, id)).find((item) => item.value === target);
      return choice ? { theme, target, text: choice.text } : undefined;
    },
    question: (ctx) => `Are you sure you want to remove the link from the theme “${ctx.record.theme.name}”?`,
    consequences: (ctx) => [`its link to ${ctx.record.text}`],
    consequencesIntro: "This will remove:",
    warning: "The finding, priority or action itself is kept.",
    confirmText: "Yes, remove the link",
    remove: (ctx) =>
      unlinkTheme(db, ctx.audit, ctx.params.id, ctx.params.activityId, ctx.record.theme.id, ctx.record.target),
    done: (ctx) => paths.theme(ctx.params.id, ctx.params.activityId, ctx.params.themeId),
    flash: "The link has been removed",
  });

  async function quotesView(request: ParsedRequest<{ activityId: string }>, errors: FieldError[] = []) {
    const { partnership } = request;
    const { activityId } = request.params;
    const activity = found(await findActivity(db, partnership.id, activityId));
    const [quotes, themes] = await Promise.all([
      coding.listQuotes(db, partnership.id, activityId),
      coding.listThemes(db, partnership.id, activityId),
    ]);
    const names = new Map(themes.map((t) => [t.id, t.name]));
    return {
      title: `Quotes – ${activity.title}`,
      activity,
      quotes: quotes.map((q) => ({
        ...q,
        themeName: q.themeId ? (names.get(q.themeId) ?? "") : "",
        editHref: paths.quoteEdit(partnership.id, activityId, q.id),
        approveHref: paths.quoteApprove(partnership.id, activityId, q.id),
        removeHref: paths.quoteRemove(partnership.id, activityId, q.id),
      })),
      addHref: paths.quoteAdd(partnership.id, activityId),
      activityHref: paths.activity(partnership.id, activityId),
      canEdit: may(request, "consultation:edit-quotes"),
      errors,
    };
  }

  app.get(paths.quotes.pattern, needs(paths.quotes, freeText), async (request, reply) =>
    reply.view("consultation/views/quotes.njk", await quotesView(request)),
  );

  // The approve box of each quote is on the quotes page; the service says when it is not ticked.
  formRoute(app, {
    path: paths.quoteApprove,
    needs: editQuotes,
    schema: approveForm.catch({ confirmed: false }),
    page: async (ctx, shown) => ({
      template: "consultation/views/quotes.njk",
      view: await quotesView(
        ctx.request,
        shown.errors.map((e) => ({ ...e, field: `confirmed-${ctx.params.quoteId}` })),
      ),
    }),
    save: async (ctx, data) => {
      const { id, activityId, quoteId } = ctx.params;
      const actor = ctx.request.actor!;
      await approveQuote(db, ctx.audit, id, activityId, quoteId, data.confirmed, {
        userId: actor.userId,
        name: actor.name,
      });
      return paths.quotes(id, activityId);
    },
    flash: "The quote is approved for publication",
  });

  const themesOf = (ctx: Ids) => coding.listThemes(db, ctx.params.id, ctx.params.activityId);
  const loadQuote = (ctx: Ids & { params: { quoteId: string } }) =>
    coding.findQuote(db, ctx.params.id, ctx.params.activityId, ctx.params.quoteId);

  formRoute(app, {
    path: paths.quoteAdd,
    needs: editQuotes,
    load: loadActivity,
    title: "Add a quote from notes",
    caption: (ctx) => ctx.record.title,
    intro:
      "Each quote is checked for anything that looks like a name, contact details or an address before it can be approved.",
    fields: async (ctx) => quoteFields(await themesOf(ctx)),
    schema: quoteForm,
    save: async (ctx, data) => {
      await saveQuote(
        db,
        ctx.audit,
        ctx.partnership.id,
        ctx.record.id,
        null,
        { ...data, answerId: null },
        ctx.request.actor!.userId,
      );
      return quotesHref(ctx);
    },
    flash: "The quote is waiting for review",
    back: quotesHref,
  });

  formRoute(app, {
    path: paths.quoteFromAnswer,
    needs: editQuotes,
    load: async (ctx) => {
      const survey = await findSurveyOf(db, ctx.params.id, ctx.params.activityId);
      const [answer] = survey ? await findTextAnswers(db, ctx.params.id, survey.id, [ctx.params.answerId]) : [];
      return answer?.text ? answer : undefined;
    },
    title: "Propose a quote",
    intro:
      "Trim the answer to the words that matter. It is checked for anything that looks like personal data before it can be approved.",
    fields: async (ctx) => quoteFields(await themesOf(ctx)),
    schema: quoteForm,
    initial: (ctx) => ({ text: ctx.record.text }),
    save: async (ctx, data) => {
      await keepQuote(ctx, null, { ...data, answerId: ctx.record.id });
      return quotesHref(ctx);
    },
    flash: "The quote is waiting for review",
    back: quotesHref,
  });

  formRoute(app, {
    path: paths.quoteEdit,
    needs: editQuotes,
    load: loadQuote,
    title: "Change the quote",
    intro: "A changed quote goes back for review.",
    fields: async (ctx) => quoteFields(await themesOf(ctx)),
    schema: quoteForm,
    initial: (ctx) => ({ text: ctx.record.text, themeId: ctx.record.themeId ?? "" }),
    save: async (ctx, data) => {
      await keepQuote(ctx, ctx.record.id, { ...data, answerId: ctx.record.answerId });
      return quotesHref(ctx);
    },
    flash: "The quote is waiting for review",
    back: quotesHref,
  });

  deleteRoute(app, {
    path: paths.quoteRemove,
    needs: editQuotes,
    load: loadQuote,
    question: () => "Are you sure you want to remove this quote?",
    remove: (ctx) => removeQuote(db, ctx.audit, ctx.partnership.id, ctx.params.activityId, ctx.record.id),
    done: quotesHref,
    flash: "The quote has been removed",
  });
}
