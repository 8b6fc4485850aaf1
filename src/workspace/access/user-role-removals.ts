import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { nationLabels, nations } from "../../kernel/auth/policy.ts";
import type { Db } from "../../kernel/db/database.ts";
import { deleteRoute } from "../../kernel/forms/index.ts";
import { path } from "../../kernel/http/paths.ts";
import { findUserById, listCoordinatorNations, listRolesForUser } from "./repository.ts";
import { setCoordinatorNation, setPartnershipRole } from "./role-service.ts";

export const userRolePaths = {
  user: path("/admin/users/:id"),
  removeRole: path("/admin/users/:id/roles/:partnershipId/remove"),
  removeNation: path("/admin/users/:id/nations/:nation/remove", { nation: z.enum(nations) }),
};

const manageUsers = { allow: "admin:manage-users" } as const;

/**
 * An administrator taking away someone's partnership role or national coordinator nation is
 * asked first (the GOV.UK pattern), with what the person loses; a refusal (a partnership's only
 * lead) is said on that page and nothing changes.
 */
export function registerUserRoleRemovals(app: FastifyInstance, db: Db): void {
  deleteRoute(app, {
    path: userRolePaths.removeRole,
    needs: manageUsers,
    load: async (ctx) => {
      const user = await findUserById(db, ctx.params.id);
      const role =
        user && (await listRolesForUser(db, user.id)).find((r) => r.partnershipId === ctx.params.partnershipId);
      return user && role ? { user, role } : undefined;
    },
    question: (ctx) =>
      `Are you sure you want to remove ${ctx.record.user.name}'s role in ${ctx.record.role.partnershipName}?`,
    consequencesIntro: "They will lose:",
    consequences: (ctx) => [
      `their role as ${ctx.record.role.role} of ${ctx.record.role.partnershipName}, and every page of it they could see or change`,
    ],
    warning: "Their account and anything they wrote are kept. You can give them a role again later.",
    remove: (ctx) =>
      setPartnershipRole(
        db,
        ctx.audit,
        { userId: ctx.record.user.id, partnershipId: ctx.record.role.partnershipId, role: null },
        "roles",
      ),
    done: (ctx) => userRolePaths.user(ctx.params.id),
    flash: "Partnership roles updated",
  });

  deleteRoute(app, {
    path: userRolePaths.removeNation,
    needs: manageUsers,
    load: async (ctx) => {
      const user = await findUserById(db, ctx.params.id);
      const nation = ctx.params.nation as (typeof nations)[number];
      return user && (await listCoordinatorNations(db, user.id)).includes(nation) ? { user, nation } : undefined;
    },
    question: (ctx) =>
      `Are you sure ${ctx.record.user.name} should no longer be a national coordinator for ${nationLabels[ctx.record.nation]}?`,
    consequencesIntro: "They will lose:",
    consequences: (ctx) => [
      `reading every partnership in ${nationLabels[ctx.record.nation]}, and the national view, hub and reviews of that nation`,
    ],
    warning: "Their account is kept. You can make them a coordinator again later.",
    remove: (ctx) =>
      setCoordinatorNation(db, ctx.audit, {
        userId: ctx.record.user.id,
        nation: ctx.record.nation,
        coordinator: false,
      }),
    done: (ctx) => userRolePaths.user(ctx.params.id),
    flash: "National coordinator nations updated",
  });
}
