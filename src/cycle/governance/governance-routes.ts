import type { FastifyInstance } from "fastify";
import { can, type Nation, nationLabels } from "../../kernel/auth/policy.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { parseForm } from "../../kernel/http/forms.ts";
import { parseParams, partnershipParams } from "../../kernel/http/params.ts";
import { partnershipFor, type PartnershipRow } from "../../workspace/partnerships/index.ts";
import { authorityTypes, authorityTypesFor, type AuthorityType } from "./coverage.ts";
import { coverageFor, saveGovernance } from "./governance-service.ts";
import { findGovernance, type GovernanceRow } from "./repository.ts";
import { governanceForm } from "./schemas.ts";

export const organisationTypeLabels: Record<string, string> = {
  council: "Council",
  "health-board": "Health board or health body",
  "jobcentre-plus": "Jobcentre Plus",
  police: "Police",
  "youth-offending-team": "Youth offending team",
  probation: "Probation",
  "transport-authority": "Transport authority",
  "district-council": "District council",
  "housing-provider": "Housing provider",
  "school-college": "School or college",
  "voluntary-community-sector": "Voluntary and community sector",
  "advice-agency": "Advice agency",
  employer: "Employer",
  "national-body": "National body",
  other: "Other",
};

const statusTags = {
  met: { text: "Represented", classes: "govuk-tag--green" },
  missing: { text: "Missing", classes: "govuk-tag--red" },
  "not-applicable": { text: "Not applicable", classes: "govuk-tag--grey" },
  unknown: { text: "Not checked", classes: "govuk-tag--yellow" },
};

const legalBasis: Record<string, string> = {
  england:
    "The Child Poverty Act 2010 (Part 2, section 20) names these partner authorities, which must cooperate with the responsible local authority.",
  scotland:
    "The Child Poverty (Scotland) Act 2017 (section 13): each council and each relevant health board prepare the local child poverty action report jointly.",
};

function authorityLabel(governance: GovernanceRow | undefined): string | undefined {
  const type = governance?.authorityType;
  return type && type in authorityTypes ? authorityTypes[type as AuthorityType].label : undefined;
}

function formValues(governance: GovernanceRow | undefined) {
  return {
    authorityType: governance?.authorityType ?? "",
    healthBoardsExpected: String(governance?.healthBoardsExpected ?? 1),
    reportsTo: governance?.reportsTo ?? "",
    chairName: governance?.chairName ?? "",
    chairIsElectedMember: governance ? (governance.chairIsElectedMember ? "yes" : "no") : "",
    termsOfReference: governance?.termsOfReference ?? "",
  };
}

function editContext(partnership: PartnershipRow) {
  return {
    title: "Edit the partnership record",
    partnership,
    authorityItems: authorityTypesFor(partnership.nation as Nation).map((key) => ({
      value: key,
      text: authorityTypes[key].label,
    })),
  };
}

export function registerGovernanceRoutes(app: FastifyInstance, { db }: AppContext): void {
  app.get("/partnerships/:id/governance", async (request, reply) => {
    const { id } = parseParams(partnershipParams, request.params);
    const partnership = await partnershipFor(db, request.actor, id, "partnership:read");
    const governance = await findGovernance(db, id);
    return reply.view("governance/views/governance.njk", {
      title: `Partnership record – ${partnership.name}`,
      partnership,
      governance: governance ?? {},
      authorityLabel: authorityLabel(governance),
      nationLabel: nationLabels[partnership.nation as Nation],
      canManage: can(request.actor, "partnership:manage", { partnershipId: id, nation: partnership.nation as Nation }),
      flash: (request.query as { saved?: string }).saved ? "The partnership record has been saved" : undefined,
    });
  });

  app.get("/partnerships/:id/governance/edit", async (request, reply) => {
    const { id } = parseParams(partnershipParams, request.params);
    const partnership = await partnershipFor(db, request.actor, id, "partnership:manage");
    const governance = await findGovernance(db, id);
    return reply.view("governance/views/governance-edit.njk", {
      ...editContext(partnership),
      values: formValues(governance),
    });
  });

  app.post("/partnerships/:id/governance", async (request, reply) => {
    const { id } = parseParams(partnershipParams, request.params);
    const partnership = await partnershipFor(db, request.actor, id, "partnership:manage");
    const form = parseForm(governanceForm, request.body);
    const allowed = authorityTypesFor(partnership.nation as Nation) as string[];
    if (form.ok && !allowed.includes(form.data.authorityType)) {
      const errors = [{ field: "authorityType", message: "Select a type of responsible authority for this nation" }];
      return reply
        .code(400)
        .view("governance/views/governance-edit.njk", { ...editContext(partnership), errors, values: request.body });
    }
    if (!form.ok) {
      return reply.code(400).view("governance/views/governance-edit.njk", {
        ...editContext(partnership),
        errors: form.errors,
        values: form.values,
      });
    }
    await saveGovernance(db, request.auditContext(), id, form.data);
    return reply.redirect(`/partnerships/${id}/governance?saved=1`, 303);
  });

  app.get("/partnerships/:id/cooperation", async (request, reply) => {
    const { id } = parseParams(partnershipParams, request.params);
    const partnership = await partnershipFor(db, request.actor, id, "partnership:read");
    const [coverage, governance] = await Promise.all([coverageFor(db, partnership), findGovernance(db, id)]);
    return reply.view("governance/views/cooperation.njk", {
      title: `Duty to cooperate – ${partnership.name}`,
      partnership,
      coverage,
      statusTags,
      typeLabels: organisationTypeLabels,
      legalBasis: legalBasis[partnership.nation],
      authorityLabel: authorityLabel(governance),
      nationLabel: nationLabels[partnership.nation as Nation],
    });
  });
}
