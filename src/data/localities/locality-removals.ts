import type { FastifyInstance } from "fastify";
import type { Db } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { deleteRoute } from "../../kernel/forms/index.ts";
import { findGroup, findLocality, groupMembers, localityMembers } from "../geography/index.ts";
import { removeGroup } from "./group-service.ts";
import { removeLocality } from "./locality-service.ts";
import { localityPaths as paths } from "./paths.ts";

const edit = { partnership: "partnership:edit" } as const;
const areas = (n: number, one: string, many: string) => (n === 1 ? `its list of 1 ${one}` : `its list of ${n} ${many}`);

/** Deleting a locality or a comparison group of the partnership: each confirmed first. */
export function registerLocalityRemovals(
  app: FastifyInstance,
  db: Db,
  uses: ((db: Db, partnershipId: string, localityId: string) => Promise<string[]>)[],
): void {
  deleteRoute(app, {
    path: paths.removeLocality,
    needs: edit,
    load: (ctx) => findLocality(db, ctx.params.childId, ctx.partnership.id),
    question: (ctx) => `Are you sure you want to delete the locality “${ctx.record.name}”?`,
    consequences: async (ctx) => {
      const members = await localityMembers(db, ctx.record.id);
      const elsewhere = await Promise.all(uses.map((use) => use(db, ctx.partnership.id, ctx.record.id)));
      return [
        `${areas(members.length, "small area", "small areas")} (the areas themselves and their data stay)`,
        ...elsewhere.flat(),
      ];
    },
    confirmText: "Yes, delete it",
    remove: (ctx) => removeLocality(db, ctx.audit, ctx.partnership.id, ctx.record.id),
    done: (ctx) => paths.list(ctx.partnership.id),
    flash: "The locality has been deleted",
  });

  deleteRoute(app, {
    path: paths.removeGroup,
    needs: edit,
    load: async (ctx) => {
      const group = await findGroup(db, ctx.params.childId, ctx.partnership.id);
      if (group && group.partnershipId !== ctx.partnership.id)
        throw AppError.forbidden(
          "This comparison group is shared by every partnership; only an administrator can remove it",
        );
      return group;
    },
    question: (ctx) => `Are you sure you want to delete the comparison group “${ctx.record.name}”?`,
    consequences: async (ctx) => {
      const members = await groupMembers(db, ctx.record.id);
      return [`${areas(members.length, "area", "areas")} (the areas themselves and their data stay)`];
    },
    confirmText: "Yes, delete it",
    remove: (ctx) => removeGroup(db, ctx.audit, ctx.partnership.id, ctx.record.id),
    done: (ctx) => paths.list(ctx.partnership.id),
    flash: "The comparison group has been deleted",
  });
}
