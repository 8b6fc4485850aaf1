import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { deleteRoute, formRoute, httpUrl, requiredDate, requiredText } from "../../kernel/forms/index.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { londonToday } from "../../kernel/time.ts";
import { addToAgreement, removeFromAgreement } from "./agreement-service.ts";
import { sharingPaths as paths } from "./paths.ts";
import { findAgreement } from "./repository.ts";

const edit = { partnership: "partnership:edit" } as const;

const signatorySchema = z
  .object({
    name: requiredText("Enter the signatory's name", 200),
    role: requiredText("Enter the signatory's role", 200),
    organisation: requiredText("Enter the signatory's organisation", 300),
    signedOn: requiredDate("date signed"),
  })
  .refine((value) => !value.signedOn || value.signedOn <= londonToday(), {
    path: ["signedOn"],
    message: "The date signed must be today or in the past",
  });

const documentSchema = z.object({
  title: requiredText("Enter the document's title", 300),
  url: httpUrl("document's web address"),
});

/** Signatories and documents of an agreement: added by form, removed after confirmation. */
export function registerAgreementPartsRoutes(app: FastifyInstance, { db }: AppContext): void {
  const agreementOf = (ctx: { partnership: { id: string }; params: { agreementId: string } }) =>
    findAgreement(db, ctx.partnership.id, ctx.params.agreementId);
  const back = (ctx: { partnership: { id: string }; params: { agreementId: string } }) =>
    paths.agreement(ctx.partnership.id, ctx.params.agreementId);

  formRoute(app, {
    path: paths.addSignatory,
    needs: edit,
    load: agreementOf,
    title: (ctx) => `Add a signatory to ${ctx.record.title}`,
    fields: [
      { id: "name", label: "Name", type: "text" },
      { id: "role", label: "Role", type: "text", hint: "For example, Data Protection Officer" },
      { id: "organisation", label: "Organisation", type: "text" },
      { id: "signedOn", label: "Date signed", type: "date", hint: "For example, 14/05/2026" },
    ],
    schema: signatorySchema,
    save: async (ctx, data) => {
      await addToAgreement(db, ctx.audit, ctx.partnership.id, ctx.record.id, "signatories", data);
      return back(ctx);
    },
    flash: "The signatory has been added",
    back,
  });

  formRoute(app, {
    path: paths.addDocument,
    needs: edit,
    load: agreementOf,
    title: (ctx) => `Add a document to ${ctx.record.title}`,
    intro: "Link to the signed agreement, its DPIA or another document where the partnership keeps it.",
    fields: [
      { id: "title", label: "Title", type: "text", hint: "For example, Signed agreement (PDF)" },
      { id: "url", label: "Web address", type: "url", hint: "Starting with https://" },
    ],
    schema: documentSchema,
    save: async (ctx, data) => {
      await addToAgreement(db, ctx.audit, ctx.partnership.id, ctx.record.id, "documents", data);
      return back(ctx);
    },
    flash: "The document has been added",
    back,
  });

  for (const [list, path, noun] of [
    ["signatories", paths.removeSignatory, "signatory"],
    ["documents", paths.removeDocument, "document"],
  ] as const) {
    deleteRoute(app, {
      path,
      needs: edit,
      load: async (ctx) => {
        const agreement = await agreementOf(ctx);
        const item = agreement?.[list].find((entry) => entry.id === ctx.params.itemId);
        return agreement && item ? { agreement, name: "name" in item ? item.name : item.title } : undefined;
      },
      question: (ctx) =>
        `Are you sure you want to remove the ${noun} “${ctx.record.name}” from ${ctx.record.agreement.title}?`,
      remove: (ctx) =>
        removeFromAgreement(db, ctx.audit, ctx.partnership.id, ctx.record.agreement.id, list, ctx.params.itemId),
      done: back,
      flash: `The ${noun} has been removed`,
    });
  }
}
