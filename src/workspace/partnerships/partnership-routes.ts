import type { FastifyInstance } from "fastify";
import { can, type Nation, nationLabels, nations } from "../../kernel/auth/policy.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { createVersionedCache, readVersions } from "../../kernel/db/data-version.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { formRoute } from "../../kernel/forms/index.ts";
import { needs } from "../../kernel/http/pipeline.ts";
import { organisationTypeLabel } from "../organisations/index.ts";
import { partnershipPaths } from "./paths.ts";
import { createPartnership } from "./partnership-service.ts";
import { requiredPartners } from "./representation.ts";
import { listMembers, type MemberOrganisation } from "./repository.ts";
import { partnershipForm } from "./schemas.ts";

/** People with a role in a partnership; supplied by the access domain through the composition root. */
export interface PartnershipPerson {
  userId: string;
  name: string;
  email: string;
  organisationName: string;
  role: string;
  status: string;
}

export interface PartnershipRouteDeps {
  peopleFor: (db: Executor, partnershipId: string) => Promise<PartnershipPerson[]>;
}

type Overview = {
  members: (MemberOrganisation & { typeLabel: string })[];
  people: PartnershipPerson[];
  required: ReturnType<typeof requiredPartners>;
};
const overviews = createVersionedCache<Overview>(500);

const nationItems = nations.map((nation) => ({ value: nation, text: nationLabels[nation] }));

export function registerPartnershipRoutes(app: FastifyInstance, { db }: AppContext, deps: PartnershipRouteDeps): void {
  formRoute(app, {
    path: partnershipPaths.create,
    postTo: partnershipPaths.list,
    needs: { allow: "partnership:create" },
    template: "partnerships/views/new.njk",
    view: () => ({ title: "Create a partnership", nationItems }),
    schema: partnershipForm,
    save: async (ctx, data) => {
      const partnership = await createPartnership(db, ctx.audit, data);
      return partnershipPaths.overview(partnership.id);
    },
    flash: "Partnership created. Add its member organisations and people next.",
  });

  const overview = partnershipPaths.overview;
  app.get(overview.pattern, needs(overview, { partnership: "partnership:read" }), async (request, reply) => {
    const partnership = request.partnership;
    const target = { partnershipId: partnership.id, nation: partnership.nation as Nation };
    // Members and people change with the content version (member organisations, their names) and
    // the access version (people, their roles): kept until either moves, on any node.
    const { access, content } = await readVersions(db);
    const { id, nation, areaCode } = partnership;
    const kept = await overviews.get(db, `${content}/${access}`, JSON.stringify([id, nation, areaCode]), async () => {
      const [members, people] = await Promise.all([listMembers(db, id), deps.peopleFor(db, id)]);
      return {
        members: members.map((member) => ({ ...member, typeLabel: organisationTypeLabel(member.type) })),
        people,
        required: requiredPartners(
          nation as Nation,
          areaCode,
          members.map((member) => member.type),
        ),
      };
    });
    return reply.view("partnerships/views/overview.njk", {
      title: partnership.name,
      partnership,
      nationLabel: nationLabels[partnership.nation as Nation],
      ...kept,
      canManage: can(request.actor, "partnership:manage", target),
      canReadAudit: can(request.actor, "partnership:read-audit", target),
    });
  });
}
