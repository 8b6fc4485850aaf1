import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../kernel/http/context.ts";
import { needs } from "../../kernel/http/pipeline.ts";
import { parseForm } from "../../kernel/http/forms.ts";
import { fieldErrorsOf } from "../../kernel/http/params.ts";
import type { FieldError } from "../../kernel/errors/app-error.ts";
import { listOrganisations, organisationTypeLabel } from "../organisations/index.ts";
import { showInvitation } from "./invitation-page.ts";
import { accessPaths } from "./paths.ts";
import { listUsers } from "./repository.ts";
import { userForm } from "./schemas.ts";
import { createUser } from "./user-admin-service.ts";

const statusLabels: Record<string, string> = { active: "Active", invited: "Invited", disabled: "Disabled" };

export function registerUserAdminRoutes(app: FastifyInstance, { db, config }: AppContext): void {
  const newUserPage = async (errors: FieldError[] = [], values: Record<string, unknown> = {}) => ({
    title: "Add a user",
    errors,
    values,
    organisationItems: (await listOrganisations(db)).map((organisation) => ({
      value: organisation.id,
      text: `${organisation.name} (${organisationTypeLabel(organisation.type)})`,
    })),
  });

  const admin = { allow: "admin:manage-users" } as const;

  app.get(accessPaths.users.pattern, needs(accessPaths.users, admin), async (_request, reply) => {
    const users = await listUsers(db);
    return reply.view("access/views/users.njk", {
      title: "Users",
      users: users.map((user) => ({ ...user, statusLabel: statusLabels[user.status] ?? user.status })),
    });
  });

  app.get(accessPaths.newUser.pattern, needs(accessPaths.newUser, admin), async (_request, reply) => {
    return reply.view("access/views/user-new.njk", await newUserPage([], { method: "invite" }));
  });

  // Hand-written on purpose: the response to this POST shows the invitation link once (a secret that
  // must not travel through a redirect or a flash cookie), so it cannot be a formRoute.
  app.post(accessPaths.users.pattern, needs(accessPaths.users, admin), async (request, reply) => {
    const form = parseForm(userForm, request.body);
    if (!form.ok)
      return reply
        .code(400)
        .view("access/views/user-new.njk", await newUserPage(form.errors, { ...form.values, password: "" }));
    const { password, method, isPlatformAdmin, ...details } = form.data;
    try {
      const { user, invitation } = await createUser(db, request.auditContext(), {
        ...details,
        isPlatformAdmin: isPlatformAdmin === "true",
        password: method === "password" ? password! : null,
      });
      if (!invitation)
        return reply
          .flash("User added. They can sign in with the password you set.")
          .redirect(accessPaths.user(user.id), 303);
      return showInvitation(db, config, request, reply, user, invitation);
    } catch (error) {
      const errors = fieldErrorsOf(error);
      if (!errors) throw error;
      return reply
        .code(400)
        .view("access/views/user-new.njk", await newUserPage(errors, { ...(request.body as object), password: "" }));
    }
  });
}
