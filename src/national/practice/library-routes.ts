import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type Nation, nationLabels, nations } from "../../kernel/auth/policy.ts";
import { AppError, type FieldError } from "../../kernel/errors/app-error.ts";
import { formRoute } from "../../kernel/forms/index.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import type { Path } from "../../kernel/http/paths.ts";
import { found, needs } from "../../kernel/http/pipeline.ts";
import {
  actionLatestUpdates,
  driverOptions,
  englishBuildingBlocks,
  familyTypes,
  ragStatuses,
} from "../../cycle/actions/index.ts";
import { supportTypes } from "../support-offer/index.ts";
import { registerAttachmentRoutes } from "./attachment-routes.ts";
import { areasDoingThis } from "./areas.ts";
import { reviewProposal } from "./case-study-service.ts";
import { saveEntry } from "./entry-service.ts";
import { entryFields, reviewFields } from "./fields.ts";
import { canManageEntry, entryLabels, hitView, managedNations } from "./labels.ts";
import { practicePaths as paths } from "./paths.ts";
import { countByStatus, type EntryRow, findEntry, listAttachments, listByStatus } from "./repository.ts";
import { entryForm, reviewForm, type SearchQuery, searchQuery } from "./schemas.ts";
import { searchEntries } from "./search.ts";
import { costBands, entryKinds, entryStatusLabels, type EntryStatus, evidenceLevels, settings } from "./vocabulary.ts";

const open = { public: true } as const;
const signedIn = { signedIn: true } as const;
const notPublished = ["draft", "proposed", "returned", "declined", "withdrawn"];
const ragTags: Record<string, string> = {
  green: "govuk-tag--green",
  amber: "govuk-tag--yellow",
  red: "govuk-tag--red",
  complete: "govuk-tag--blue",
  "not-started": "govuk-tag--grey",
};

function facets(query: SearchQuery) {
  const select = (id: keyof SearchQuery, label: string, all: string, items: { value: string; text: string }[]) => ({
    id,
    label,
    items: [{ value: "", text: all }, ...items].map((item) => ({
      ...item,
      selected: item.value === String(query[id] ?? ""),
    })),
  });
  return [
    select(
      "driver",
      "Driver (Scotland)",
      "Any driver",
      driverOptions("scotland").map((o) => ({ value: o.code, text: o.label })),
    ),
    select(
      "block",
      "Building block",
      "Any building block",
      englishBuildingBlocks.map((b) => ({ value: b.code, text: b.label })),
    ),
    select(
      "family",
      "Priority family type",
      "Any family type",
      familyTypes.map((f) => ({ value: f.code, text: f.label })),
    ),
    select(
      "type",
      "Type of support",
      "Any type",
      supportTypes.map((t) => ({ value: t.code, text: t.label })),
    ),
    select(
      "level",
      "Evidence at least",
      "Any level",
      evidenceLevels.map((l) => ({ value: String(l.level), text: l.name })),
    ),
    select(
      "cost",
      "Cost",
      "Any cost",
      costBands.map((c) => ({ value: c.code, text: c.label })),
    ),
    select(
      "kind",
      "Kind",
      "Any kind",
      entryKinds.map((k) => ({ value: k.code, text: k.label })),
    ),
    select(
      "nation",
      "Nation",
      "Any nation",
      nations.map((n) => ({ value: n, text: nationLabels[n] })),
    ),
    select(
      "setting",
      "Setting",
      "Urban or rural",
      settings.map((s) => ({ value: s.code, text: s.label })),
    ),
  ];
}

/** May the reader open this entry? Published: by its visibility; otherwise its keepers and its proposing partnership. */
function readable(request: FastifyRequest, entry: EntryRow): void {
  const actor = request.actor;
  if (entry.status === "published") {
    if (entry.visibility !== "public" && !actor) throw new AppError("UNAUTHENTICATED", "Sign in to read this entry");
    return;
  }
  const proposer = !!entry.partnershipId && !!actor?.partnershipRoles.has(entry.partnershipId);
  if (!canManageEntry(actor, entry) && !proposer) throw AppError.notFound();
}

/** The effective practice library: search, entries, their keeping and the review of proposals. */
export function registerLibraryRoutes(app: FastifyInstance, context: AppContext): void {
  const { db } = context;

  app.get(paths.library.pattern, needs(paths.library, open), async (request, reply) => {
    const query = searchQuery.parse(request.query ?? {});
    const result = await searchEntries(db, query, !!request.actor);
    const nationsKept = managedNations(request.actor);
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value && key !== "page") params.set(key, String(value));
    const pageHref = (page: number) =>
      `/practice?${new URLSearchParams([...params, ["page", String(page)]]).toString()}`;
    return reply.view("practice/views/library.njk", {
      title: "Effective practice library",
      query,
      result: { ...result, hits: result.hits.map(hitView) },
      facets: facets(query),
      filtered: [...params.keys()].some((key) => key !== "q"),
      canManage: nationsKept.length > 0,
      queueCount: await countByStatus(db, nationsKept, notPublished),
      pagination:
        result.pages > 1
          ? {
              previous: result.page > 1 ? { href: pageHref(result.page - 1) } : undefined,
              next: result.page < result.pages ? { href: pageHref(result.page + 1) } : undefined,
              items: Array.from({ length: Math.min(result.pages, 10) }, (_, index) => index + 1).map((number) => ({
                number,
                href: pageHref(number),
                current: number === result.page,
              })),
            }
          : undefined,
    });
  });

  app.get(paths.evidence.pattern, needs(paths.evidence, open), async (_request, reply) =>
    reply.view("practice/views/evidence.njk", {
      title: "How the library rates evidence and cost",
      levels: evidenceLevels,
      costs: costBands,
    }),
  );

  app.get(paths.review.pattern, needs(paths.review, { allow: "nation:read-any" }), async (request, reply) => {
    const kept = managedNations(request.actor);
    const rows = await listByStatus(db, kept, notPublished);
    return reply.view("practice/views/review-queue.njk", {
      title: "Proposals, drafts and withdrawn entries",
      nationNames: kept.map((nation) => nationLabels[nation]).join(", "),
      rows: rows
        .sort((a, b) => Number(b.status === "proposed") - Number(a.status === "proposed"))
        .map((row) => ({ ...row, statusLabel: entryStatusLabels[row.status as EntryStatus] ?? row.status })),
    });
  });

  async function entryPage(reply: FastifyReply, entry: EntryRow, errors: FieldError[] = []) {
    const actor = reply.request.actor;
    const [attachments, areas] = await Promise.all([
      listAttachments(db, entry.id),
      areasDoingThis(db, entry.id, actor, context.extensions.one(actionLatestUpdates)),
    ]);
    return reply.code(errors.length ? 400 : 200).view("practice/views/entry.njk", {
      title: `${entry.title} – effective practice`,
      entry,
      labels: entryLabels(entry),
      attachments,
      areas,
      ragTags,
      rags: ragStatuses,
      canManage: canManageEntry(actor, entry),
      editable: !["proposed", "returned", "declined"].includes(entry.status),
      reviewable: entry.status === "proposed",
      errors,
    });
  }

  app.get(paths.entry.pattern, needs(paths.entry, open), async (request, reply) => {
    const entry = found(await findEntry(db, request.params.entryId));
    readable(request, entry);
    return entryPage(reply, entry);
  });

  registerAttachmentRoutes(app, context, { entryPage, readable });

  // One form adds and changes: the entry's id is in the path when changing one.
  const entryForms: Path<string, { entryId?: string }>[] = [paths.add, paths.edit];
  for (const formPath of entryForms) {
    formRoute(app, {
      path: formPath,
      needs: { allow: "nation:read-any" },
      load: async (ctx) => {
        const kept = managedNations(ctx.request.actor);
        const entryId = ctx.params.entryId;
        const entry = entryId ? found(await findEntry(db, entryId)) : null;
        if (entry && !canManageEntry(ctx.request.actor, entry)) throw AppError.notFound();
        return { entry, kept };
      },
      template: "partners-group/views/hub-form.njk",
      view: (ctx) => ({
        title: ctx.record.entry ? `Change “${ctx.record.entry.title}”` : "Add an entry to the library",
        fields: entryFields(ctx.record.kept),
        backHref: ctx.record.entry ? paths.entry(ctx.record.entry.id) : paths.library(),
        introHtml:
          '<p class="govuk-body"><a class="govuk-link" href="/practice/evidence">How to rate evidence and cost</a></p>',
      }),
      initial: (ctx) =>
        ctx.record.entry
          ? { ...ctx.record.entry, evidenceLevel: ctx.record.entry.evidenceLevel ?? "" }
          : {
              status: "draft",
              visibility: "signed-in",
              costBand: "unknown",
              ...(ctx.record.kept.length === 1 ? { nation: ctx.record.kept[0] } : {}),
            },
      schema: entryForm,
      save: async (ctx, data) => {
        if (!ctx.record.kept.includes(data.nation as Nation))
          throw AppError.validation([{ field: "nation", message: "Select a nation whose library you keep" }]);
        const row = await saveEntry(db, ctx.audit, ctx.record.entry?.id ?? null, data);
        return paths.entry(row.id);
      },
      flash: "The entry has been saved",
    });
  }

  formRoute(app, {
    path: paths.reviewEntry,
    needs: signedIn,
    load: async (ctx) => {
      const entry = await findEntry(db, ctx.params.entryId);
      if (!entry || !canManageEntry(ctx.request.actor, entry)) return null;
      if (entry.status !== "proposed")
        throw new AppError("CONFLICT", "Only a proposal waiting for review can be reviewed");
      return entry;
    },
    template: "partners-group/views/hub-form.njk",
    view: (ctx) => ({
      title: `Review “${ctx.record.title}”`,
      caption: `Proposed by ${ctx.record.proposerName ?? "a partnership"}`,
      intro: ctx.record.summary,
      // The body was sanitised when the partnership saved it.
      introHtml: `<div class="govuk-inset-text app-rich-text">${ctx.record.body}</div><p class="govuk-body"><a class="govuk-link" href="/practice/evidence">How to rate evidence and cost</a></p>`,
      fields: reviewFields,
      backHref: paths.review(),
    }),
    initial: (ctx) => ({ costBand: ctx.record.costBand, visibility: ctx.record.visibility }),
    schema: reviewForm,
    save: async (ctx, data) => {
      const row = await reviewProposal(db, ctx.audit, ctx.record.id, data);
      return row.status === "published" ? paths.entry(row.id) : paths.review();
    },
    flash: "Your review has been recorded",
  });
}
