import type { FastifyInstance } from "fastify";
import { formRoute } from "../../kernel/forms/index.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { accessPaths } from "./paths.ts";
import type { FieldError } from "../../kernel/errors/app-error.ts";
import type { PartnershipRow } from "../partnerships/index.ts";
import { registerPeopleRemoval } from "./people-removal.ts";
import { addPerson, changePerson } from "./people-service.ts";
import { listPeopleInPartnership } from "./repository.ts";
import { personForm, personRoleForm } from "./schemas.ts";

/** Partnership leads manage who has which role in their partnership. */
export function registerPeopleRoutes(app: FastifyInstance, { db }: AppContext): void {
  async function view(partnership: PartnershipRow, extra: { errors?: FieldError[]; values?: unknown } = {}) {
    const people = await listPeopleInPartnership(db, partnership.id);
    return {
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
    };
  }
  const template = "access/views/people.njk";
  const manage = { partnership: "partnership:manage" } as const;

  // The page lists the people and carries the form that adds one.
  formRoute(app, {
    path: accessPaths.people,
    needs: manage,
    template,
    view: (ctx) => view(ctx.partnership),
    schema: personForm,
    save: async (ctx, data) => {
      await addPerson(db, ctx.audit, ctx.partnership.id, data);
      return accessPaths.people(ctx.partnership.id);
    },
    flash: "Person added to the partnership",
  });

  // Each row's role select posts here; an error is keyed to that row's select (the service keys its own).
  formRoute(app, {
    path: accessPaths.person,
    needs: manage,
    schema: personRoleForm,
    page: async (ctx, shown) => ({
      template,
      view: await view(ctx.partnership, {
        errors: shown.errors.map((error) =>
          error.field === "role" ? { ...error, field: `role-${ctx.params.userId}` } : error,
        ),
      }),
    }),
    save: async (ctx, data) => {
      await changePerson(db, ctx.audit, ctx.partnership.id, ctx.params.userId, data.role);
      return accessPaths.people(ctx.partnership.id);
    },
    flash: "Role changed",
  });

  registerPeopleRemoval(app, db);
}
