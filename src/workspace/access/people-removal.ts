import type { FastifyInstance } from "fastify";
import type { Db } from "../../kernel/db/database.ts";
import { deleteRoute } from "../../kernel/forms/index.ts";
import { path } from "../../kernel/http/paths.ts";
import { changePerson } from "./people-service.ts";
import { listPeopleInPartnership } from "./repository.ts";

export const peoplePaths = {
  list: path("/partnerships/:id/people"),
  remove: path("/partnerships/:id/people/:userId/remove"),
};

/**
 * Removing someone from a partnership asks first (the GOV.UK pattern), saying what they lose;
 * removing its only lead is refused on that page (the role service's rule), and nothing changes.
 */
export function registerPeopleRemoval(app: FastifyInstance, db: Db): void {
  deleteRoute(app, {
    path: peoplePaths.remove,
    needs: { partnership: "partnership:manage" },
    load: async (ctx) =>
      (await listPeopleInPartnership(db, ctx.params.id)).find((person) => person.userId === ctx.params.userId),
    question: (ctx) => `Are you sure you want to remove ${ctx.record.name} from ${ctx.partnership.name}?`,
    consequencesIntro: "They will lose:",
    consequences: (ctx) => [
      `their role as ${ctx.record.role} of this partnership, and with it every page of the partnership they could see or change`,
    ],
    warning: "They keep their account and anything they wrote here. You can add them again later.",
    remove: (ctx) => changePerson(db, ctx.audit, ctx.params.id, ctx.params.userId, null),
    done: (ctx) => peoplePaths.list(ctx.params.id),
    flash: "Person removed from the partnership",
  });
}
