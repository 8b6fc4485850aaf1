import type { FastifyInstance } from "fastify";
import { formRoute } from "../../kernel/forms/index.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { needs } from "../../kernel/http/pipeline.ts";
import { createOrganisation, editOrganisation } from "./organisation-service.ts";
import { organisationPaths as paths } from "./paths.ts";
import { findOrganisation, listOrganisations } from "./repository.ts";
import { organisationForm } from "./schemas.ts";
import { organisationTypeLabel, organisationTypes } from "./types.ts";

const admin = { allow: "admin:manage-organisations" } as const;
const typeItems = organisationTypes.map((type) => ({ value: type.slug, text: type.label }));
const form = { template: "organisations/views/form.njk", schema: organisationForm, needs: admin } as const;

export function registerOrganisationRoutes(app: FastifyInstance, { db }: AppContext): void {
  app.get(paths.list.pattern, needs(paths.list, admin), async (_request, reply) => {
    const rows = await listOrganisations(db);
    return reply.view("organisations/views/list.njk", {
      title: "Organisations",
      addHref: paths.add(),
      organisations: rows.map((row) => ({
        ...row,
        typeLabel: organisationTypeLabel(row.type),
        editHref: paths.edit(row.id),
      })),
    });
  });

  formRoute(app, {
    ...form,
    path: paths.add,
    postTo: paths.list,
    view: () => ({ title: "Add an organisation", typeItems, backHref: paths.list() }),
    save: async (ctx, data) => {
      await createOrganisation(db, ctx.audit, data);
      return paths.list();
    },
    flash: "Organisation added",
  });

  formRoute(app, {
    ...form,
    path: paths.edit,
    postTo: paths.update,
    load: (ctx) => findOrganisation(db, ctx.params.id),
    view: (ctx) => ({ title: `Edit ${ctx.record.name}`, editing: true, typeItems, backHref: paths.list() }),
    initial: ({ record }) => ({ name: record.name, type: record.type, gssCode: record.gssCode ?? "" }),
    save: async (ctx, data) => {
      await editOrganisation(db, ctx.audit, ctx.record.id, data);
      return paths.list();
    },
    flash: "Organisation updated",
  });
}
