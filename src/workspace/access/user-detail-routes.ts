import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { nationLabels, nations } from "../../kernel/auth/policy.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { type FormContext, formRoute } from "../../kernel/forms/index.ts";
import type { Path } from "../../kernel/http/paths.ts";
import { needs } from "../../kernel/http/pipeline.ts";
import { accessPaths } from "./paths.ts";
import { AppError, type FieldError } from "../../kernel/errors/app-error.ts";
import { findOrganisation } from "../organisations/index.ts";
import { listPartnershipsWhere } from "../partnerships/index.ts";
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
import { invitationPage } from "./invitation-page.ts";
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

  async function view(request: FastifyRequest, user: UserRow, extra: { errors?: FieldError[]; values?: unknown } = {}) {
    const [organisation, roles, coordinatorFor, invitation, partnerships, mfa, mfaRequired] = await Promise.all([
      findOrganisation(db, user.organisationId),
      listRolesForUser(db, user.id),
      listCoordinatorNations(db, user.id),
      pendingInvitationFor(db, user.id),
      listPartnershipsWhere(db, { all: true }),
      mfaStatus(db, user.id),
      roleRequiresMfa(db, user),
    ]);
    return {
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
    };
  }
  const template = "access/views/user-detail.njk";
  const render = async (request: FastifyRequest, reply: FastifyReply, user: UserRow, errors?: FieldError[]) =>
    reply.code(errors ? 400 : 200).view(template, await view(request, user, { errors }));

  /** Every change on this page is a form on it: a rejected one draws the page again (400). */
  function change<S extends z.ZodType>(
    route: ChangePath,
    schema: S,
    flash: string,
    run: (ctx: FormContext<string, UserRow>, data: z.output<S>) => Promise<unknown>,
  ) {
    formRoute(app, {
      path: route as Path<string>,
      needs: admin,
      load: (ctx) => loadUser(ctx.request as FastifyRequest<Params>),
      schema,
      page: async (ctx, shown) => ({ template, view: await view(ctx.request, ctx.record, shown) }),
      save: async (ctx, data) => {
        await run(ctx, data);
        return accessPaths.user(ctx.record.id);
      },
      flash,
    });
  }

  app.get<Params>(accessPaths.user.pattern, needs(accessPaths.user, admin), async (request, reply) => {
    const user = await loadUser(request);
    return render(request, reply, user);
  });

  change(accessPaths.userRoles, roleForm, "Partnership roles updated", (ctx, data) =>
    setPartnershipRole(db, ctx.audit, {
      userId: ctx.record.id,
      partnershipId: data.partnershipId,
      role: data.role === "none" ? null : data.role,
    }),
  );
  change(accessPaths.userNations, nationForm, "National coordinator nations updated", (ctx, data) =>
    setCoordinatorNation(db, ctx.audit, { userId: ctx.record.id, nation: data.nation, coordinator: true }),
  );
  registerUserRoleRemovals(app, db);
  change(accessPaths.userAdmin, adminFlagForm, "Administrator rights updated", (ctx, data) =>
    setPlatformAdmin(db, ctx.audit, ctx.record.id, data.isPlatformAdmin === "true"),
  );
  change(accessPaths.userStatus, statusForm, "Account status updated", (ctx, data) =>
    setUserEnabled(db, ctx.audit, ctx.record.id, data.status === "active"),
  );

  // A new invitation link, shown once on this POST's own response (never a redirect): no once-token.
  formRoute(app, {
    path: accessPaths.invitation,
    needs: admin,
    once: false,
    load: (ctx) => loadUser(ctx.request),
    schema: z.object({}),
    page: async (ctx, shown) => ({ template, view: await view(ctx.request, ctx.record, shown) }),
    save: async (ctx) => {
      const invitation = await issueInvitation(db, ctx.audit, ctx.record.id);
      return invitationPage(db, config, ctx.request, ctx.record, invitation);
    },
  });
}
