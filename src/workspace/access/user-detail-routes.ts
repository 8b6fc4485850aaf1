import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import { nationLabels, nations } from "../../kernel/auth/policy.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { parseForm } from "../../kernel/http/forms.ts";
import { fieldErrorsOf } from "../../kernel/http/params.ts";
import { needs } from "../../kernel/http/pipeline.ts";
import { accessPaths } from "./paths.ts";
import { AppError, type FieldError } from "../../kernel/errors/app-error.ts";
import { findOrganisation } from "../organisations/index.ts";
import { listPartnershipsWhere } from "../partnerships/index.ts";
import { deliverInvitation } from "./invitation-delivery.ts";
import { issueInvitation } from "./invitation-service.ts";
import { mfaStatus, roleRequiresMfa } from "./mfa-service.ts";
import {
  findUserById,
  listCoordinatorNations,
  listRolesForUser,
  pendingInvitationFor,
  type UserRow,
} from "./repository.ts";
import { setCoordinatorNation, setPartnershipRole } from "./role-service.ts";
import { adminFlagForm, nationForm, roleForm, statusForm } from "./schemas.ts";
import { registerUserRoleRemovals } from "./user-role-removals.ts";
import { baseUrl } from "./user-admin-routes.ts";
import { setPlatformAdmin, setUserEnabled } from "./user-admin-service.ts";

type Params = { Params: { id: string } };
type ChangePath = (typeof accessPaths)["userRoles" | "userNations" | "userAdmin" | "userStatus"];

export function registerUserDetailRoutes(app: FastifyInstance, { db, config }: AppContext): void {
  // Every route here needs "admin:manage-users" and a UUID at :id (checked by its path).
  const admin = { allow: "admin:manage-users" } as const;
  async function loadUser(request: FastifyRequest<Params>): Promise<UserRow> {
    const user = await findUserById(db, request.params.id);
    if (!user) throw AppError.notFound();
    return user;
  }

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    user: UserRow,
    extra: { errors?: FieldError[]; values?: unknown; flash?: string } = {},
  ) {
    const [organisation, roles, coordinatorFor, invitation, partnerships, mfa, mfaRequired] = await Promise.all([
      findOrganisation(db, user.organisationId),
      listRolesForUser(db, user.id),
      listCoordinatorNations(db, user.id),
      pendingInvitationFor(db, user.id),
      listPartnershipsWhere(db, { all: true }),
      mfaStatus(db, user.id),
      roleRequiresMfa(db, user),
    ]);
    return reply.view("access/views/user-detail.njk", {
      title: user.name,
      user,
      isSelf: request.actor?.userId === user.id,
      organisationName: organisation?.name,
      roles,
      coordinatorFor: coordinatorFor.map((nation) => ({ nation, label: nationLabels[nation] })),
      nationItems: nations
        .filter((nation) => !coordinatorFor.includes(nation))
        .map((nation) => ({ value: nation, text: nationLabels[nation] })),
      partnershipItems: partnerships.map((partnership) => ({ value: partnership.id, text: partnership.name })),
      invitation,
      mfa,
      mfaRequired,
      values: extra.values ?? {},
      errors: extra.errors,
      flash: extra.flash,
    });
  }

  /** The shared shape of every change on this page: parse, run the service, show errors or redirect. */
  function change<S extends z.ZodType>(
    route: ChangePath,
    schema: S,
    flash: string,
    run: (request: FastifyRequest<Params>, user: UserRow, data: z.infer<S>) => Promise<unknown>,
  ) {
    app.post(route.pattern, needs(route, admin), async (request, reply) => {
      const user = await loadUser(request);
      const form = parseForm(schema, { ...(request.body as object), ...request.params, id: undefined });
      if (!form.ok) return render(request, reply.code(400), user, { errors: form.errors, values: form.values });
      try {
        await run(request, user, form.data);
      } catch (error) {
        const errors = fieldErrorsOf(error);
        if (!errors) throw error;
        return render(request, reply.code(400), user, { errors, values: request.body });
      }
      return reply.flash(flash).redirect(accessPaths.user(user.id), 303);
    });
  }

  app.get<Params>(accessPaths.user.pattern, needs(accessPaths.user, admin), async (request, reply) => {
    const user = await loadUser(request);
    return render(request, reply, user);
  });

  change(accessPaths.userRoles, roleForm, "Partnership roles updated", (request, user, data) =>
    setPartnershipRole(db, request.auditContext(), {
      userId: user.id,
      partnershipId: data.partnershipId,
      role: data.role === "none" ? null : data.role,
    }),
  );
  change(accessPaths.userNations, nationForm, "National coordinator nations updated", (request, user, data) =>
    setCoordinatorNation(db, request.auditContext(), { userId: user.id, nation: data.nation, coordinator: true }),
  );
  registerUserRoleRemovals(app, db);
  change(accessPaths.userAdmin, adminFlagForm, "Administrator rights updated", (request, user, data) =>
    setPlatformAdmin(db, request.auditContext(), user.id, data.isPlatformAdmin === "true"),
  );
  change(accessPaths.userStatus, statusForm, "Account status updated", (request, user, data) =>
    setUserEnabled(db, request.auditContext(), user.id, data.status === "active"),
  );

  app.post<Params>(accessPaths.invitation.pattern, needs(accessPaths.invitation, admin), async (request, reply) => {
    const user = await loadUser(request);
    try {
      const invitation = await issueInvitation(db, request.auditContext(), user.id);
      const delivery = await deliverInvitation(
        db,
        config,
        { audit: request.auditContext(), warn: (details, message) => request.log.warn(details, message) },
        baseUrl(config, request),
        user,
        invitation,
      );
      return reply.view("access/views/invitation-link.njk", { ...delivery, user });
    } catch (error) {
      const errors = fieldErrorsOf(error);
      if (!errors) throw error;
      return render(request, reply.code(400), user, { errors });
    }
  });
}
