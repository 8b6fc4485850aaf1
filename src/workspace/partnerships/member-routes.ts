import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../kernel/http/context.ts";
import { parseForm } from "../../kernel/http/forms.ts";
import { fieldErrorsOf } from "../../kernel/http/params.ts";
import { needs } from "../../kernel/http/pipeline.ts";
import type { FieldError } from "../../kernel/errors/app-error.ts";
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
  const render = async (
    reply: import("fastify").FastifyReply,
    partnership: PartnershipRow,
    extra: { errors?: FieldError[]; values?: Record<string, unknown> } = {},
  ) =>
    reply.view("partnerships/views/organisations.njk", {
      ...(await pageContext(db, partnership)),
      values: {},
      ...extra,
    });

  const organisations = partnershipPaths.organisations;
  const manage = needs(organisations, { partnership: "partnership:manage" });
  app.get(organisations.pattern, manage, async (request, reply) => {
    return render(reply, request.partnership);
  });

  app.post(organisations.pattern, manage, async (request, reply) => {
    const partnership = request.partnership;
    const form = parseForm(memberForm, request.body);
    if (!form.ok)
      return render(reply.code(400), partnership, {
        errors: form.errors,
        values: request.body as Record<string, unknown>,
      });
    try {
      await addMemberOrganisation(db, request.auditContext(), partnership.id, form.data);
    } catch (error) {
      const errors = fieldErrorsOf(error);
      if (!errors) throw error;
      return render(reply.code(400), partnership, { errors, values: request.body as Record<string, unknown> });
    }
    return reply
      .flash("Organisation added to the partnership")
      .redirect(`/partnerships/${partnership.id}/organisations`, 303);
  });

  registerMemberRemoval(app, db);
}
