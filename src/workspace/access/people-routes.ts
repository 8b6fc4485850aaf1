import type { FastifyInstance, FastifyReply } from "fastify";
import type { AppContext } from "../../kernel/http/context.ts";
import { parseForm } from "../../kernel/http/forms.ts";
import { fieldErrorsOf } from "../../kernel/http/params.ts";
import { needs } from "../../kernel/http/pipeline.ts";
import { accessPaths } from "./paths.ts";
import type { FieldError } from "../../kernel/errors/app-error.ts";
import type { PartnershipRow } from "../partnerships/index.ts";
import { registerPeopleRemoval } from "./people-removal.ts";
import { addPerson, changePerson } from "./people-service.ts";
import { listPeopleInPartnership } from "./repository.ts";
import { personForm, personRoleForm } from "./schemas.ts";

/** Partnership leads manage who has which role in their partnership. */
export function registerPeopleRoutes(app: FastifyInstance, { db }: AppContext): void {
  async function render(
    reply: FastifyReply,
    partnership: PartnershipRow,
    extra: { errors?: FieldError[]; values?: unknown; flash?: string } = {},
  ) {
    const people = await listPeopleInPartnership(db, partnership.id);
    return reply.view("access/views/people.njk", {
      title: `People – ${partnership.name}`,
      partnership,
      people,
      roleItems: [
        { value: "lead", text: "Lead" },
        { value: "editor", text: "Editor" },
        { value: "viewer", text: "Viewer" },
      ],
      values: extra.values ?? {},
      errors: extra.errors,
      flash: extra.flash,
    });
  }

  const manage = { partnership: "partnership:manage" } as const;
  app.get(accessPaths.people.pattern, needs(accessPaths.people, manage), async (request, reply) => {
    return render(reply, request.partnership);
  });

  app.post(accessPaths.people.pattern, needs(accessPaths.people, manage), async (request, reply) => {
    const partnership = request.partnership;
    const form = parseForm(personForm, request.body);
    if (!form.ok) return render(reply.code(400), partnership, { errors: form.errors, values: form.values });
    try {
      await addPerson(db, request.auditContext(), partnership.id, form.data);
    } catch (error) {
      const errors = fieldErrorsOf(error);
      if (!errors) throw error;
      return render(reply.code(400), partnership, { errors, values: request.body });
    }
    return reply.flash("Person added to the partnership").redirect(accessPaths.people(partnership.id), 303);
  });

  app.post(accessPaths.person.pattern, needs(accessPaths.person, manage), async (request, reply) => {
    const partnership = request.partnership;
    const { userId } = request.params;
    const form = parseForm(personRoleForm, request.body);
    if (!form.ok)
      return render(reply.code(400), partnership, {
        errors: form.errors.map((error) => ({ ...error, field: `role-${userId}` })),
      });
    try {
      await changePerson(db, request.auditContext(), partnership.id, userId, form.data.role);
    } catch (error) {
      const errors = fieldErrorsOf(error);
      if (!errors) throw error;
      return render(reply.code(400), partnership, { errors });
    }
    return reply.flash("Role changed").redirect(accessPaths.people(partnership.id), 303);
  });

  registerPeopleRemoval(app, db);
}
