import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { can, type Nation } from "../../kernel/auth/policy.ts";
import { AppError, type FieldError } from "../../kernel/errors/app-error.ts";
import { needs } from "../../kernel/http/pipeline.ts";
import { localityPaths } from "./paths.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { formRoute } from "../../kernel/forms/index.ts";
import { findGroup, findLocality, groupMembers, localityMembers } from "../geography/index.ts";
import type { PartnershipRow } from "../../workspace/partnerships/index.ts";
import { neighboursGroup } from "./group-service.ts";
import { localityUses } from "./extension-points.ts";
import { registerLocalityRemovals } from "./locality-removals.ts";
import { localityFigures } from "./locality-analysis.ts";
import { saveLocality, smallAreasOf } from "./locality-service.ts";
import { groupsWithCounts, localitiesWithCounts } from "./repository.ts";
import { localityForm } from "./schemas.ts";

const kindLabels: Record<string, string> = {
  cipfa: "CIPFA nearest neighbours",
  statistical: "Statistical neighbours",
  geographic: "Geographic neighbours",
  user: "Chosen by the partnership",
};
/** Localities (named sets of small areas) and comparison groups (named sets of authorities) of a partnership. */
export function registerLocalityRoutes(app: FastifyInstance, { db, extensions }: AppContext): void {
  registerLocalityRemovals(app, db, extensions.all(localityUses));
  const canEdit = (request: FastifyRequest, partnership: PartnershipRow) =>
    can(request.actor, "partnership:edit", { partnershipId: partnership.id, nation: partnership.nation as Nation });
  const subnav = (partnership: PartnershipRow) => ({
    partnershipId: partnership.id,
    partnershipName: partnership.name,
    nation: partnership.nation,
    current: "localities",
  });

  async function hub(request: FastifyRequest, partnership: PartnershipRow, extra: { errors?: FieldError[] } = {}) {
    const [localities, groups] = await Promise.all([
      localitiesWithCounts(db, partnership.id),
      groupsWithCounts(db, partnership.id),
    ]);
    return {
      title: `Localities and comparison groups – ${partnership.name}`,
      partnership,
      subnav: subnav(partnership),
      localities,
      groups: groups.map((group) => ({
        ...group,
        kindLabel: kindLabels[group.kind] ?? group.kind,
        shared: group.partnershipId === null,
      })),
      canEdit: canEdit(request, partnership),
      errors: extra.errors,
    };
  }

  async function formView(partnership: PartnershipRow, localityId: string | null) {
    const { authority, small } = await smallAreasOf(db, partnership.areaCode);
    return {
      title: `${localityId ? "Edit" : "Add"} a locality – ${partnership.name}`,
      partnership,
      subnav: subnav(partnership),
      authority,
      localityId,
      areaItems: small.map((area) => ({ value: area.code, text: `${area.name} (${area.code})` })),
    };
  }

  app.get(
    localityPaths.list.pattern,
    needs(localityPaths.list, { partnership: "partnership:read" }),
    async (request, reply) => {
      const partnership = request.partnership;
      return reply.view("localities/views/localities.njk", await hub(request, partnership));
    },
  );

  const saved = "The locality has been saved";
  formRoute(app, {
    path: localityPaths.newLocality,
    postTo: localityPaths.list,
    needs: { partnership: "partnership:edit" },
    template: "localities/views/locality-form.njk",
    view: (ctx) => formView(ctx.partnership, null),
    schema: localityForm,
    save: async (ctx, data) => {
      const id = await saveLocality(db, ctx.audit, ctx.partnership, data, null);
      return localityPaths.locality(ctx.partnership.id, id);
    },
    flash: saved,
  });

  formRoute(app, {
    path: localityPaths.editLocality,
    postTo: localityPaths.locality,
    needs: { partnership: "partnership:edit" },
    load: (ctx) => findLocality(db, ctx.params.childId, ctx.partnership.id),
    template: "localities/views/locality-form.njk",
    view: (ctx) => formView(ctx.partnership, ctx.record.id),
    initial: async (ctx) => ({
      name: ctx.record.name,
      description: ctx.record.description,
      areas: (await localityMembers(db, ctx.record.id)).map((row) => row.area.code),
    }),
    schema: localityForm,
    save: async (ctx, data) => {
      const id = await saveLocality(db, ctx.audit, ctx.partnership, data, ctx.record.id);
      return localityPaths.locality(ctx.partnership.id, id);
    },
    flash: saved,
  });

  app.get(
    localityPaths.locality.pattern,
    needs(localityPaths.locality, { partnership: "partnership:read" }),
    async (request, reply) => {
      const { childId } = request.params;
      const partnership = request.partnership;
      const locality = await findLocality(db, childId, partnership.id);
      if (!locality) throw AppError.notFound();
      const members = (await localityMembers(db, childId)).map((row) => row.area);
      const { figures, notAdditive } = await localityFigures(db, request.actor, partnership, {
        id: locality.id,
        areaIds: members.map((area) => area.id),
      });
      return reply.view("localities/views/locality.njk", {
        title: `${locality.name} – ${partnership.name}`,
        partnership,
        subnav: subnav(partnership),
        locality,
        members,
        figures,
        notAdditive,
        canEdit: canEdit(request, partnership),
      });
    },
  );

  app.get(
    localityPaths.group.pattern,
    needs(localityPaths.group, { partnership: "partnership:read" }),
    async (request, reply) => {
      const { childId } = request.params;
      const partnership = request.partnership;
      const group = await findGroup(db, childId, partnership.id);
      if (!group) throw AppError.notFound();
      return reply.view("localities/views/group.njk", {
        title: `${group.name} – ${partnership.name}`,
        partnership,
        subnav: subnav(partnership),
        group: { ...group, kindLabel: kindLabels[group.kind] ?? group.kind, shared: group.partnershipId === null },
        members: await groupMembers(db, childId),
        canEdit: canEdit(request, partnership) && group.partnershipId === partnership.id,
      });
    },
  );

  // A button on the localities page (no fields): the service's refusal is shown on that page.
  formRoute(app, {
    path: localityPaths.neighboursGroup,
    needs: { partnership: "partnership:edit" },
    schema: z.object({}),
    page: async (ctx, shown) => ({
      template: "localities/views/localities.njk",
      view: await hub(ctx.request, ctx.partnership, { errors: shown.errors }),
    }),
    save: async (ctx) => {
      const groupId = await neighboursGroup(db, ctx.audit, ctx.partnership);
      return localityPaths.group(ctx.partnership.id, groupId);
    },
  });
}
