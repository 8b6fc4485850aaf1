import type { FastifyInstance } from "fastify";
import type { Db } from "../../kernel/db/database.ts";
import { deleteRoute } from "../../kernel/forms/index.ts";
import { path } from "../../kernel/http/paths.ts";
import { removeMemberOrganisation } from "./partnership-service.ts";
import { listMembers } from "./repository.ts";

export const memberPaths = {
  list: path("/partnerships/:id/organisations"),
  remove: path("/partnerships/:id/organisations/:organisationId/remove"),
};

/** Taking an organisation out of the partnership asks first (the GOV.UK pattern), saying what it loses. */
export function registerMemberRemoval(app: FastifyInstance, db: Db): void {
  deleteRoute(app, {
    path: memberPaths.remove,
    needs: { partnership: "partnership:manage" },
    load: async (ctx) =>
      (await listMembers(db, ctx.params.id)).find((member) => member.organisationId === ctx.params.organisationId),
    question: (ctx) => `Are you sure you want to remove ${ctx.record.name} from ${ctx.partnership.name}?`,
    consequencesIntro: "It will no longer be listed as a member organisation:",
    consequences: (ctx) => [
      ctx.record.role ? `its recorded role (“${ctx.record.role}”)` : "its place among the partnership's organisations",
      "its place in the choices of member organisations, such as the parties to a data-sharing agreement",
    ],
    warning:
      "Its people keep their roles, and what it already leads or is party to is kept. You can add it again later.",
    remove: (ctx) => removeMemberOrganisation(db, ctx.audit, ctx.params.id, ctx.params.organisationId),
    done: (ctx) => memberPaths.list(ctx.params.id),
    flash: "Organisation removed from the partnership",
  });
}
