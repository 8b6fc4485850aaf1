import type { FastifyInstance } from "fastify";
import { formRoute } from "../../kernel/forms/index.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { listOrganisations, organisationTypeLabel } from "../organisations/index.ts";
import { partnershipPaths } from "./paths.ts";
import { registerMemberRemoval } from "./member-removal.ts";
import { addMemberOrganisation } from "./partnership-service.ts";
import { listMembers, type PartnershipRow } from "./repository.ts";
import { memberForm } from "./schemas.ts";

async function pageContext(db: Executor, partnership: PartnershipRow) {
  const [members, organisations] = await Promise.all([listMembers(db, partnership.id), listOrganisations(db)]);
  const memberIds = new Set(members.map((member) => member.organisationId));
  return {
    title: `Member organisations – ${partnership.name}`,
    partnership,
    members: members.map((member) => ({ ...member, typeLabel: organisationTypeLabel(member.type) })),
    organisationItems: organisations
      .filter((organisation) => !memberIds.has(organisation.id))
      .map((organisation) => ({
        value: organisation.id,
        text: `${organisation.name} (${organisationTypeLabel(organisation.type)})`,
      })),
  };
}

/** Leads (and administrators) choose which organisations take part in their partnership. */
export function registerMemberRoutes(app: FastifyInstance, { db }: AppContext): void {
  formRoute(app, {
    path: partnershipPaths.organisations,
    needs: { partnership: "partnership:manage" },
    template: "partnerships/views/organisations.njk",
    view: (ctx) => pageContext(db, ctx.partnership),
    schema: memberForm,
    save: async (ctx, data) => {
      await addMemberOrganisation(db, ctx.audit, ctx.partnership.id, data);
      return partnershipPaths.organisations(ctx.partnership.id);
    },
    flash: "Organisation added to the partnership",
  });

  registerMemberRemoval(app, db);
}
