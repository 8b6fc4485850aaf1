import type { FastifyInstance } from "fastify";
import { authorize } from "../../kernel/auth/policy.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { parseForm } from "../../kernel/http/forms.ts";
import { fieldErrorsOf, idParam } from "../../kernel/http/params.ts";
import { createOrganisation, editOrganisation } from "./organisation-service.ts";
import { findOrganisation, listOrganisations } from "./repository.ts";
import { organisationForm } from "./schemas.ts";
import { organisationTypeLabel, organisationTypes } from "./types.ts";

const flashes: Record<string, string> = {
  created: "Organisation added",
  updated: "Organisation updated",
};

const typeItems = organisationTypes.map((type) => ({ value: type.slug, text: type.label }));

export function registerOrganisationRoutes(app: FastifyInstance, { db }: AppContext): void {
  app.get<{ Querystring: { saved?: string } }>("/admin/organisations", async (request, reply) => {
    authorize(request.actor, "admin:manage-organisations");
    const rows = await listOrganisations(db);
    return reply.view("organisations/views/list.njk", {
      title: "Organisations",
      organisations: rows.map((row) => ({ ...row, typeLabel: organisationTypeLabel(row.type) })),
      flash: flashes[String(request.query.saved)],
    });
  });

  app.get("/admin/organisations/new", async (request, reply) => {
    authorize(request.actor, "admin:manage-organisations");
    return reply.view("organisations/views/form.njk", {
      title: "Add an organisation",
      action: "/admin/organisations",
      typeItems,
      values: {},
    });
  });

  app.post("/admin/organisations", async (request, reply) => {
    authorize(request.actor, "admin:manage-organisations");
    const form = parseForm(organisationForm, request.body);
    const page = { title: "Add an organisation", action: "/admin/organisations", typeItems };
    if (!form.ok)
      return reply
        .code(400)
        .view("organisations/views/form.njk", { ...page, errors: form.errors, values: request.body });
    try {
      await createOrganisation(db, request.auditContext(), form.data);
    } catch (error) {
      const errors = fieldErrorsOf(error);
      if (!errors) throw error;
      return reply.code(400).view("organisations/views/form.njk", { ...page, errors, values: request.body });
    }
    return reply.redirect("/admin/organisations?saved=created", 303);
  });

  app.get<{ Params: { id: string } }>("/admin/organisations/:id/edit", async (request, reply) => {
    authorize(request.actor, "admin:manage-organisations");
    const organisation = await findOrganisation(db, idParam(request.params.id));
    if (!organisation) throw AppError.notFound();
    return reply.view("organisations/views/form.njk", {
      title: `Edit ${organisation.name}`,
      action: `/admin/organisations/${organisation.id}`,
      editing: true,
      typeItems,
      values: { name: organisation.name, type: organisation.type, gssCode: organisation.gssCode ?? "" },
    });
  });

  app.post<{ Params: { id: string } }>("/admin/organisations/:id", async (request, reply) => {
    authorize(request.actor, "admin:manage-organisations");
    const organisation = await findOrganisation(db, idParam(request.params.id));
    if (!organisation) throw AppError.notFound();
    const page = {
      title: `Edit ${organisation.name}`,
      action: `/admin/organisations/${organisation.id}`,
      editing: true,
      typeItems,
    };
    const form = parseForm(organisationForm, request.body);
    if (!form.ok)
      return reply
        .code(400)
        .view("organisations/views/form.njk", { ...page, errors: form.errors, values: request.body });
    try {
      await editOrganisation(db, request.auditContext(), organisation.id, form.data);
    } catch (error) {
      const errors = fieldErrorsOf(error);
      if (!errors) throw error;
      return reply.code(400).view("organisations/views/form.njk", { ...page, errors, values: request.body });
    }
    return reply.redirect("/admin/organisations?saved=updated", 303);
  });
}
