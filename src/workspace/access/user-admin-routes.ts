import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../kernel/http/context.ts";
import { needs } from "../../kernel/http/pipeline.ts";
import { formRoute } from "../../kernel/forms/index.ts";
import { listOrganisations, organisationTypeLabel } from "../organisations/index.ts";
import { invitationPage } from "./invitation-page.ts";
import { accessPaths } from "./paths.ts";
import { listUsers } from "./repository.ts";
import { userForm } from "./schemas.ts";
import { createUser } from "./user-admin-service.ts";

const statusLabels: Record<string, string> = { active: "Active", invited: "Invited", disabled: "Disabled" };

export function registerUserAdminRoutes(app: FastifyInstance, { db, config }: AppContext): void {
  const newUserPage = async () => ({
    title: "Add a user",
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

  // The response to the POST shows the invitation link once (a secret that must not travel through a
  // redirect or a flash cookie): a page after saving, so no once-token (a repeat could not show it).
  formRoute(app, {
    path: accessPaths.newUser,
    postTo: accessPaths.users,
    needs: admin,
    once: false,
    secret: ["password"],
    template: "access/views/user-new.njk",
    view: () => newUserPage(),
    initial: () => ({ method: "invite" }),
    schema: userForm,
    save: async (ctx, data) => {
      const { password, method, isPlatformAdmin, ...details } = data;
      const { user, invitation } = await createUser(db, ctx.audit, {
        ...details,
        isPlatformAdmin: isPlatformAdmin === "true",
        password: method === "password" ? password! : null,
      });
      if (!invitation)
        return {
          redirect: accessPaths.user(user.id),
          flash: "User added. They can sign in with the password you set.",
        };
      return invitationPage(db, config, ctx.request, user, invitation);
    },
  });
}
