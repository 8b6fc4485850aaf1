import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { type FormContext, formRoute } from "../../kernel/forms/index.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { found, may, needs } from "../../kernel/http/pipeline.ts";
import { londonToday } from "../../kernel/time.ts";
import { listMembers } from "../../workspace/partnerships/index.ts";
import { agreementSchema, agreementValues } from "./agreement-schema.ts";
import { reassessAgreement, saveAgreement } from "./agreement-service.ts";
import { agreementView } from "./agreement-view.ts";
import { sharingPaths as paths } from "./paths.ts";
import {
  findAgreement,
  findTemplate,
  latestPrinciples,
  listAgreements,
  type SharingTemplateRow,
} from "./repository.ts";
import { termsValues } from "./terms-schema.ts";
import {
  article9Labels,
  dataLevelLabels,
  dpiaStatusLabels,
  frequencyLabels,
  items,
  lawfulBasisLabels,
  schedule1Labels,
  storedStatusLabels,
  volumeLabels,
} from "./vocabulary.ts";

const read = { partnership: "partnership:read" } as const;
const edit = { partnership: "partnership:edit" } as const;
const templateQuery = z.object({ template: z.uuid().optional() });

async function partyNames(db: AppContext["db"], partnershipId: string) {
  const members = await listMembers(db, partnershipId);
  return { members, names: new Map(members.map((member) => [member.organisationId, member.name])) };
}

/** The template a new agreement starts from (`?template=`, or the form's hidden field): the nation's own, else 404. */
async function chosenTemplate(db: AppContext["db"], ctx: FormContext<string, unknown>, id: unknown) {
  if (typeof id !== "string" || id === "") return null;
  const parsed = z.uuid().safeParse(id);
  return found(parsed.success ? await findTemplate(db, ctx.partnership.nation, parsed.data) : undefined);
}

export function registerAgreementRoutes(app: FastifyInstance, { db }: AppContext): void {
  app.get(paths.list.pattern, needs(paths.list, read), async (request, reply) => {
    const { partnership } = request;
    const today = londonToday();
    const [rows, { names }] = await Promise.all([listAgreements(db, partnership.id), partyNames(db, partnership.id)]);
    return reply.view("sharing/views/list.njk", {
      title: `Data-sharing agreements – ${partnership.name}`,
      rows: rows.map((row) => ({ ...agreementView(row, today, names), href: paths.agreement(partnership.id, row.id) })),
      addHref: paths.add(partnership.id),
      templatesHref: paths.templates(partnership.id),
      principlesHref: paths.principles(partnership.id),
      canEdit: may(request, "partnership:edit"),
    });
  });

  app.get(paths.agreement.pattern, needs(paths.agreement, read), async (request, reply) => {
    const { partnership } = request;
    const row = found(await findAgreement(db, partnership.id, request.params.agreementId));
    const [{ names }, latest] = await Promise.all([
      partyNames(db, partnership.id),
      latestPrinciples(db, partnership.nation),
    ]);
    const canEdit = may(request, "partnership:edit");
    const agreement = agreementView(row, londonToday(), names);
    return reply.view("sharing/views/agreement.njk", {
      title: `${row.title} – data-sharing agreement`,
      agreement,
      signatories: row.signatories.map((item) => ({
        ...item,
        removeHref: canEdit ? paths.removeSignatory(partnership.id, row.id, item.id) : null,
      })),
      documents: row.documents.map((item) => ({
        ...item,
        removeHref: canEdit ? paths.removeDocument(partnership.id, row.id, item.id) : null,
      })),
      newerVersion: latest && latest.version > row.principlesVersion ? latest.version : null,
      principlesHref: paths.principlesVersion(partnership.id, String(row.principlesVersion)),
      listHref: paths.list(partnership.id),
      editHref: paths.edit(partnership.id, row.id),
      reassessHref: paths.reassess(partnership.id, row.id),
      addSignatoryHref: paths.addSignatory(partnership.id, row.id),
      addDocumentHref: paths.addDocument(partnership.id, row.id),
      canEdit,
    });
  });

  app.post(paths.reassess.pattern, needs(paths.reassess, edit), async (request, reply) => {
    const { partnership } = request;
    found(await findAgreement(db, partnership.id, request.params.agreementId));
    const after = await reassessAgreement(db, request.auditContext(), partnership, request.params.agreementId);
    reply.flash(`The agreement has been re-assessed under principles version ${after.principlesVersion}`);
    return reply.redirect(paths.agreement(partnership.id, after.id), 303);
  });

  /** What the agreement form's template draws: the choices, labelled, and the partnership's organisations. */
  const formView = async (ctx: FormContext<string, unknown>, heading: string, template: SharingTemplateRow | null) => {
    const { members } = await partyNames(db, ctx.partnership.id);
    return {
      title: heading,
      heading,
      partnership: ctx.partnership,
      template,
      members: members.map((member) => ({ value: member.organisationId, text: member.name })),
      choices: {
        lawfulBasis: items(lawfulBasisLabels),
        article9Condition: items(article9Labels),
        schedule1Condition: items(schedule1Labels),
        level: items(dataLevelLabels),
        frequency: items(frequencyLabels),
        volume: items(volumeLabels),
        dpiaStatus: items(dpiaStatusLabels),
        status: items(storedStatusLabels),
      },
      backHref: paths.list(ctx.partnership.id),
    };
  };

  formRoute(app, {
    path: paths.add,
    needs: edit,
    template: "sharing/views/agreement-form.njk",
    schema: agreementSchema,
    view: async (ctx) => {
      const query = templateQuery.safeParse(ctx.request.query ?? {});
      const body = (ctx.request.body ?? {}) as Record<string, unknown>;
      const template = await chosenTemplate(db, ctx, body.templateId ?? (query.success ? query.data.template : ""));
      return formView(ctx, "Record a data-sharing agreement", template);
    },
    initial: async (ctx) => {
      const query = templateQuery.safeParse(ctx.request.query ?? {});
      if (!query.success) return { status: "draft" };
      const template = await chosenTemplate(db, ctx, query.data.template);
      return template ? { ...termsValues(template), title: template.title, status: "draft" } : { status: "draft" };
    },
    save: async (ctx, data) => {
      const template = await chosenTemplate(db, ctx, (ctx.request.body as Record<string, unknown>).templateId);
      const row = await saveAgreement(db, ctx.audit, ctx.partnership, null, data, template?.id ?? null);
      return paths.agreement(ctx.partnership.id, row.id);
    },
    flash: "The agreement has been recorded",
  });

  formRoute(app, {
    path: paths.edit,
    needs: edit,
    load: (ctx) => findAgreement(db, ctx.partnership.id, ctx.params.agreementId),
    template: "sharing/views/agreement-form.njk",
    schema: agreementSchema,
    view: (ctx) => formView(ctx, `Change ${ctx.record.title}`, null),
    initial: (ctx) => ({ ...agreementValues(ctx.record), title: ctx.record.title, status: ctx.record.status }),
    save: async (ctx, data) => {
      const row = await saveAgreement(db, ctx.audit, ctx.partnership, ctx.record.id, data);
      return paths.agreement(ctx.partnership.id, row.id);
    },
    flash: "The agreement has been saved",
  });
}
